#include "ucap/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ucap {

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::string format_text_without_hint(const Diagnostic& d) {
  std::string where = d.line ? fmt::format("{}:{}:{}", d.file, d.line, d.column) : d.file;
  return fmt::format("{}: {}[{}]: {}", where, to_string(d.severity), d.code, d.message);
}

std::string format_text(const Diagnostic& d) {
  std::string text = format_text_without_hint(d);
  if (!d.hint.empty()) text += fmt::format(" ({})", d.hint);
  return text;
}

std::string format_json(const Diagnostic& d) {
  nlohmann::ordered_json json = {
      {"file", d.file},       {"line", d.line},       {"column", d.column},
      {"severity", to_string(d.severity)}, {"code", d.code}, {"message", d.message},
  };
  if (!d.hint.empty()) json["hint"] = d.hint;
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.severity != b.severity) return a.severity < b.severity;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace ucap
