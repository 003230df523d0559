#include "render_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "editions.h"
#include "findings_printer.h"
#include "outputs.h"
#include "ucap/engine.h"
#include "validate_command.h"

namespace ucap::cli {

namespace {

namespace fs = std::filesystem;

Document read_input(const std::string& file) {
  if (file != "-") return Document::load_file(file);
  return Document::load_stream("<stdin>", std::cin);
}

class RenderRun {
 public:
  RenderRun(const RenderCommandOptions& options, const Engine& engine, const Document* roster)
      : options_(options), engine_(engine), printer_(options.json),
        render_options_(render_options(options, roster)) {}

  int run() {
    for (const std::string& file : options_.files) render_file(file);
    printer_.summary(options_.files.size(), fmt::format(", {} PDF{} written", written_, written_ == 1 ? "" : "s").c_str());
    if (io_failure_) return 2;
    return printer_.errors() ? 1 : 0;
  }

 private:
  void render_file(const std::string& file) {
    const Document plan = read_input(file);
    if (!plan.readable()) {
      printer_.print(plan.diagnostics());
      io_failure_ = true;
      return;
    }
    const bool report = plan.kind() == DocumentKind::progress_report;
    if (plan.kind() != DocumentKind::action_plan && !report) {
      // The engine says why it will not render it.
      printer_.print(engine_.render(plan, Language::en).diagnostics);
      return;
    }
    // A report names its own roster; --roster is for plans.
    Validation check = engine_.validate(plan, report ? nullptr : render_options_.roster);
    printer_.print(check.diagnostics);
    if (!check.ok()) return;
    const std::vector<std::vector<Language>> editions = wanted_editions(plan, options_.language);
    if (!options_.output.empty() && editions.size() > 1) {
      std::fputs("ucap render: -o names one PDF but the document has two languages; add --lang en, ja or both\n", stderr);
      io_failure_ = true;
      return;
    }
    RenderOptions validated = render_options_;  // rendered as it was checked, not checked again
    validated.validation = &check;
    for (const std::vector<Language>& languages : editions) render_edition(file, plan, languages, validated);
  }

  void render_edition(const std::string& file, const Document& plan, const std::vector<Language>& languages,
                      const RenderOptions& render) {
    const std::string path = output_path(options_, file, languages);
    if (path != "-" && !output_allowed(file, path)) return;
    Rendering pdf = path == "-" ? engine_.render(plan, languages, render)
                                : engine_.render_to_file(plan, languages, path, render);
    printer_.print(pdf.diagnostics);
    io_failure_ |= pdf.status == Status::write_failed;
    if (!pdf.ok()) return;
    if (path == "-") {
      std::fwrite(pdf.pdf.data(), 1, pdf.pdf.size(), stdout);
      std::fflush(stdout);
    }
    ++written_;
  }

  // Not over an input, a folder or a FIFO (UCAP064), nor over the PDF an
  // earlier input of this command wrote (UCAP093: the first keeps it).
  bool output_allowed(const std::string& input, const std::string& path) {
    if (auto refused = refused_output(path, inputs_)) {
      printer_.print({*refused});
      io_failure_ = true;
      return false;
    }
    if (auto taken = claims_.claim(fs::path(path).lexically_normal().string(), input)) {
      printer_.print({*taken});
      return false;
    }
    return true;
  }

  const RenderCommandOptions& options_;
  const Engine& engine_;
  FindingsPrinter printer_;
  RenderOptions render_options_;  // the roster and the fallback date, the same for every PDF
  const batch::FileIdentities inputs_ = batch::identities_of(options_.files);
  batch::OutputClaims claims_;
  std::size_t written_ = 0;
  bool io_failure_ = false;
};

// -o names one PDF: one input and one language (or a one-language plan).
std::string check_usage(const RenderCommandOptions& options) {
  if (std::string problem = output_options_problem(options); !problem.empty()) return problem;
  if (options.output == "-" && options.json) return "-o - and --diagnostics=json would both write to standard output";
  return {};
}

}  // namespace

int run_render(const RenderCommandOptions& options) {
  if (std::string problem = check_usage(options); !problem.empty()) {
    std::fputs(fmt::format("ucap render: {}\n", problem).c_str(), stderr);
    return 2;
  }
  if (!options.output.empty() && options.output != "-") {  // before any rendering
    if (auto refused = refused_output(options.output, batch::identities_of(options.files))) {
      FindingsPrinter(options.json).print({*refused});
      return 2;
    }
  }
  if (!options.out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
  }
  const Engine engine = Engine::load({options.data_directory});
  if (!engine) {
    std::fputs(fmt::format("ucap: {}\n", engine.error()).c_str(), stderr);
    return 2;
  }
  FindingsPrinter roster_printer(options.json);
  std::optional<Document> roster;
  if (!options.roster.empty()) {
    roster = load_roster(options.roster, engine, roster_printer);
    if (!roster) return 2;
  }
  return RenderRun(options, engine, roster ? &*roster : nullptr).run();
}

}  // namespace ucap::cli
