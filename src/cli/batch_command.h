// `ucap batch PATH... --out-dir DIR [--lang en,ja,both] [--jobs N] [--roster FILE]
//             [--diagnostics=text|json] [--pdf-standard ua-1,a-2a|ua-1|a-2a|none]`
#pragma once

#include <string>
#include <vector>

#include "ucap/engine.h"

namespace ucap::cli {

struct BatchCommandOptions {
  std::vector<std::string> paths;
  std::string out_dir;
  // en, ja; both adds each bilingual plan's edition (alone: en, ja and it).
  std::vector<std::string> languages{"en", "ja"};
  unsigned jobs = 0;  // 0: one per processor
  std::string roster;
  bool json = false;  // findings as JSON lines on stdout (progress stays on stderr)
  PdfStandards pdf_standards;  // --pdf-standard
  std::string data_directory;
};

// Renders every plan and report below the paths; returns the exit status
// (batch::exit_status: 0, 1, 2, 130 after SIGINT, 143 after SIGTERM).
int run_batch(const BatchCommandOptions& options);

}  // namespace ucap::cli
