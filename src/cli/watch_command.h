// `ucap watch FILE... [--lang en|ja|both|all] [-o FILE | --out-dir DIR]
//              [--roster FILE]`
//
// Renders as `ucap render` does, then again whenever one of a document's
// inputs changes: the document, the images it shows, the roster, a report's
// roster and plans folder, and the engine's templates and font manifest.
#pragma once

#include "render_command.h"

namespace ucap::cli {

// Runs until SIGINT, SIGTERM or SIGHUP: returns 128 + the signal (130 for
// Ctrl-C), or 2 when it cannot start (usage, the engine, the roster).
// options.json is not used: findings are printed as text, each round ending
// with one status line on stderr.
int run_watch(const RenderCommandOptions& options);

}  // namespace ucap::cli
