// How `ucap batch` shows its progress on standard error: a bar redrawn in
// place on a terminal, one line per finished input otherwise; each input's
// findings as `ucap validate` prints them.
#pragma once

#include <memory>

#include "batch.h"

namespace ucap::cli {

// A bar when standard error is a terminal, else lines. With `json` each
// input's findings go to standard output as JSON lines naming the input.
std::unique_ptr<batch::Progress> progress_for_stderr(bool json);

// The last line: "ucap batch: 15 inputs: 13 rendered (24 PDFs), 1 checked,
// 1 failed, 0 not done, 2 warnings, 0.84 s", after a line saying how it
// was stopped, if it was.
void print_summary(const batch::BatchResult& result, const std::string& manifest_path);

}  // namespace ucap::cli
