// Validation: the rules of FORMAT.md §1–4 over a parsed model, driven by
// the template. Never touches fonts or layout.
#pragma once

#include <vector>

#include "model/action_plan.h"
#include "model/progress_report.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "validate/report_sources.h"
#include "validate/rulebook.h"
#include "xml/parse.h"

namespace ucap::validate {

// All findings for the plan; with a roster, also whether its pairing is
// there and its cities agree.
std::vector<Diagnostic> validate_plan(const model::ActionPlan& plan, const Rulebook& rules,
                                      const model::Roster* roster = nullptr);

std::vector<Diagnostic> validate_roster(const model::Roster& roster, const Rulebook& rules);

// All findings for the report: its own rules, and whether the roster and
// plans folder it names can be used (`sources`, see report_sources.h) and
// the roster has its meeting. The plans themselves are not validated.
std::vector<Diagnostic> validate_report(const model::ProgressReport& report, const ReportSources& sources,
                                        const Rulebook& rules);
// The same, loading the sources first.
std::vector<Diagnostic> validate_report(const model::ProgressReport& report, const Rulebook& rules);

// Everything `ucap validate` says about one file: the parser's findings and,
// when a plan, roster or report was read, the rules', sorted as they are
// printed. A report's roster is its own <roster href>, not `roster`.
std::vector<Diagnostic> validate_document(const xml::ParsedDocument& parsed, const Rulebook& rules,
                                          const model::Roster* roster = nullptr);

}  // namespace ucap::validate
