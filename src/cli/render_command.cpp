#include "cli/render_command.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "cli/findings_printer.h"
#include "cli/validate_command.h"
#include "pdf/pdf_writer.h"
#include "render/engine.h"

namespace ucap::cli {

namespace {

namespace fs = std::filesystem;
using model::Language;

// SOURCE_DATE_EPOCH as YYYY-MM-DD (reproducible builds' convention); empty
// when unset, so that the PDF carries no date rather than the clock's.
std::string date_from_environment() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return {};
  char* end = nullptr;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (*end) return {};
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

std::optional<xml::SourceFile> read_input(const std::string& file, std::vector<Diagnostic>& out) {
  if (file != "-") return xml::read_source_file(file, out);
  std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
  return xml::check_source_bytes("<stdin>", std::move(bytes), out);
}

std::vector<Language> wanted_languages(const model::ActionPlan& plan, const std::string& requested) {
  if (requested == "all") return plan.languages;
  return {requested == "ja" ? Language::ja : Language::en};
}

class RenderRun {
 public:
  RenderRun(const RenderOptions& options, const render::Engine& engine, const model::Roster* roster)
      : options_(options), engine_(engine), roster_(roster), printer_(options.json),
        fallback_date_(date_from_environment()) {}

  int run() {
    for (const std::string& file : options_.files) render_file(file);
    printer_.summary(options_.files.size(), fmt::format(", {} PDF{} written", written_, written_ == 1 ? "" : "s").c_str());
    if (io_failure_) return 2;
    return printer_.errors() ? 1 : 0;
  }

 private:
  void render_file(const std::string& file) {
    std::vector<Diagnostic> read_findings;
    std::optional<xml::SourceFile> source = read_input(file, read_findings);
    if (!source) {
      printer_.print(read_findings);
      io_failure_ = true;
      return;
    }
    render::PlanCheck check = engine_.check_plan(*source, roster_);
    io_failure_ |= check.io_failure;
    printer_.print(check.diagnostics);
    if (!check.renderable()) return;
    const std::vector<Language> languages = wanted_languages(*check.plan, options_.language);
    if (!options_.output.empty() && languages.size() > 1) {
      std::fputs("ucap render: -o names one PDF but the plan has two languages; add --lang en or --lang ja\n", stderr);
      io_failure_ = true;
      return;
    }
    for (Language language : languages) render_language(file, *check.plan, language);
  }

  void render_language(const std::string& file, const model::ActionPlan& plan, Language language) {
    if (std::find(plan.languages.begin(), plan.languages.end(), language) == plan.languages.end()) {
      printer_.print({{"UCAP062", Severity::error, plan.file, plan.languages_attribute.position.line,
                       plan.languages_attribute.position.column,
                       fmt::format("cannot render {}: the plan's languages are \"{}\"", model::language_name_en(language),
                                   plan.languages_attribute.value),
                       "add the language to languages=\"…\" and its texts, or choose --lang"}});
      return;
    }
    render::RenderedPdf pdf = engine_.render_plan(plan, language, fallback_date_);
    printer_.print(pdf.warnings);
    if (!pdf.error.empty()) return output_failure(plan.file, pdf.error);
    const std::string path = output_path(file, language);
    if (path == "-") {
      std::fwrite(pdf.bytes.data(), 1, pdf.bytes.size(), stdout);
      std::fflush(stdout);
    } else if (std::string error = pdf::write_file_atomically(path, pdf.bytes); !error.empty()) {
      return output_failure(path, error);
    }
    ++written_;
  }

  void output_failure(const std::string& path, const std::string& reason) {
    printer_.print({{"UCAP063", Severity::error, path, 0, 0, "cannot write the PDF: " + reason, {}}});
    io_failure_ = true;
  }

  std::string output_path(const std::string& input, Language language) const {
    if (!options_.output.empty()) return options_.output;
    const std::string name = input == "-" ? "stdin" : fs::path(input).stem().string();
    const fs::path folder = !options_.out_dir.empty() ? fs::path(options_.out_dir)
                            : input == "-"            ? fs::path(".")
                                                      : fs::path(input).parent_path();
    return (folder / (name + "." + std::string(model::language_code(language)) + ".pdf")).string();
  }

  const RenderOptions& options_;
  const render::Engine& engine_;
  const model::Roster* roster_;
  FindingsPrinter printer_;
  std::string fallback_date_;
  std::size_t written_ = 0;
  bool io_failure_ = false;
};

// -o names one PDF: one input and one language (or a one-language plan).
std::string check_usage(const RenderOptions& options) {
  if (!options.output.empty() && !options.out_dir.empty()) return "-o and --out-dir cannot be used together";
  if (!options.output.empty() && options.files.size() > 1) return "-o names one PDF; use --out-dir for several files";
  if (options.output == "-" && options.json) return "-o - and --diagnostics=json would both write to standard output";
  return {};
}

}  // namespace

int run_render(const RenderOptions& options) {
  if (std::string problem = check_usage(options); !problem.empty()) {
    std::fputs(fmt::format("ucap render: {}\n", problem).c_str(), stderr);
    return 2;
  }
  if (!options.out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
  }
  std::string error;
  std::unique_ptr<render::Engine> engine = render::Engine::load(options.data_directory, error);
  if (!engine) {
    std::fputs(fmt::format("ucap: {}\n", error).c_str(), stderr);
    return 2;
  }
  FindingsPrinter roster_printer(options.json);
  std::optional<model::Roster> roster;
  if (!options.roster.empty()) {
    roster = load_roster(options.roster, engine->rules(), roster_printer);
    if (!roster) return 2;
  }
  return RenderRun(options, *engine, roster ? &*roster : nullptr).run();
}

}  // namespace ucap::cli
