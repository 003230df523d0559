#include "xml/strict_markup.h"

#include <charconv>
#include <cstdint>

#include <fmt/format.h>

#include "model/quoted.h"

namespace ucap::xml {

namespace {

// Where '&' and '<' are not markup: from each opening to its closing.
struct Verbatim {
  std::string_view open, close;
  bool is_text;  // a CDATA section is text; comments and PIs are not
};
constexpr Verbatim verbatim_sections[] = {{"<!--", "-->", false}, {"<![CDATA[", "]]>", true}, {"<?", "?>", false}};

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
    return fmt::format("'&{};' is not one of XML's five entities (&lt; &gt; &amp; &apos; &quot;)", model::quoted(body));
  bool hex = body.size() > 1 && body[1] == 'x';
  std::string_view digits = body.substr(hex ? 2 : 1);
  std::uint32_t code = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || !is_xml_char(code))
    return fmt::format("'&{};' does not name a character XML allows", model::quoted(body));
  return std::nullopt;
}

const Verbatim* verbatim_at(std::string_view xml, std::size_t at) {
  for (const Verbatim& v : verbatim_sections)
    if (xml.substr(at, v.open.size()) == v.open) return &v;
  return nullptr;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

enum class TagKind { start, end, empty };

// Walks the tag that starts at `at` (a '<'), checking its attribute values;
// sets `end` past its '>' and `kind` from its shape.
std::optional<MarkupProblem> check_tag(std::string_view xml, std::size_t at, std::size_t& end, TagKind& kind) {
  kind = xml.substr(at + 1, 1) == "/" ? TagKind::end : TagKind::start;
  char quote = 0;  // inside a value: its quote
  for (std::size_t i = at + 1; i < xml.size(); ++i) {
    char c = xml[i];
    if (!quote) {
      if (c == '"' || c == '\'') quote = c;
      else if (c == '>') {
        if (xml[i - 1] == '/') kind = TagKind::empty;
        end = i + 1;
        return std::nullopt;
      }
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

std::string_view tag_name(std::string_view xml, std::size_t at) {
  std::size_t end = xml.find_first_of(" \t\r\n/>", at + 1);
  return xml.substr(at + 1, end == std::string_view::npos ? std::string_view::npos : end - at - 1);
}

// Follows element nesting through the tags, to see what stands outside
// the root element (pugixml drops text there and ignores a second root).
class Nesting {
 public:
  std::optional<MarkupProblem> tag(std::string_view xml, std::size_t at, TagKind kind) {
    if (kind == TagKind::end) {
      --depth_;
      return std::nullopt;
    }
    if (depth_ == 0 && root_seen_)
      return MarkupProblem{at, fmt::format("a second root element <{}>; a document has one", model::quoted(tag_name(xml, at)))};
    root_seen_ = true;
    if (kind == TagKind::start) ++depth_;
    return std::nullopt;
  }
  std::optional<MarkupProblem> character(char c, std::size_t at) const {
    if (depth_ > 0 || is_space(c)) return std::nullopt;
    return MarkupProblem{at, "text outside the root element"};
  }
  std::optional<MarkupProblem> cdata(std::size_t at) const {
    if (depth_ > 0) return std::nullopt;
    return MarkupProblem{at, "text outside the root element"};
  }

 private:
  std::size_t depth_ = 0;
  bool root_seen_ = false;
};

}  // namespace

std::optional<MarkupProblem> first_lenient_markup(std::string_view xml) {
  Nesting nesting;
  std::size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '<') {
      if (const Verbatim* section = verbatim_at(xml, i)) {
        if (section->is_text)
          if (auto problem = nesting.cdata(i)) return problem;
        std::size_t close = xml.find(section->close, i + section->open.size());
        if (close == std::string_view::npos) return std::nullopt;  // the parser accepted the file: not reached
        i = close + section->close.size();
        continue;
      }
      TagKind kind;
      std::size_t start = i;
      if (auto problem = check_tag(xml, start, i, kind)) return problem;
      if (auto problem = nesting.tag(xml, start, kind)) return problem;
      continue;
    }
    if (auto problem = nesting.character(xml[i], i)) return problem;
    if (xml[i] == '&')
      if (auto problem = reference_problem(xml, i)) return MarkupProblem{i, std::move(*problem)};
    ++i;
  }
  return std::nullopt;
}

}  // namespace ucap::xml
