// `ucap render FILE... [--lang en|ja|both|all] [-o FILE | --out-dir DIR]
//               [--roster FILE] [--diagnostics=text|json] [--pdf-standard ua-1,a-2a|ua-1|a-2a|none]`
#pragma once

#include <string>
#include <vector>

#include "ucap/engine.h"

namespace ucap::cli {

struct RenderCommandOptions {
  std::vector<std::string> files;  // "-" reads standard input
  // en, ja; both: one bilingual PDF (NAME.en-ja.pdf, in the plan's order of
  // languages); all: one PDF per language the plan declares.
  std::string language = "all";
  std::string output;              // -o: one PDF; "-" writes standard output
  std::string out_dir;             // --out-dir: NAME.<lang>.pdf there
  std::string roster;
  bool json = false;
  PdfStandards pdf_standards;  // --pdf-standard
  std::string data_directory;
};

// Renders every valid file; returns 0 when all were rendered, 1 when a file
// had errors (it is not rendered), 2 when a file could not be read or a
// PDF could not be written.
int run_render(const RenderCommandOptions& options);

}  // namespace ucap::cli
