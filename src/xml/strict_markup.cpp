#include "xml/strict_markup.h"

#include <charconv>
#include <cstdint>

#include <fmt/format.h>

namespace ucap::xml {

namespace {

// Where '&' and '<' are not markup: from each opening to its closing.
struct Verbatim {
  std::string_view open, close;
};
constexpr Verbatim verbatim_sections[] = {{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}};

bool is_xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Why the reference that starts at `at` (an '&') is not valid, if it is not.
std::optional<std::string> reference_problem(std::string_view xml, std::size_t at) {
  std::size_t semicolon = xml.find(';', at);
  // Names and numbers are short; a ';' far away belongs to something else.
  if (semicolon == std::string_view::npos || semicolon - at > 32)
    return std::string("'&' must be written &amp; when it does not start a reference");
  std::string_view body = xml.substr(at + 1, semicolon - at - 1);
  if (body == "lt" || body == "gt" || body == "amp" || body == "apos" || body == "quot") return std::nullopt;
  if (body.empty() || body[0] != '#')
    return fmt::format("'&{};' is not one of XML's five entities (&lt; &gt; &amp; &apos; &quot;)", body);
  bool hex = body.size() > 1 && body[1] == 'x';
  std::string_view digits = body.substr(hex ? 2 : 1);
  std::uint32_t code = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || !is_xml_char(code))
    return fmt::format("'&{};' does not name a character XML allows", body);
  return std::nullopt;
}

const Verbatim* verbatim_at(std::string_view xml, std::size_t at) {
  for (const Verbatim& v : verbatim_sections)
    if (xml.substr(at, v.open.size()) == v.open) return &v;
  return nullptr;
}

// Walks the tag that starts at `at` (a '<'), checking its attribute values;
// sets `end` past its '>' (or to the end of the text).
std::optional<MarkupProblem> check_tag(std::string_view xml, std::size_t at, std::size_t& end) {
  char quote = 0;  // inside a value: its quote
  for (std::size_t i = at + 1; i < xml.size(); ++i) {
    char c = xml[i];
    if (!quote) {
      if (c == '"' || c == '\'') quote = c;
      else if (c == '>') { end = i + 1; return std::nullopt; }
    } else if (c == quote) {
      quote = 0;
    } else if (c == '&') {
      if (auto problem = reference_problem(xml, i)) return MarkupProblem{i, std::move(*problem)};
    } else if (c == '<') {
      return MarkupProblem{i, "'<' must be written &lt; in an attribute value"};
    }
  }
  end = xml.size();
  return std::nullopt;
}

}  // namespace

std::optional<MarkupProblem> first_lenient_markup(std::string_view xml) {
  std::size_t i = 0;
  while ((i = xml.find_first_of("<&", i)) != std::string_view::npos) {
    if (xml[i] == '&') {
      if (auto problem = reference_problem(xml, i)) return MarkupProblem{i, std::move(*problem)};
      ++i;
    } else if (const Verbatim* section = verbatim_at(xml, i)) {
      std::size_t close = xml.find(section->close, i + section->open.size());
      if (close == std::string_view::npos) return std::nullopt;  // the parser accepted the file: not reached
      i = close + section->close.size();
    } else if (auto problem = check_tag(xml, i, i)) {
      return problem;
    }
  }
  return std::nullopt;
}

}  // namespace ucap::xml
