// `ucap validate FILE... [--roster FILE] [--diagnostics=text|json]`
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "findings_printer.h"
#include "ucap/engine.h"

namespace ucap::cli {

struct ValidateCommandOptions {
  std::vector<std::string> files;
  std::string roster;
  bool json = false;
  std::string data_directory;
};

// Prints every file's findings and returns the exit status: 0 clean (or
// warnings only), 1 errors found, 2 a file or the roster could not be read.
int run_validate(const ValidateCommandOptions& options);

// The roster given with --roster, its own findings printed; nothing when it
// cannot be read or is not a roster.
std::optional<Document> load_roster(const std::string& path, const Engine& engine, FindingsPrinter& printer);

}  // namespace ucap::cli
