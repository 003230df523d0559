// Diagnostics: what the engine says about a user's file.
//
// Every finding names the file, the 1-based line and column (columns count
// Unicode code points, not bytes), a stable code (UCAP001…, documented in
// docs/diagnostics.md) and, where one helps, a hint.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ucap/export.h"

namespace ucap {

enum class Severity : std::uint8_t { error, warning, note };

struct Diagnostic {
  std::string code = {};  // "UCAP012"
  Severity severity = Severity::error;
  std::string file = {};
  std::uint32_t line = 0;    // 0 when the finding concerns the file as a whole
  std::uint32_t column = 0;
  std::string message = {};
  std::string hint = {};     // empty when there is nothing useful to add
};

// "error", "warning" or "note".
UCAP_API const char* to_string(Severity severity);

// `file:line:col: severity[CODE]: message` and, when there is a hint,
// ` (hint)` appended — one line, as FORMAT.md §5 prints it.
UCAP_API std::string format_text(const Diagnostic& diagnostic);
// The same line without the hint, where a hint does not belong (a progress
// report's annex of findings).
UCAP_API std::string format_text_without_hint(const Diagnostic& diagnostic);

// One JSON object on one line: {"file":…,"line":…,"column":…,"severity":…,
// "code":…,"message":…,"hint":…}.
UCAP_API std::string format_json(const Diagnostic& diagnostic);

// Sorts one file's findings: most serious first, then by line and column;
// stable for equal keys.
UCAP_API void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

// True when any finding is an error (warnings and notes do not count).
UCAP_API bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace ucap
