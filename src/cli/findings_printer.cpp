#include "findings_printer.h"

#include <cstdio>

#include <fmt/format.h>

namespace ucap::cli {

void FindingsPrinter::print(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (json_) std::fputs((format_json(d) + "\n").c_str(), stdout);
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
