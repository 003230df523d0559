#include "validate/report_sources.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "validate/findings.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::validate {

namespace fs = std::filesystem;

namespace {

constexpr const char* relative_hint = "looked for {}; the href is relative to the report's folder";

// UCAP072 when the roster has errors: one finding at the href, naming the
// first error, so that the report's own findings stay the report's.
void report_roster_errors(const model::Attribute& href, const std::string& path,
                          const std::vector<Diagnostic>& roster_findings, Findings& findings) {
  auto errors = std::count_if(roster_findings.begin(), roster_findings.end(),
                              [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (errors == 0) return;
  const Diagnostic& first = roster_findings.front();  // sorted: errors first
  std::string where = first.line ? fmt::format("{}:{}: ", first.line, first.column) : std::string{};
  findings.error("UCAP072", href.position,
                 fmt::format("the roster {} has {} error{} (first: {}{})", path, errors, errors == 1 ? "" : "s", where,
                             first.message),
                 fmt::format("run 'ucap validate {}' to see them all", path));
}

void load_roster(const model::Attribute& href, const Rulebook& rules, ReportSources& out, Findings& findings) {
  xml::ParsedDocument parsed = xml::parse_file(out.roster_path);
  if (parsed.io_failure) {
    findings.error("UCAP070", href.position,
                   fmt::format("cannot read the roster '{}': {}", href.value, parsed.diagnostics.front().message),
                   fmt::format(relative_hint, out.roster_path));
    return;
  }
  out.roster_findings = std::move(parsed.diagnostics);
  if (auto* roster = std::get_if<model::Roster>(&parsed.document)) {
    std::vector<Diagnostic> more = validate_roster(*roster, rules);
    out.roster_findings.insert(out.roster_findings.end(), more.begin(), more.end());
    out.roster = std::move(*roster);
  } else if (!std::holds_alternative<std::monostate>(parsed.document)) {
    findings.error("UCAP053", href.position, fmt::format("'{}' ({}) is not a <roster>", href.value, out.roster_path),
                   "<roster href> names the programme's roster file");
    return;
  }
  sort_diagnostics(out.roster_findings);
  report_roster_errors(href, out.roster_path, out.roster_findings, findings);
}

// The *.xml files of the plans folder, sorted by name; UCAP071 when the
// folder cannot be listed.
void list_plans(const model::Attribute& href, ReportSources& out, Findings& findings) {
  std::error_code ec;
  fs::file_status status = fs::status(out.plans_path, ec);
  if (status.type() == fs::file_type::not_found) {
    findings.error("UCAP071", href.position, fmt::format("the plans folder '{}' does not exist", href.value),
                   fmt::format(relative_hint, out.plans_path));
    return;
  }
  if (!ec && !fs::is_directory(status)) {
    findings.error("UCAP071", href.position, fmt::format("'{}' is a file, not a folder of plans", href.value),
                   fmt::format(relative_hint, out.plans_path));
    return;
  }
  fs::directory_iterator entry(out.plans_path, ec);
  for (; !ec && entry != fs::directory_iterator(); entry.increment(ec)) {
    std::error_code ignored;  // an entry that vanished or cannot be examined is no plan
    if (entry->path().extension() == ".xml" && entry->is_regular_file(ignored))
      out.plan_files.push_back((fs::path(out.plans_path) / entry->path().filename()).string());
  }
  if (ec) {
    out.plan_files.clear();
    findings.error("UCAP071", href.position,
                   fmt::format("cannot read the plans folder '{}': {}", href.value, ec.message()),
                   fmt::format(relative_hint, out.plans_path));
    return;
  }
  std::sort(out.plan_files.begin(), out.plan_files.end());
  if (out.plan_files.empty())
    findings.warning("UCAP074", href.position,
                     fmt::format("the plans folder '{}' holds no .xml file; the report will list no plan", href.value),
                     fmt::format(relative_hint, out.plans_path));
}

// An href that is given but empty names nothing.
bool empty_href(const model::Attribute& href, const char* code, std::string_view element, Findings& findings) {
  if (!href.value.empty()) return false;
  findings.error(code, href.position, fmt::format("<{} href=\"\"> names nothing", element),
                 element == "roster" ? "e.g. href=\"../roster.xml\"" : "e.g. href=\"../plans/\"");
  return true;
}

}  // namespace

std::string resolve_href(std::string_view document, std::string_view href) {
  return (fs::path(document).parent_path() / fs::path(href)).lexically_normal().string();
}

ReportSources load_report_sources(const model::ProgressReport& report, const Rulebook& rules) {
  ReportSources sources;
  Findings findings(report.file, sources.findings);
  const model::Attribute& roster = report.roster_href;
  if (roster.present && !empty_href(roster, "UCAP070", "roster", findings)) {
    sources.roster_path = resolve_href(report.file, roster.value);
    load_roster(roster, rules, sources, findings);
  }
  const model::Attribute& plans = report.plans_href;
  if (plans.present && !empty_href(plans, "UCAP071", "plans", findings)) {
    sources.plans_path = resolve_href(report.file, plans.value);
    list_plans(plans, sources, findings);
  }
  return sources;
}

}  // namespace ucap::validate
