// Validation: the rules of FORMAT.md §1–4 over a parsed model, driven by
// the template. Never touches fonts or layout.
#pragma once

#include <string_view>
#include <vector>

#include "model/action_plan.h"
#include "model/progress_report.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "validate/rulebook.h"
#include "xml/parse.h"

namespace ucap::validate {

// All findings for the plan; with a roster, also whether its pairing is
// there and its cities agree.
std::vector<Diagnostic> validate_plan(const model::ActionPlan& plan, const catalog::Catalog& rules,
                                      const model::Roster* roster = nullptr);

std::vector<Diagnostic> validate_roster(const model::Roster& roster, const catalog::Catalog& rules);

// The report's own rules, the generated parts its template (in `rules`)
// names, and with its roster (read from `roster_path`, null when there is
// none to use) whether the roster has its meeting. The roster and plans are
// read and their use checked in the report room (report/report_sources.h);
// the validator reads no file.
std::vector<Diagnostic> validate_report(const model::ProgressReport& report, const model::Roster* roster,
                                        std::string_view roster_path, const catalog::Catalog& rules);

// Everything `ucap validate` says about one file: the parser's findings and,
// when a plan, roster or report was read, the rules', sorted as they are
// printed. A report's findings are given as `report_findings` (from its
// sources, report/report_sources.h): its roster is its own <roster href>,
// not `roster`; without them only its own rules are run.
std::vector<Diagnostic> validate_document(const xml::ParsedDocument& parsed, const catalog::Catalog& rules,
                                          const model::Roster* roster = nullptr,
                                          const std::vector<Diagnostic>* report_findings = nullptr);

}  // namespace ucap::validate
