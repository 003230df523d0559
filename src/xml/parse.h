// XML → model. Recognises the document by its root element (FORMAT.md:
// <action-plan>, <roster>, <progress-report>) and reports every structural
// problem it meets (not well-formed, DOCTYPE, unknown or misplaced
// elements, missing attributes) with its position; rules about values are
// the validator's.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "model/action_plan.h"
#include "model/progress_report.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "xml/source_file.h"

namespace ucap::xml {

// Limits on the markup, checked on the whole tree before it is read: a file
// past one gets one finding (UCAP084, UCAP086) and nothing else. A real
// plan has a few hundred elements and attributes, about eight deep.
// - Depth (the root is 1): the readers and the layout recurse into lists
//   and notes, and must never meet unbounded depth.
// - Elements and attributes: each costs memory in the model and may cost a
//   finding; without a bound a 16 MiB file of "<p/>" would take gigabytes.
inline constexpr std::size_t max_element_depth = 100;
inline constexpr std::size_t max_elements = 100'000;
inline constexpr std::size_t max_attributes = 100'000;

// Not a Result<T>: a document that parsed may still carry warnings and
// errors, which validation reports with its own.
struct ParsedDocument {
  // monostate when the file could not be read or parsed as XML at all.
  std::variant<std::monostate, model::ActionPlan, model::Roster, model::ProgressReport> document;
  std::vector<Diagnostic> diagnostics;
  bool io_failure = false;  // the file could not be read (exit status 2)
};

ParsedDocument parse_source(const SourceFile& source);
// The source parsed when it was read; otherwise the one finding that says
// why it was not, and whether that is an I/O failure.
ParsedDocument parse_read(SourceRead read);
ParsedDocument parse_file(const std::string& path);
// Bytes already in memory (a buffer, stdin, a fuzzer's input), with the
// checks a file gets; `name` is what diagnostics print.
ParsedDocument parse_bytes(std::string name, std::string bytes);

}  // namespace ucap::xml
