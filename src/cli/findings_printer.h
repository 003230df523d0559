// Printing findings the same way for every subcommand: text on stderr with
// a summary line, or JSON lines on stdout.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ucap/diagnostic.h"

namespace ucap::cli {

class FindingsPrinter {
 public:
  explicit FindingsPrinter(bool json) : json_(json) {}

  // With `input` (JSON only): each object also names the input whose
  // findings these are, as "input" before the rest (`ucap batch`, where a
  // report's findings may be about its roster).
  void print(const std::vector<Diagnostic>& diagnostics, const std::string& input = {});
  // "ucap: 3 files, 1 error, 0 warnings" (text mode only), plus `extra`.
  void summary(std::size_t files, const char* extra = "") const;

  std::size_t errors() const { return errors_; }
  std::size_t warnings() const { return warnings_; }
  bool json() const { return json_; }

 private:
  bool json_;
  std::size_t errors_ = 0, warnings_ = 0;
};

}  // namespace ucap::cli
