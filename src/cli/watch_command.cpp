#include "watch_command.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "editions.h"
#include "file_watcher.h"
#include "findings_printer.h"
#include "ucap/engine.h"
#include "validate_command.h"

namespace ucap::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// One save is one render: an editor's save can be several events (a
// backup, the file, its attributes) within a few milliseconds.
constexpr std::chrono::milliseconds settle_time{10};
// How long a file that was deleted or renamed away is given to come back
// (an editor that deletes and re-creates) before the round says it is gone.
constexpr std::chrono::milliseconds reappear_time{300};

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

void say(const std::string& line) {
  std::time_t now = std::time(nullptr);
  char clock[16] = "";
  std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&now));
  std::fputs(fmt::format("[{}] {}\n", clock, line).c_str(), stderr);
}

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

// What one round did with one document: a tally for its status line (PDFs
// written alongside warnings, or errors with a PDF kept), not a Result<T>.
struct Outcome {
  std::vector<std::string> written;  // the PDFs, as their paths
  std::size_t errors = 0, warnings = 0;
  bool missing = false;
  bool kept_pdf = false;             // with errors: a PDF from before is still there
};

// One document being watched, and the keys of what it was made from.
struct Target {
  std::string file;
  std::set<std::string> inputs;   // FileWatcher keys: the file itself and what it names
  std::vector<std::string> folders;  // keys of the plans folders a report lists
  std::vector<std::string> outputs;  // its PDFs, as of the last round that could tell
};

class WatchLoop {
 public:
  WatchLoop(const RenderCommandOptions& options, FileWatcher& watcher) : options_(options), watcher_(watcher) {
    for (const std::string& file : options.files) targets_.push_back({file, {FileWatcher::key(file)}, {}, {}});
    engine_files_ = {FileWatcher::key((fs::path(options.data_directory) / "fonts" / "manifest.xml").string())};
    templates_folder_ = FileWatcher::key((fs::path(options.data_directory) / "templates").string());
    if (!options.roster.empty()) roster_key_ = FileWatcher::key(options.roster);
  }

  int run() {
    if (!load_engine()) return 2;
    if (!options_.roster.empty() && !load_roster()) return 2;
    std::vector<std::size_t> everything;
    for (std::size_t i = 0; i < targets_.size(); ++i) everything.push_back(i);
    std::string status = round(everything);
    for (;;) {
      // Watched before the status line is out: a save made as soon as it
      // is read is seen.
      watch_inputs();
      if (!status.empty()) say(status);
      FileWatcher::Wake wake = watcher_.wait(settle_time, reappear_time);
      if (wake.signal) return 128 + wake.signal;
      status = round(affected(wake.changed));
    }
  }

 private:
  bool load_engine() {
    Engine engine = Engine::load({options_.data_directory});
    if (!engine) {
      std::fputs(fmt::format("ucap watch: {}{}\n", engine.error(), engine_ ? "; the engine is kept as it was" : "").c_str(),
                 stderr);
      return false;
    }
    engine_ = std::move(engine);
    return true;
  }

  bool load_roster() {
    roster_ = load_roster_file();
    return roster_.has_value();
  }

  std::optional<Document> load_roster_file() {
    FindingsPrinter printer(false);
    return ::ucap::cli::load_roster(options_.roster, engine_, printer);
  }

  // The documents a change concerns; the engine and the roster are loaded
  // again first when theirs changed.
  std::vector<std::size_t> affected(const std::set<std::string>& changed) {
    bool engine_changed = false, roster_changed = false;
    for (const std::string& key : changed) {
      engine_changed |= engine_files_.count(key) || fs::path(key).parent_path() == templates_folder_;
      roster_changed |= !roster_key_.empty() && key == roster_key_;
    }
    // When the new data does not load, the message says why and the
    // documents are rendered again with the engine as it was.
    bool all = engine_changed;
    if (engine_changed) load_engine();
    if (roster_changed) {
      if (std::optional<Document> roster = load_roster_file()) roster_ = std::move(roster);
      all = true;
    }
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; i < targets_.size(); ++i)
      if (all || concerns(targets_[i], changed)) chosen.push_back(i);
    return chosen;
  }

  static bool concerns(const Target& target, const std::set<std::string>& changed) {
    for (const std::string& key : changed) {
      if (target.inputs.count(key)) return true;
      for (const std::string& folder : target.folders)
        if (key.compare(0, folder.size() + 1, folder + "/") == 0) return true;
    }
    return false;
  }

  void watch_inputs() {
    std::vector<std::string> files(engine_files_.begin(), engine_files_.end());
    std::vector<std::string> folders{templates_folder_};
    if (!roster_key_.empty()) files.push_back(roster_key_);
    for (const Target& target : targets_) {
      files.insert(files.end(), target.inputs.begin(), target.inputs.end());
      folders.insert(folders.end(), target.folders.begin(), target.folders.end());
    }
    watcher_.watch(files, folders);
  }

  // Renders the documents `which` names; returns the round's status line
  // (empty when there was nothing to do).
  std::string round(const std::vector<std::size_t>& which) {
    if (which.empty()) return {};
    const Clock::time_point start = Clock::now();
    std::vector<std::pair<std::string, Outcome>> outcomes;
    for (std::size_t i : which) outcomes.emplace_back(targets_[i].file, render_target(targets_[i]));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    return status_line(outcomes, took);
  }

  Outcome render_target(Target& target) {
    Outcome outcome;
    const Document document = Document::load_file(target.file);
    remember_inputs(target, document);
    if (!document.readable() && !exists(target.file)) {
      outcome.missing = true;
      return outcome;
    }
    FindingsPrinter printer(false);
    RenderOptions render = render_options(options_, roster_ ? &*roster_ : nullptr);
    const std::vector<std::vector<Language>> editions = wanted_editions(document, options_.language);
    remember_outputs(target, editions);
    const std::optional<Validation> validation = check(document, render, printer);
    const bool renderable = validation && validation->ok();
    render.validation = validation ? &*validation : nullptr;  // each edition rendered as it was checked
    const bool fits = !renderable || fits_output(editions);
    // The inputs as they are now: an inode freed by an editor's save may
    // come back as a PDF's.
    const batch::FileIdentities inputs = batch::identities_of(options_.files);
    if (renderable && fits)
      for (const std::vector<Language>& languages : editions) {
        const std::string path = output_path(options_, target.file, languages);
        if (auto refused = refused_output(path, inputs)) {  // as render refuses it
          printer.print({*refused});
          continue;
        }
        Rendering pdf = engine_.render_to_file(document, languages, path, render);
        printer.print(pdf.diagnostics);
        if (pdf.ok()) outcome.written.push_back(path);
      }
    outcome.errors = printer.errors() + (fits ? 0 : 1);
    outcome.warnings = printer.warnings();
    if (outcome.errors)
      for (const std::string& path : target.outputs) outcome.kept_pdf |= exists(path);
    return outcome;
  }

  // Prints the document's findings; its validation, nothing when it is not
  // a document that is rendered.
  std::optional<Validation> check(const Document& document, const RenderOptions& render, FindingsPrinter& printer) const {
    const DocumentKind kind = document.kind();
    if (kind != DocumentKind::action_plan && kind != DocumentKind::progress_report) {
      printer.print(engine_.render(document, Language::en).diagnostics);  // why it cannot be rendered
      return std::nullopt;
    }
    // A report names its own roster; --roster is for plans.
    Validation validation = engine_.validate(document, kind == DocumentKind::progress_report ? nullptr : render.roster);
    printer.print(validation.diagnostics);
    return validation;
  }

  // -o names one PDF: a document in two languages needs --lang.
  bool fits_output(const std::vector<std::vector<Language>>& editions) const {
    if (options_.output.empty() || editions.size() <= 1) return true;
    std::fputs("ucap watch: -o names one PDF but the document has two languages; add --lang en, ja or both\n", stderr);
    return false;
  }

  // A file that does not parse declares no languages: its PDFs are still
  // those of the last round that could tell.
  void remember_outputs(Target& target, const std::vector<std::vector<Language>>& editions) const {
    if (editions.empty()) return;
    target.outputs.clear();
    for (const std::vector<Language>& languages : editions)
      target.outputs.push_back(output_path(options_, target.file, languages));
  }

  // What the document names now: a new figure is watched from this round on.
  static void remember_inputs(Target& target, const Document& document) {
    const DocumentInputs inputs = document.inputs();
    target.inputs = {FileWatcher::key(target.file)};
    for (const std::string& file : inputs.files) target.inputs.insert(FileWatcher::key(file));
    target.folders.clear();
    for (const std::string& folder : inputs.folders) target.folders.push_back(FileWatcher::key(folder));
  }

  // "rendered plan.en.pdf, plan.ja.pdf in 14 ms", "2 errors: kept the last
  // good PDF", or both for several documents, each failing one by name.
  std::string status_line(const std::vector<std::pair<std::string, Outcome>>& outcomes, long long took) const {
    std::vector<std::string> written, problems;
    std::size_t warnings = 0;
    for (const auto& [file, outcome] : outcomes) {
      written.insert(written.end(), outcome.written.begin(), outcome.written.end());
      warnings += outcome.warnings;
      const std::string who = targets_.size() > 1 ? file + ": " : "";
      if (outcome.missing) problems.push_back(fmt::format("{} is missing: waiting for it", file));
      else if (outcome.errors)
        problems.push_back(fmt::format("{}{}: {}", who, plural(outcome.errors, "error"),
                                       outcome.kept_pdf ? "kept the last good PDF" : "no PDF yet"));
    }
    std::string line;
    if (!written.empty()) line = fmt::format("rendered {} in {} ms", fmt::join(written, ", "), took);
    if (warnings) line += fmt::format("{}{}", line.empty() ? "" : " ", fmt::format("({})", plural(warnings, "warning")));
    for (const std::string& problem : problems) line += (line.empty() ? "" : "; ") + problem;
    return line;
  }

  const RenderCommandOptions& options_;
  FileWatcher& watcher_;
  Engine engine_;
  std::optional<Document> roster_;
  std::vector<Target> targets_;
  std::set<std::string> engine_files_;
  std::string templates_folder_;
  std::string roster_key_;
};

std::string check_watch_usage(const RenderCommandOptions& options) {
  for (const std::string& file : options.files)
    if (file == "-") return "cannot watch standard input; name the file";
  if (options.output == "-") return "-o - cannot be watched; name a PDF or use --out-dir";
  return output_options_problem(options);
}

}  // namespace

int run_watch(const RenderCommandOptions& options) {
  if (std::string problem = check_watch_usage(options); !problem.empty()) {
    std::fputs(fmt::format("ucap watch: {}\n", problem).c_str(), stderr);
    return 2;
  }
  if (!options.output.empty()) {  // as render refuses it, before anything is watched
    if (auto refused = refused_output(options.output, batch::identities_of(options.files))) {
      FindingsPrinter(false).print({*refused});
      return 2;
    }
  }
  FileWatcher watcher;  // first: the signals are its before any thread starts
  if (!watcher.error().empty()) {
    std::fputs(fmt::format("ucap watch: {}\n", watcher.error()).c_str(), stderr);
    return 2;
  }
  if (!options.out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
  }
  return WatchLoop(options, watcher).run();
}

}  // namespace ucap::cli
