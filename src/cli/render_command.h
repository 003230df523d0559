// `ucap render FILE... [--lang en|ja|all] [-o FILE | --out-dir DIR]
//               [--roster FILE] [--diagnostics=text|json]`
#pragma once

#include <string>
#include <vector>

namespace ucap::cli {

struct RenderCommandOptions {
  std::vector<std::string> files;  // "-" reads standard input
  std::string language = "all";    // en, ja, or all the plan's languages
  std::string output;              // -o: one PDF; "-" writes standard output
  std::string out_dir;             // --out-dir: NAME.<lang>.pdf there
  std::string roster;
  bool json = false;
  std::string data_directory;
};

// Renders every valid file; returns 0 when all were rendered, 1 when a file
// had errors (it is not rendered), 2 when a file could not be read or a
// PDF could not be written.
int run_render(const RenderCommandOptions& options);

}  // namespace ucap::cli
