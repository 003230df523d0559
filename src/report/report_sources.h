// What a progress report is computed from (FORMAT.md §4): the roster and
// the folder of plans that its <roster href> and <plans href> name,
// relative to the report's own folder. Read once, by whoever renders or
// validates the report (the API keeps them with the document), and handed
// to the validator (what it checks) and to the report's facts (what the
// layout draws). Returns data and never prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/action_plan.h"
#include "model/progress_report.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"

namespace ucap::catalog {
class Catalog;
}

namespace ucap::report {

// A file of the plans folder, parsed once; its rules are run where its
// facts are gathered (report_facts.h).
struct PlanFile {
  std::string path;
  std::optional<model::ActionPlan> plan;  // unset when not well-formed
  std::vector<Diagnostic> diagnostics;    // the parser's
};

struct ReportSources {
  // The roster, resolved ("samples/roster.xml"); empty without an href.
  std::string roster_path;
  // Set when the file was read as a <roster>, even one with errors.
  std::optional<model::Roster> roster;
  // The parser's findings on the roster file.
  std::vector<Diagnostic> roster_diagnostics;

  // The plans folder, resolved; empty without an href.
  std::string plans_path;
  // Every *.xml file in it, sorted by name, as paths that open from the
  // current directory.
  std::vector<std::string> plan_files;
  // Those of them that are plans (or are not well-formed), parsed: a bad
  // plan never blocks a report. Read only when there is a roster to
  // report against.
  std::vector<PlanFile> plans;

  // Findings for the report itself, at the href that names the source: a
  // roster or folder that cannot be read (UCAP070, UCAP071), that is not a
  // roster (UCAP053), no plan in the folder (UCAP074), an href that leaves
  // the report's root (UCAP075).
  std::vector<Diagnostic> findings;
};

// `href` taken relative to the folder of `document`, lexically normalised
// ("samples/reports/r.xml" + "../roster.xml" = "samples/roster.xml"). An
// absolute href stays as it is.
std::string resolve_href(std::string_view document, std::string_view href);

// Reads the roster and every plan of the folder, once.
ReportSources load_report_sources(const model::ProgressReport& report);

// The roster file's own findings (parsing and its rules), sorted.
std::vector<Diagnostic> roster_findings(const ReportSources& sources, const catalog::Catalog& rules);

// Everything the report's rules say with these sources (not the parser's
// findings on the report): its own rules, whether its roster and plans
// folder can be used, a roster with errors (UCAP072, at the href) and
// whether the roster has its meeting. The plans are not validated here.
std::vector<Diagnostic> report_findings(const model::ProgressReport& report, const ReportSources& sources,
                                        const catalog::Catalog& rules);

}  // namespace ucap::report
