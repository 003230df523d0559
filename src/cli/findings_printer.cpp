#include "findings_printer.h"

#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ucap::cli {

namespace {

// {"input":"plans/x.xml","file":…}: format_json's object with the input first.
std::string json_with_input(const Diagnostic& d, const std::string& input) {
  const std::string object = format_json(d);
  if (input.empty()) return object;
  return "{\"input\":" + nlohmann::json(input).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "," +
         object.substr(1);
}

}  // namespace

void FindingsPrinter::print(const std::vector<Diagnostic>& diagnostics, const std::string& input) {
  for (const Diagnostic& d : diagnostics) {
    if (json_) std::fputs((json_with_input(d, input) + "\n").c_str(), stdout);
    else std::fputs((format_text(d) + "\n").c_str(), stderr);
    if (d.severity == Severity::error) ++errors_;
    else if (d.severity == Severity::warning) ++warnings_;
  }
}

void FindingsPrinter::summary(std::size_t files, const char* extra) const {
  if (json_) return;
  auto plural = [](std::size_t n) { return n == 1 ? "" : "s"; };
  std::fputs(fmt::format("ucap: {} file{}, {} error{}, {} warning{}{}\n", files, plural(files), errors_,
                         plural(errors_), warnings_, plural(warnings_), extra)
                 .c_str(),
             stderr);
}

}  // namespace ucap::cli
