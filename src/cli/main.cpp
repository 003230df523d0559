// The `ucap` command: a thin layer over the public API (include/ucap/).
#include <CLI/CLI.hpp>

#include "batch_command.h"
#include "data_directory.h"
#include "render_command.h"
#include "ucap/engine.h"
#include "validate_command.h"
#include "watch_command.h"

namespace {

// --pdf-standard (render, watch, batch): a value that is not one of the four is a usage error.
const CLI::Validator pdf_standard_names(
    [](std::string& value) {
      return ucap::parse_pdf_standards(value) ? std::string() : "must be ua-1,a-2a, ua-1, a-2a or none";
    },
    "ua-1,a-2a|ua-1|a-2a|none");
const char* const pdf_standard_help =
    "what the PDF meets and claims: ua-1,a-2a (PDF/UA-1 and PDF/A-2a, the default), ua-1, a-2a, or none (untagged)";

// The options of `render` and `watch`, which make the same PDFs of the same
// arguments; a watch has no standard input or output to read or write.
void add_render_options(CLI::App& command, ucap::cli::RenderCommandOptions& options, std::string& pdf_standard,
                        bool watching) {
  command.add_option("files", options.files,
                     watching ? "action plans or progress reports (XML)"
                              : "action plans or progress reports (XML); - reads standard input")
      ->required();
  command.add_option("--lang", options.language,
                     "en, ja, both (a plan's bilingual PDF, NAME.en-ja.pdf), or all: one PDF per language of the document (default)")
      ->check(CLI::IsMember({"en", "ja", "both", "all"}));
  command.add_option("-o,--output", options.output,
                     watching ? "the PDF to write (one file, one language)"
                              : "the PDF to write (one file, one language); - for standard output");
  command.add_option("--out-dir", options.out_dir,
                     "folder for NAME.en.pdf / NAME.ja.pdf / NAME.en-ja.pdf (default: beside each input; NAME.en.xml gives NAME.en.pdf)");
  command.add_option("--roster", options.roster,
                     watching ? "check each plan's pairing against this roster (watched too)"
                              : "check each plan's pairing against this roster first");
  command.add_option("--pdf-standard", pdf_standard, pdf_standard_help)->check(pdf_standard_names);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ucap — urban cooperation action plans and progress reports, from XML to PDF"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("ucap ") + ucap::version());

  ucap::cli::ValidateCommandOptions validate;
  std::string diagnostics_format = "text";
  CLI::App* validate_command = app.add_subcommand("validate", "check plans, rosters and progress reports against the format and template");
  validate_command->add_option("files", validate.files, "action plans, rosters or progress reports (XML)")->required();
  validate_command->add_option("--roster", validate.roster, "check each plan's pairing against this roster (a report uses its own <roster href>)");
  validate_command->add_option("--diagnostics", diagnostics_format, "text (default) or json (one object per line on stdout)")
      ->check(CLI::IsMember({"text", "json"}));

  std::string render_standard = "ua-1,a-2a", watch_standard = "ua-1,a-2a", batch_standard = "ua-1,a-2a";

  ucap::cli::RenderCommandOptions render;
  std::string render_diagnostics = "text";
  CLI::App* render_command = app.add_subcommand(
      "render", "typeset valid action plans and progress reports as PDF, one file per language or a plan's bilingual file");
  add_render_options(*render_command, render, render_standard, false);
  render_command->add_option("--diagnostics", render_diagnostics, "text (default) or json (one object per line on stdout)")
      ->check(CLI::IsMember({"text", "json"}));

  ucap::cli::RenderCommandOptions watch;
  CLI::App* watch_command = app.add_subcommand(
      "watch", "render as `render` does, then again each time a document, an image it shows or its roster changes; Ctrl-C ends");
  add_render_options(*watch_command, watch, watch_standard, true);

  ucap::cli::BatchCommandOptions batch;
  CLI::App* batch_command = app.add_subcommand(
      "batch", "find every plan and progress report below the paths, render them all in parallel, write DIR/manifest.json");
  batch_command->add_option("paths", batch.paths, "files and folders (searched recursively for *.xml)")->required();
  batch_command->add_option("--out-dir", batch.out_dir, "folder for the PDFs (mirroring each input's place) and manifest.json")
      ->required();
  batch_command->add_option("--lang", batch.languages,
                             "languages to render plans in, comma-separated (default en,ja); both adds each bilingual "
                             "plan's NAME.en-ja.pdf (alone: en, ja and that)")
      ->delimiter(',')
      ->check(CLI::IsMember({"en", "ja", "both"}));
  batch_command->add_option("--jobs", batch.jobs, "threads in all, one PDF each at a time (default: one per processor)")->check(CLI::Range(1, 256));
  batch_command->add_option("--roster", batch.roster, "check every plan's pairing against this roster");
  std::string batch_diagnostics = "text";
  batch_command->add_option("--diagnostics", batch_diagnostics,
                            "text (default) or json: every input's findings as JSON lines on stdout, each naming its \"input\"")
      ->check(CLI::IsMember({"text", "json"}));
  batch_command->add_option("--pdf-standard", batch_standard, pdf_standard_help)->check(pdf_standard_names);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;  // usage problems exit 2
  }
  std::string data_directory = ucap::cli::find_data_directory(argv[0]);
  if (*validate_command) {
    validate.json = diagnostics_format == "json";
    validate.data_directory = data_directory;
    return ucap::cli::run_validate(validate);
  }
  if (*render_command) {
    render.json = render_diagnostics == "json";
    render.data_directory = data_directory;
    render.pdf_standards = *ucap::parse_pdf_standards(render_standard);
    return ucap::cli::run_render(render);
  }
  if (*watch_command) {
    watch.data_directory = data_directory;
    watch.pdf_standards = *ucap::parse_pdf_standards(watch_standard);
    return ucap::cli::run_watch(watch);
  }
  if (*batch_command) {
    batch.json = batch_diagnostics == "json";
    batch.data_directory = data_directory;
    batch.pdf_standards = *ucap::parse_pdf_standards(batch_standard);
    return ucap::cli::run_batch(batch);
  }
  return 2;
}
