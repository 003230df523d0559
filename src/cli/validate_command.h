// `ucap validate FILE... [--roster FILE] [--diagnostics=text|json]`
#pragma once

#include <string>
#include <vector>

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

}  // namespace ucap::cli
