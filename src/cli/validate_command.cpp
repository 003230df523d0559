#include "validate_command.h"

#include <cstdio>

#include <fmt/format.h>

namespace ucap::cli {

std::optional<Document> load_roster(const std::string& path, const Engine& engine, FindingsPrinter& printer) {
  Document roster = Document::load_file(path);
  if (roster.kind() == DocumentKind::roster) {
    printer.print(engine.validate(roster).diagnostics);
    return roster;
  }
  // Not a roster: only what reading it found, and why it cannot serve.
  std::vector<Diagnostic> findings = roster.diagnostics();
  if (roster.kind() != DocumentKind::none)
    findings.push_back(Diagnostic{.code = "UCAP053",
                                  .severity = Severity::error,
                                  .file = path,
                                  .message = "the file given with --roster is not a <roster>"});
  sort_diagnostics(findings);
  printer.print(findings);
  return std::nullopt;
}

int run_validate(const ValidateCommandOptions& options) {
  const Engine engine = Engine::load({options.data_directory, /*validation_only=*/true});
  if (!engine) {
    std::fputs(fmt::format("ucap: {}\n", engine.error()).c_str(), stderr);
    return 2;
  }
  FindingsPrinter printer(options.json);
  std::optional<Document> roster;
  if (!options.roster.empty()) {
    roster = load_roster(options.roster, engine, printer);
    if (!roster) return 2;
  }
  bool io_failure = false;
  for (const std::string& file : options.files) {
    Validation check = engine.validate(Document::load_file(file), roster ? &*roster : nullptr);
    io_failure |= check.status == Status::read_failed;
    printer.print(check.diagnostics);
  }
  printer.summary(options.files.size());
  if (io_failure) return 2;
  return printer.errors() ? 1 : 0;
}

}  // namespace ucap::cli
