// Which PDFs `ucap render` and `ucap watch` make of a document, what each is
// called, and the render options they share, so the two commands cannot
// disagree about a file's name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "outputs.h"
#include "render_command.h"
#include "ucap/engine.h"

namespace ucap::cli {

// The PDFs asked for, each as its languages: "all" is one PDF per language
// the document declares; "both" one bilingual PDF in the plan's order of
// languages (a plan in one language has none: the engine says UCAP062; a
// report has none either: UCAP065).
std::vector<std::vector<Language>> wanted_editions(const Document& plan, const std::string& requested);

// Where the edition of `input` in `languages` goes: -o, else NAME.<edition>.pdf
// in --out-dir or beside the input ("-": the current folder, NAME stdin).
std::string output_path(const RenderCommandOptions& options, const std::string& input,
                        const std::vector<Language>& languages);

// UCAP064 when a PDF of `render` or `watch` must not be written to `path`:
// batch::refuse_output's check (one of `inputs`, a folder, a pipe), with
// the hint the two commands give.
std::optional<Diagnostic> refused_output(const std::string& path, const batch::FileIdentities& inputs);

// Why -o and --out-dir as given cannot name the outputs of `options.files`
// (both given, or -o for several files); empty when they can.
std::string output_options_problem(const RenderCommandOptions& options);

// The options every PDF of one run is rendered with: the roster given with
// --roster (the caller keeps it alive), the fallback date and --pdf-standard.
RenderOptions render_options(const RenderCommandOptions& options, const Document* roster);

}  // namespace ucap::cli
