// What a batch did with each input, and DIR/manifest.json that records it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ucap/diagnostic.h"
#include "ucap/document.h"
#include "ucap/engine.h"

namespace ucap::batch {

enum class InputStatus {
  not_done,  // not started: the batch was stopped first
  rendered,  // a plan or report without errors, every PDF asked of it written (warnings allowed)
  checked,   // a roster without errors (rosters are used, not rendered)
  failed,    // errors: unreadable, not well-formed, another root, invalid, or a PDF not written
};

// "not-done", "rendered", "checked", "failed".
const char* to_string(InputStatus status);

struct InputRecord {
  std::string path;  // as found
  DocumentKind kind = DocumentKind::none;
  std::vector<std::string> outputs;  // PDFs written, relative to the output folder
  InputStatus status = InputStatus::not_done;
  std::vector<Diagnostic> diagnostics;  // all of this input's findings, errors first
  double milliseconds = 0;  // reading, checking and rendering it
};

struct Totals {
  std::size_t inputs = 0, rendered = 0, checked = 0, failed = 0, not_done = 0;
  std::size_t pdfs = 0, errors = 0, warnings = 0;
  double milliseconds = 0;  // the batch's wall time
};

Totals count(const std::vector<InputRecord>& records, double wall_milliseconds);

struct ManifestHeader {
  std::vector<Language> languages;  // asked for with --lang
  std::string stopped_by;  // "SIGINT", "SIGTERM", or empty when the batch ran to its end
  bool bilingual = false;   // --lang both: the bilingual editions too
  std::string diagnostics;  // how findings were printed: "text" (when empty) or "json"
  PdfStandards pdf_standards;  // --pdf-standard
};

// The manifest's text: the header, every record in the order given (the
// batch sorts them by path), the totals. Keys and records come in a fixed
// order, so two runs differ only in their milliseconds.
std::string manifest_json(const ManifestHeader& header, const std::vector<InputRecord>& records, const Totals& totals);

}  // namespace ucap::batch
