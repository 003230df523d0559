// `ucap batch`: every plan and report below some paths, validated and
// rendered on N threads with one shared engine, recorded in a manifest.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "manifest.h"
#include "ucap/engine.h"

namespace ucap::batch {

struct BatchOptions {
  std::vector<std::string> paths;  // files and folders
  std::string out_dir;
  std::vector<Language> languages{Language::en, Language::ja};
  unsigned jobs = 0;          // 0: default_thread_count()
  std::string roster;         // --roster: check every plan against it (empty: rosters among the inputs)
  std::string fallback_date;  // RenderOptions::fallback_date
  // --lang both: each plan that declares two languages also gets its
  // bilingual edition (NAME.en-ja.pdf, in the plan's order of languages).
  bool bilingual = false;
  // The form `ucap batch` prints findings in ("text", "json"): recorded in
  // the manifest, so a pipeline knows what it read.
  std::string diagnostics_format = "text";
  PdfStandards pdf_standards;  // RenderOptions::pdf_standards
};

// Told how the batch goes, one call at a time (from whichever thread did
// the work): an implementation needs no lock of its own.
class Progress {
 public:
  virtual ~Progress() = default;
  // `path` is starting; `total` inputs in all.
  virtual void started(const std::string& path, std::size_t total) = 0;
  // `done` inputs of `total` are finished, this one included.
  virtual void finished(const InputRecord& record, std::size_t done, std::size_t total) = 0;
};

// Not a Result<T>: the records and the problems can both be there (a
// manifest that could not be written after every input was done).
struct BatchResult {
  // Why nothing was done: a path that cannot be read (UCAP090), an output
  // folder that cannot be written (UCAP091), an unusable --roster (UCAP053).
  // The manifest is not written then, unless the problem is the manifest's own.
  std::vector<Diagnostic> problems;
  std::vector<InputRecord> records;  // every input, sorted by path
  Totals totals;
  int stopped_by = 0;  // the signal that stopped it, 0 when it ran to its end
};

// Runs the batch. Once `stop` holds a signal number no new input is
// started; inputs already started are finished (their PDFs are whole), the
// rest are recorded as not done. DIR/manifest.json is written at the end,
// stopped or not.
BatchResult run_batch(const Engine& engine, const BatchOptions& options, const std::atomic<int>& stop,
                      Progress& progress);

// "SIGINT", "SIGTERM", "SIGHUP", "SIGXFSZ", "signal N"; empty for 0.
std::string signal_name(int signal);

// 0 every input rendered (or checked), 1 any failed, 2 problems (nothing
// done), 128 + the signal when stopped (130 SIGINT, 143 SIGTERM, 129
// SIGHUP, 153 SIGXFSZ).
int exit_status(const BatchResult& result);

}  // namespace ucap::batch
