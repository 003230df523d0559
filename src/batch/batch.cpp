#include "batch.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>

#include "files/atomic_file.h"
#include "inputs.h"
#include "outputs.h"
#include "parallel.h"
#include "rosters.h"

namespace ucap::batch {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

fs::path identity(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path) : canonical;
}

Diagnostic cannot_use_output_folder(const std::string& folder, const std::string& reason) {
  return Diagnostic{.code = "UCAP091",
                    .severity = Severity::error,
                    .file = folder,
                    .message = "cannot write to the output folder: " + reason,
                    .hint = "choose a folder you can write to with --out-dir"};
}

// The output folder exists (it is made) and a file can be created in it.
std::optional<Diagnostic> prepare_output_folder(const std::string& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return cannot_use_output_folder(folder, ec.message());
  std::string probe = (fs::path(folder) / ".ucap-batch-probe.XXXXXX").string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) return cannot_use_output_folder(folder, std::strerror(errno));
  ::close(fd);
  ::unlink(probe.c_str());
  return std::nullopt;
}

struct PlannedOutput {
  std::vector<Language> languages;  // one, or a plan's two for its bilingual edition
  std::string relative;  // below the output folder
};

// One input as the batch carries it from loading to its record.
struct Job {
  InputFile file;
  std::optional<Document> document;  // loaded in the first pass
  double load_milliseconds = 0;
  const Document* roster = nullptr;     // a plan's pairing is checked against it
  std::vector<PlannedOutput> outputs;   // the PDFs to make, in the order of --lang
  std::vector<Diagnostic> batch_findings;  // UCAP092–094: the batch's own, decided before rendering
  bool blocked = false;                 // an output taken by another input (UCAP093)
};

bool is_rendered_kind(DocumentKind kind) {
  return kind == DocumentKind::action_plan || kind == DocumentKind::progress_report;
}

Diagnostic undeclared_language(const Job& job, Language language) {
  return Diagnostic{.code = "UCAP092",
                    .severity = Severity::warning,
                    .file = job.file.path,
                    .message = std::string("the document does not declare ") + to_string(language) +
                               " in languages=\"…\"; no " + to_string(language) + " PDF was made"};
}

class BatchRun {
 public:
  BatchRun(const Engine& engine, const BatchOptions& options, const std::atomic<int>& stop, Progress& progress)
      : engine_(engine), options_(options), stop_(stop), progress_(progress),
        threads_(options.jobs ? options.jobs : default_thread_count()) {}

  BatchResult run() {
    const Clock::time_point start = Clock::now();
    BatchResult result;
    Inputs inputs = find_inputs(paths_to_read());
    result.problems = std::move(inputs.problems);
    if (result.problems.empty())
      if (auto problem = prepare_output_folder(options_.out_dir)) result.problems.push_back(*problem);
    if (!result.problems.empty()) return result;

    for (InputFile& file : inputs.files) {
      Job job;
      job.file = std::move(file);
      jobs_.push_back(std::move(job));
    }
    records_.resize(jobs_.size());
    for (std::size_t i = 0; i < jobs_.size(); ++i) records_[i].path = jobs_[i].file.path;

    for_each_parallel(jobs_.size(), threads_, stop_, [this](std::size_t i) { load(i); });
    if (stop_.load() == 0) {
      result.problems = assign_rosters();
      if (!result.problems.empty()) return result;
      plan_outputs();
      const std::vector<std::size_t> order = largest_first();
      for_each_parallel(order.size(), threads_, stop_, [&](std::size_t k) { process(order[k]); });
    }
    result.stopped_by = stop_.load();
    result.totals = count(records_, milliseconds_since(start));
    result.records = std::move(records_);
    write_manifest(result);
    return result;
  }

 private:
  std::vector<std::string> paths_to_read() const {
    std::vector<std::string> paths = options_.paths;
    if (!options_.roster.empty()) paths.push_back(options_.roster);  // an input too: checked and listed
    return paths;
  }

  // The order inputs are started in: the largest files first, so that the
  // last input to finish is a short one and no thread idles at the end
  // while another works through a long plan. Records stay in path order.
  std::vector<std::size_t> largest_first() const {
    std::vector<std::uintmax_t> sizes(jobs_.size());
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
      std::error_code ec;
      sizes[i] = fs::file_size(jobs_[i].file.path, ec);
      if (ec) sizes[i] = 0;
    }
    std::vector<std::size_t> order(jobs_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    return order;
  }

  void load(std::size_t i) {
    const Clock::time_point start = Clock::now();
    jobs_[i].document = Document::load_file(jobs_[i].file.path);
    jobs_[i].load_milliseconds = milliseconds_since(start);
    records_[i].kind = jobs_[i].document->kind();
  }

  // --roster for every plan, else the rosters among the inputs (see
  // choose_roster). Returns why --roster cannot serve, if it cannot.
  std::vector<Diagnostic> assign_rosters() {
    if (!options_.roster.empty()) {
      const fs::path wanted = identity(options_.roster);
      auto given = std::find_if(jobs_.begin(), jobs_.end(), [&](const Job& job) { return identity(job.file.path) == wanted; });
      if (given == jobs_.end())  // a folder
        return {Diagnostic{.code = "UCAP053",
                           .severity = Severity::error,
                           .file = options_.roster,
                           .message = "the path given with --roster is not a <roster> file"}};
      const Document& roster = *given->document;
      if (roster.kind() != DocumentKind::roster) return not_a_roster(roster);
      for (Job& job : jobs_)
        if (job.document->kind() == DocumentKind::action_plan) job.roster = &roster;
      return {};
    }
    std::vector<std::string> roster_paths;
    std::vector<const Document*> rosters;
    for (const Job& job : jobs_)
      if (job.document->kind() == DocumentKind::roster) {
        roster_paths.push_back(job.file.path);
        rosters.push_back(&*job.document);
      }
    for (Job& job : jobs_) {
      if (job.document->kind() != DocumentKind::action_plan) continue;
      RosterChoice choice = choose_roster(job.file.path, roster_paths);
      if (choice.roster) job.roster = rosters[*choice.roster];
      if (choice.warning) job.batch_findings.push_back(*choice.warning);
    }
    return {};
  }

  std::vector<Diagnostic> not_a_roster(const Document& document) const {
    std::vector<Diagnostic> findings = document.diagnostics();
    if (document.kind() != DocumentKind::none)
      findings.push_back(Diagnostic{.code = "UCAP053",
                                    .severity = Severity::error,
                                    .file = document.name(),
                                    .message = "the file given with --roster is not a <roster>"});
    return findings;
  }

  // The PDFs each plan and report will make, claimed in sorted order so
  // that who wins a shared name never depends on --jobs; their folders are
  // made here, before the threads start.
  void plan_outputs() {
    OutputClaims claims;
    std::vector<std::string> input_paths;
    for (const Job& job : jobs_) input_paths.push_back(job.file.path);
    const FileIdentities inputs = identities_of(input_paths);
    for (Job& job : jobs_) {
      if (!is_rendered_kind(job.document->kind())) continue;
      const std::vector<Language> declared = job.document->languages();
      for (Language language : options_.languages) {
        if (std::find(declared.begin(), declared.end(), language) == declared.end()) {
          // A report is written in one language: the others are not missing.
          if (job.document->kind() == DocumentKind::action_plan) job.batch_findings.push_back(undeclared_language(job, language));
          continue;
        }
        plan_output(job, claims, inputs, {language});
      }
      // A plan in one language has no bilingual edition, and a report none.
      if (options_.bilingual && job.document->kind() == DocumentKind::action_plan && declared.size() == 2)
        plan_output(job, claims, inputs, declared);
      if (job.outputs.empty() && job.document->kind() == DocumentKind::progress_report && !declared.empty())
        job.batch_findings.push_back(undeclared_language(job, options_.languages.front()));
      make_folders(job);
    }
  }

  void plan_output(Job& job, OutputClaims& claims, const FileIdentities& inputs,
                   const std::vector<Language>& languages) const {
    PlannedOutput output{languages, output_name(job.file.relative, languages)};
    if (auto taken = claims.claim(output.relative, job.file.path)) {
      job.batch_findings.push_back(*taken);
      job.blocked = true;
    }
    const std::string path = (fs::path(options_.out_dir) / output.relative).string();
    if (auto refused = refuse_output(path, inputs, "remove it, or choose another --out-dir")) {
      job.batch_findings.push_back(*refused);
      job.blocked = true;
    }
    job.outputs.push_back(std::move(output));
  }

  void make_folders(const Job& job) const {
    for (const PlannedOutput& output : job.outputs) {
      std::error_code ec;  // a folder that cannot be made fails that PDF's write (UCAP063)
      fs::create_directories((fs::path(options_.out_dir) / output.relative).parent_path(), ec);
    }
  }

  void process(std::size_t i) {
    const Clock::time_point start = Clock::now();
    Job& job = jobs_[i];
    InputRecord& record = records_[i];
    report_started(job.file.path);
    record.status = check_and_render(job, record) ? success_status(job) : InputStatus::failed;
    sort_diagnostics(record.diagnostics);
    record.milliseconds = job.load_milliseconds + milliseconds_since(start);
    report_finished(record);
  }

  static InputStatus success_status(const Job& job) {
    return job.document->kind() == DocumentKind::roster ? InputStatus::checked : InputStatus::rendered;
  }

  // Fills the record's diagnostics and outputs; true when nothing failed.
  bool check_and_render(const Job& job, InputRecord& record) const {
    const Document& document = *job.document;
    if (document.kind() == DocumentKind::none) {
      record.diagnostics = document.diagnostics();
      return false;
    }
    const Validation check = engine_.validate(document, job.roster);
    record.diagnostics = check.diagnostics;
    record.diagnostics.insert(record.diagnostics.end(), job.batch_findings.begin(), job.batch_findings.end());
    if (!check.ok() || job.blocked) return false;
    bool all_written = true;
    // --jobs N is N threads in all: each renders alone, without the PDF
    // writer's second thread.
    RenderOptions render_options;
    render_options.roster = job.roster;
    render_options.fallback_date = options_.fallback_date;
    render_options.use_second_thread = false;
    render_options.pdf_standards = options_.pdf_standards;
    render_options.validation = &check;  // validated once, above, for all its PDFs
    for (const PlannedOutput& output : job.outputs) {
      Rendering pdf = engine_.render(document, output.languages, render_options);
      record.diagnostics.insert(record.diagnostics.end(), pdf.diagnostics.begin(), pdf.diagnostics.end());
      const bool written = pdf.ok() && write_pdf(output, pdf.pdf, record.diagnostics);
      if (written) record.outputs.push_back(output.relative);
      all_written &= written;
    }
    return all_written;
  }

  // Whole or not at all (temporary file + rename). Not flushed one by one:
  // an fsync per PDF made a batch wait on the disk about as long as it
  // computed; the whole batch is flushed once, before the manifest.
  bool write_pdf(const PlannedOutput& output, const std::vector<std::uint8_t>& bytes, std::vector<Diagnostic>& findings) const {
    const std::string path = (fs::path(options_.out_dir) / output.relative).string();
    const std::string error =
        files::write_file_atomically(path, bytes, files::Durability::deferred);
    if (!error.empty())
      findings.push_back(Diagnostic{
          .code = "UCAP063", .severity = Severity::error, .file = path, .message = "cannot write the PDF: " + error});
    return error.empty();
  }

  void report_started(const std::string& path) {
    std::lock_guard lock(progress_mutex_);
    progress_.started(path, records_.size());
  }

  void report_finished(const InputRecord& record) {
    std::lock_guard lock(progress_mutex_);
    progress_.finished(record, ++done_, records_.size());
  }

  void write_manifest(BatchResult& result) const {
    const std::string path = (fs::path(options_.out_dir) / "manifest.json").string();
    ManifestHeader header{options_.languages, signal_name(result.stopped_by), options_.bilingual,
                          options_.diagnostics_format, options_.pdf_standards};
    // The PDFs the manifest lists are on the disk before it is.
    std::string error = files::sync_file_system(options_.out_dir);
    if (error.empty()) error = files::write_file_atomically(path, manifest_json(header, result.records, result.totals));
    if (!error.empty()) result.problems.push_back(cannot_use_output_folder(options_.out_dir, error));
  }

  const Engine& engine_;
  const BatchOptions& options_;
  const std::atomic<int>& stop_;
  Progress& progress_;
  const unsigned threads_;
  std::vector<Job> jobs_;
  std::vector<InputRecord> records_;  // records_[i] is jobs_[i]'s; each written by the one thread that runs it
  std::mutex progress_mutex_;
  std::size_t done_ = 0;  // under progress_mutex_
};

}  // namespace

BatchResult run_batch(const Engine& engine, const BatchOptions& options, const std::atomic<int>& stop, Progress& progress) {
  return BatchRun(engine, options, stop, progress).run();
}

std::string signal_name(int signal) {
  if (signal == 0) return {};
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  if (signal == SIGHUP) return "SIGHUP";
  if (signal == SIGXFSZ) return "SIGXFSZ";
  return "signal " + std::to_string(signal);
}

int exit_status(const BatchResult& result) {
  if (result.stopped_by != 0) return 128 + result.stopped_by;
  if (!result.problems.empty()) return 2;
  return result.totals.failed > 0 ? 1 : 0;
}

}  // namespace ucap::batch
