// What a progress report is computed from (FORMAT.md §4): the roster and
// the folder of plans that its <roster href> and <plans href> name,
// relative to the report's own folder. The validator checks that they can
// be used; the report renderer loads them the same way. Returns data and
// never prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/progress_report.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "validate/rulebook.h"

namespace ucap::validate {

struct ReportSources {
  // The roster, resolved ("samples/roster.xml"); empty without an href.
  std::string roster_path;
  // Set when the file was read as a <roster>, even one with errors.
  std::optional<model::Roster> roster;
  // The roster file's own findings (reading, parsing, validation), sorted.
  std::vector<Diagnostic> roster_findings;

  // The plans folder, resolved; empty without an href.
  std::string plans_path;
  // Every *.xml file in it, sorted by name, as paths that open from the
  // current directory. Not parsed: a bad plan never blocks a report.
  std::vector<std::string> plan_files;

  // Findings for the report itself, at the href that names the source: a
  // roster or folder that cannot be read (UCAP070, UCAP071), a roster with
  // errors (UCAP072) or that is not a roster (UCAP053), no plan in the
  // folder (UCAP074).
  std::vector<Diagnostic> findings;
};

// `href` taken relative to the folder of `document`, lexically normalised
// ("samples/reports/r.xml" + "../roster.xml" = "samples/roster.xml"). An
// absolute href stays as it is.
std::string resolve_href(std::string_view document, std::string_view href);

ReportSources load_report_sources(const model::ProgressReport& report, const Rulebook& rules);

}  // namespace ucap::validate
