#include "cli/validate_command.h"

#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/findings_printer.h"
#include "validate/rulebook.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::cli {

namespace {

// Parses and validates one file; returns the findings, sorted.
std::vector<Diagnostic> check_file(const std::string& path, const validate::Rulebook& rules,
                                   const model::Roster* roster, bool& io_failure) {
  xml::ParsedDocument parsed = xml::parse_file(path);
  io_failure |= parsed.io_failure;
  std::vector<Diagnostic> findings = std::move(parsed.diagnostics);
  std::vector<Diagnostic> more;
  if (const auto* plan = std::get_if<model::ActionPlan>(&parsed.document))
    more = validate::validate_plan(*plan, rules, roster);
  else if (const auto* listed = std::get_if<model::Roster>(&parsed.document))
    more = validate::validate_roster(*listed, rules);
  else if (const auto* report = std::get_if<model::ProgressReport>(&parsed.document))
    more = validate::validate_report(*report, rules);  // its roster is its own <roster href>, not --roster
  findings.insert(findings.end(), more.begin(), more.end());
  sort_diagnostics(findings);
  return findings;
}


}  // namespace

std::optional<model::Roster> load_roster(const std::string& path, const validate::Rulebook& rules,
                                         FindingsPrinter& printer) {
  xml::ParsedDocument parsed = xml::parse_file(path);
  std::vector<Diagnostic> findings = std::move(parsed.diagnostics);
  auto* roster = std::get_if<model::Roster>(&parsed.document);
  if (roster) {
    auto more = validate::validate_roster(*roster, rules);
    findings.insert(findings.end(), more.begin(), more.end());
  } else if (!std::holds_alternative<std::monostate>(parsed.document)) {
    findings.push_back({"UCAP053", Severity::error, path, 0, 0, "the file given with --roster is not a <roster>", {}});
  }
  sort_diagnostics(findings);
  printer.print(findings);
  if (!roster) return std::nullopt;
  return std::move(*roster);
}


int run_validate(const ValidateOptions& options) {
  std::string error;
  std::unique_ptr<validate::Rulebook> rules = validate::Rulebook::load(options.data_directory, error);
  if (!rules) {
    std::fputs(fmt::format("ucap: {}\n", error).c_str(), stderr);
    return 2;
  }
  FindingsPrinter printer(options.json);
  std::optional<model::Roster> roster;
  if (!options.roster.empty()) {
    roster = load_roster(options.roster, *rules, printer);
    if (!roster) return 2;
  }
  bool io_failure = false;
  for (const std::string& file : options.files)
    printer.print(check_file(file, *rules, roster ? &*roster : nullptr, io_failure));
  printer.summary(options.files.size());
  if (io_failure) return 2;
  return printer.errors() ? 1 : 0;
}

}  // namespace ucap::cli
