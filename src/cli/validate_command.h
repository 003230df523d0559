// `ucap validate FILE... [--roster FILE] [--diagnostics=text|json]`
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/findings_printer.h"
#include "model/roster.h"
#include "validate/rulebook.h"

namespace ucap::cli {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string roster;
  bool json = false;
  std::string data_directory;
};

// Prints every file's findings and returns the exit status: 0 clean (or
// warnings only), 1 errors found, 2 a file or the roster could not be read.
int run_validate(const ValidateOptions& options);

// The roster given with --roster, its own findings printed; nothing when it
// cannot be read or is not a roster.
std::optional<model::Roster> load_roster(const std::string& path, const validate::Rulebook& rules,
                                         FindingsPrinter& printer);

}  // namespace ucap::cli
