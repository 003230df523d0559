#include "batch_command.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "batch.h"
#include "batch_progress.h"
#include "findings_printer.h"
#include "source_date.h"
#include "ucap/engine.h"

namespace ucap::cli {

namespace {

// Set by the signal handler, read by the batch before each input: the only
// thing the handler does, so it is safe whatever the threads are doing.
std::atomic<int> stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the handler needs a lock-free flag");

extern "C" void on_stop_signal(int signal) { stop_signal.store(signal); }

void catch_stop_signals() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in flight carry on
  // A closed terminal (SIGHUP) and a file over the size limit (SIGXFSZ: the
  // write then fails with EFBIG, its temporary is removed) stop it as Ctrl-C does.
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGXFSZ}) sigaction(signal, &action, nullptr);
  // A log reader that goes away (`ucap batch … | head`) must not stop the
  // work: writes to the closed pipe fail with EPIPE and are dropped.
  std::signal(SIGPIPE, SIG_IGN);
}

}  // namespace

int run_batch(const BatchCommandOptions& options) {
  catch_stop_signals();
  batch::BatchOptions batch_options;
  batch_options.paths = options.paths;
  batch_options.out_dir = options.out_dir;
  batch_options.languages.clear();  // filled from --lang below
  batch_options.jobs = options.jobs;
  batch_options.roster = options.roster;
  batch_options.fallback_date = date_from_environment();
  batch_options.pdf_standards = options.pdf_standards;
  batch_options.bilingual = std::find(options.languages.begin(), options.languages.end(), "both") != options.languages.end();
  batch_options.diagnostics_format = options.json ? "json" : "text";
  std::vector<std::string> codes = options.languages;
  if (codes == std::vector<std::string>{"both"}) codes = {"en", "ja"};
  for (const std::string& code : codes) {  // each once, in the order given
    if (code == "both") continue;
    const Language language = *parse_language(code);
    if (std::find(batch_options.languages.begin(), batch_options.languages.end(), language) == batch_options.languages.end())
      batch_options.languages.push_back(language);
  }

  const Engine engine = Engine::load({options.data_directory});
  if (!engine) {
    std::fputs(fmt::format("ucap: {}\n", engine.error()).c_str(), stderr);
    return 2;
  }
  batch::BatchResult result;
  {
    std::unique_ptr<batch::Progress> progress = progress_for_stderr(options.json);
    result = batch::run_batch(engine, batch_options, stop_signal, *progress);
  }  // the bar is cleared before the summary
  FindingsPrinter(options.json).print(result.problems);
  if (!result.records.empty() || result.problems.empty())
    print_summary(result, (std::filesystem::path(options.out_dir) / "manifest.json").string());
  return batch::exit_status(result);
}

}  // namespace ucap::cli
