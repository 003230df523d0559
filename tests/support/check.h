// Test helpers: parse and validate XML held in a string, and describe
// findings compactly ("error UCAP031 16:17") so tests assert exactly what a
// user sees.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/report_sources.h"
#include "validate/rulebook.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::test {

inline const catalog::Catalog& rules() {
  static const std::unique_ptr<catalog::Catalog> loaded = [] {
    std::string error;
    auto book = catalog::Catalog::load(UCAP_SOURCE_DIR, error);
    if (!book) throw std::runtime_error(error);
    return book;
  }();
  return *loaded;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline std::string fixture(const std::string& name) { return read_text(std::string(UCAP_TEST_DIR) + "/fixtures/" + name); }

// `text` with the first `from` replaced by `to`; throws when `from` is absent
// so a test never silently checks the unchanged fixture.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("fixture has no '" + from + "'");
  return text.replace(at, from.size(), to);
}

inline xml::ParsedDocument parse_text(const std::string& text, const std::string& name = "plan.xml") {
  return xml::parse_bytes(name, text);
}

// Parse + validate as if the text were the file `name` (a report's hrefs
// are relative to its folder, and its roster and plans read as the API
// reads them), sorted as the command prints them.
inline std::vector<Diagnostic> check_as(const std::string& name, const std::string& text,
                                        const model::Roster* roster = nullptr) {
  const xml::ParsedDocument parsed = parse_text(text, name);
  if (const auto* report = std::get_if<model::ProgressReport>(&parsed.document)) {
    const std::vector<Diagnostic> about_report =
        report::report_findings(*report, report::load_report_sources(*report), rules());
    return validate::validate_document(parsed, rules(), roster, &about_report);
  }
  return validate::validate_document(parsed, rules(), roster);
}

inline std::vector<Diagnostic> check(const std::string& text, const model::Roster* roster = nullptr) {
  return check_as("plan.xml", text, roster);
}

inline std::string brief(const Diagnostic& d) {
  return std::string(to_string(d.severity)) + " " + d.code + " " + std::to_string(d.line) + ":" +
         std::to_string(d.column);
}

inline std::vector<std::string> briefs(const std::vector<Diagnostic>& findings) {
  std::vector<std::string> out;
  for (const auto& d : findings) out.push_back(brief(d));
  return out;
}

}  // namespace ucap::test

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const auto& s : v) out += "\"" + s + "\" ";
    return (out + "}").c_str();
  }
};
}  // namespace doctest
