#include "cli/validate_command.h"

#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "validate/rulebook.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::cli {

namespace {

struct Totals {
  std::size_t errors = 0, warnings = 0;
  bool io_failure = false;
};

void print(const std::vector<Diagnostic>& diagnostics, bool json, Totals& totals) {
  for (const Diagnostic& d : diagnostics) {
    if (json) std::fputs((format_json(d) + "\n").c_str(), stdout);
    else std::fputs((format_text(d) + "\n").c_str(), stderr);
    if (d.severity == Severity::error) ++totals.errors;
    else if (d.severity == Severity::warning) ++totals.warnings;
  }
}

// Parses and validates one file; returns the findings, sorted.
std::vector<Diagnostic> check_file(const std::string& path, const validate::Rulebook& rules,
                                   const model::Roster* roster, Totals& totals) {
  xml::ParsedDocument parsed = xml::parse_file(path);
  totals.io_failure |= parsed.io_failure;
  return validate::validate_document(parsed, rules, roster);
}

// The roster given with --roster, its own findings printed; nothing when
// it cannot be read or is not a roster.
std::optional<model::Roster> load_roster(const std::string& path, const validate::Rulebook& rules, bool json,
                                         Totals& totals) {
  xml::ParsedDocument parsed = xml::parse_file(path);
  std::vector<Diagnostic> findings = std::move(parsed.diagnostics);
  auto* roster = std::get_if<model::Roster>(&parsed.document);
  if (roster) {
    auto more = validate::validate_roster(*roster, rules);
    findings.insert(findings.end(), more.begin(), more.end());
  } else if (std::holds_alternative<model::ActionPlan>(parsed.document)) {
    findings.push_back({"UCAP053", Severity::error, path, 0, 0, "the file given with --roster is not a <roster>", {}});
  }
  sort_diagnostics(findings);
  print(findings, json, totals);
  if (!roster) return std::nullopt;
  return std::move(*roster);
}

}  // namespace

int run_validate(const ValidateOptions& options) {
  std::string error;
  std::unique_ptr<validate::Rulebook> rules = validate::Rulebook::load(options.data_directory, error);
  if (!rules) {
    std::fputs(fmt::format("ucap: {}\n", error).c_str(), stderr);
    return 2;
  }
  Totals totals;
  std::optional<model::Roster> roster;
  if (!options.roster.empty()) {
    roster = load_roster(options.roster, *rules, options.json, totals);
    if (!roster) return 2;
  }
  for (const std::string& file : options.files) print(check_file(file, *rules, roster ? &*roster : nullptr, totals), options.json, totals);
  if (!options.json)
    std::fputs(fmt::format("ucap: {} file{}, {} error{}, {} warning{}\n", options.files.size(),
                           options.files.size() == 1 ? "" : "s", totals.errors, totals.errors == 1 ? "" : "s",
                           totals.warnings, totals.warnings == 1 ? "" : "s")
                   .c_str(),
               stderr);
  if (totals.io_failure) return 2;
  return totals.errors ? 1 : 0;
}

}  // namespace ucap::cli
