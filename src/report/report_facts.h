// What a progress report says about each pairing's plan (FORMAT.md §4),
// computed before layout: every plan of the report's plans folder (read
// once, report_sources.h) is validated against the roster, and counted.
// The layout only draws these facts; it never reads a plan or runs a rule.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/progress_report.h"
#include "model/roster.h"
#include "report/report_sources.h"
#include "ucap/diagnostic.h"

namespace ucap::report {

// How many findings of a failing plan the report's annex lists.
inline constexpr std::size_t findings_listed_per_plan = 5;

struct PlanFacts {
  model::RosterPairing pairing;
  std::string batch, year;                        // of the pairing's batch
  std::string file;  // the plan found for the pairing; empty when none
  bool found() const { return !file.empty(); }

  // Template sections present with content and their minimum items, out
  // of the template's count (0 of 0 when the plan could not be read).
  unsigned sections_complete = 0;
  unsigned sections_total = 0;
  unsigned activities = 0;
  // Total of the activities' budgets per currency, in the order the
  // currencies first appear ("EUR", "182000").
  std::vector<std::pair<std::string, std::string>> budgets;
  std::vector<std::string> sdg_ids;  // "7.2", "13" as the plan lists them
  std::set<unsigned> goals;          // goals the plan addresses, 1–17

  std::size_t errors = 0, warnings = 0;
  std::vector<Diagnostic> first_findings;  // up to findings_listed_per_plan, when errors
};

struct ReportFacts {
  model::Roster roster;
  std::optional<model::Meeting> meeting;  // the report's own
  std::vector<PlanFacts> plans;             // one per roster pairing, roster order
  // Plans of the folder for no pairing of the roster (a mistyped pairing
  // id, a pairing not yet listed): `pairing` holds only the id they name.
  std::vector<PlanFacts> unmatched;
};

// Null when the report has no usable roster (the validator said why).
std::optional<ReportFacts> gather_report_facts(const model::ProgressReport& report, const ReportSources& sources,
                                               const catalog::Catalog& rules);

// A budget total as the status table shows it: "182000", or "1250.50" when
// it has cents (sums are kept exact to the cent).
std::string format_total(double total);

}  // namespace ucap::report
