#include "render_command.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "findings_printer.h"
#include "source_date.h"
#include "ucap/engine.h"
#include "validate_command.h"

namespace ucap::cli {

namespace {

namespace fs = std::filesystem;

Document read_input(const std::string& file) {
  if (file != "-") return Document::load_file(file);
  std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
  return Document::load_buffer("<stdin>", bytes);
}

// The PDFs asked for, each as its languages: "all" is one PDF per language
// the document declares; "both" one bilingual PDF in the plan's order of
// languages (a plan in one language has none: the engine says UCAP062; a
// report has none either: UCAP065).
std::vector<std::vector<Language>> wanted_editions(const Document& plan, const std::string& requested) {
  if (requested == "both") {
    std::vector<Language> declared = plan.languages();
    if (declared.size() == 2) return {declared};
    return {{Language::en, Language::ja}};
  }
  if (requested == "ja") return {{Language::ja}};
  if (requested == "en") return {{Language::en}};
  std::vector<std::vector<Language>> editions;
  for (Language language : plan.languages()) editions.push_back({language});
  return editions;
}

// "en", "ja", "en-ja": the part of an output's name before ".pdf".
std::string edition_name(const std::vector<Language>& languages) {
  std::string name;
  for (Language language : languages) {
    if (!name.empty()) name += '-';
    name += to_string(language);
  }
  return name;
}

class RenderRun {
 public:
  RenderRun(const RenderCommandOptions& options, const Engine& engine, const Document* roster)
      : options_(options), engine_(engine), printer_(options.json),
        render_options_{roster, date_from_environment()} {
    render_options_.pdf_standards = options.pdf_standards;
  }

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
    for (const std::vector<Language>& languages : editions) render_edition(file, plan, languages);
  }

  void render_edition(const std::string& file, const Document& plan, const std::vector<Language>& languages) {
    const std::string path = output_path(file, languages);
    Rendering pdf = path == "-" ? engine_.render(plan, languages, render_options_)
                                : engine_.render_to_file(plan, languages, path, render_options_);
    printer_.print(pdf.diagnostics);
    io_failure_ |= pdf.status == Status::write_failed;
    if (!pdf.ok()) return;
    if (path == "-") {
      std::fwrite(pdf.pdf.data(), 1, pdf.pdf.size(), stdout);
      std::fflush(stdout);
    }
    ++written_;
  }

  std::string output_path(const std::string& input, const std::vector<Language>& languages) const {
    if (!options_.output.empty()) return options_.output;
    std::string name = input == "-" ? "stdin" : fs::path(input).stem().string();
    // A file already named for its language (a report, meeting-3.en.xml)
    // keeps its name: meeting-3.en.pdf, not meeting-3.en.en.pdf.
    const std::string suffix = fmt::format(".{}", edition_name(languages));
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      name.resize(name.size() - suffix.size());
    const fs::path folder = !options_.out_dir.empty() ? fs::path(options_.out_dir)
                            : input == "-"            ? fs::path(".")
                                                      : fs::path(input).parent_path();
    return (folder / (name + "." + edition_name(languages) + ".pdf")).string();
  }

  const RenderCommandOptions& options_;
  const Engine& engine_;
  FindingsPrinter printer_;
  RenderOptions render_options_;  // the roster and the fallback date, the same for every PDF
  std::size_t written_ = 0;
  bool io_failure_ = false;
};

// -o names one PDF: one input and one language (or a one-language plan).
std::string check_usage(const RenderCommandOptions& options) {
  if (!options.output.empty() && !options.out_dir.empty()) return "-o and --out-dir cannot be used together";
  if (!options.output.empty() && options.files.size() > 1) return "-o names one PDF; use --out-dir for several files";
  if (options.output == "-" && options.json) return "-o - and --diagnostics=json would both write to standard output";
  return {};
}

}  // namespace

int run_render(const RenderCommandOptions& options) {
  if (std::string problem = check_usage(options); !problem.empty()) {
    std::fputs(fmt::format("ucap render: {}\n", problem).c_str(), stderr);
    return 2;
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
