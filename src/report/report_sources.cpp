#include "report/report_sources.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "model/document_folder.h"
#include "model/quoted.h"
#include "validate/findings.h"
#include "validate/relative_path.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::report {

using validate::Findings;
using validate::PathEscape;

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

// Only a regular file is opened: a FIFO (or /dev/stdin) would block the
// reader for ever, a device never end.
bool is_special_file(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  return fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status);
}

void load_roster(const model::Attribute& href, ReportSources& out, Findings& findings) {
  if (is_special_file(out.roster_path)) {
    findings.error("UCAP070", href.position,
                   fmt::format("the roster '{}' is not a regular file (a pipe or a device); it is not read", model::quoted(href.value)),
                   fmt::format(relative_hint, out.roster_path));
    return;
  }
  xml::ParsedDocument parsed = xml::parse_file(out.roster_path);
  if (parsed.io_failure) {
    findings.error("UCAP070", href.position,
                   fmt::format("cannot read the roster '{}': {}", model::quoted(href.value), parsed.diagnostics.front().message),
                   fmt::format(relative_hint, out.roster_path));
    return;
  }
  if (auto* roster = std::get_if<model::Roster>(&parsed.document)) {
    out.roster = std::move(*roster);
  } else if (!std::holds_alternative<std::monostate>(parsed.document)) {
    findings.error("UCAP053", href.position, fmt::format("'{}' ({}) is not a <roster>", model::quoted(href.value), out.roster_path),
                   "<roster href> names the programme's roster file");
    return;
  }
  out.roster_diagnostics = std::move(parsed.diagnostics);
}

// The *.xml files of the plans folder, sorted by name; UCAP071 when the
// folder cannot be listed.
void list_plans(const model::Attribute& href, ReportSources& out, Findings& findings) {
  std::error_code ec;
  fs::file_status status = fs::status(out.plans_path, ec);
  if (status.type() == fs::file_type::not_found) {
    findings.error("UCAP071", href.position, fmt::format("the plans folder '{}' does not exist", model::quoted(href.value)),
                   fmt::format(relative_hint, out.plans_path));
    return;
  }
  if (!ec && !fs::is_directory(status)) {
    findings.error("UCAP071", href.position, fmt::format("'{}' is a file, not a folder of plans", model::quoted(href.value)),
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
                   fmt::format("cannot read the plans folder '{}': {}", model::quoted(href.value), ec.message()),
                   fmt::format(relative_hint, out.plans_path));
    return;
  }
  std::sort(out.plan_files.begin(), out.plan_files.end());
  if (out.plan_files.empty())
    findings.warning("UCAP074", href.position,
                     fmt::format("the plans folder '{}' holds no .xml file; the report will list no plan", model::quoted(href.value)),
                     fmt::format(relative_hint, out.plans_path));
}

// Files that parse as another kind of document (a roster, a report) are
// not plans and are left out.
void read_plans(ReportSources& out) {
  for (const std::string& path : out.plan_files) {
    xml::ParsedDocument parsed = xml::parse_file(path);
    auto* plan = std::get_if<model::ActionPlan>(&parsed.document);
    if (!plan && !std::holds_alternative<std::monostate>(parsed.document)) continue;
    out.plans.push_back({path, plan ? std::optional<model::ActionPlan>(std::move(*plan)) : std::nullopt,
                         std::move(parsed.diagnostics)});
  }
}

// An href that is given but empty names nothing.
bool empty_href(const model::Attribute& href, const char* code, std::string_view element, Findings& findings) {
  if (!href.value.empty()) return false;
  findings.error(code, href.position, fmt::format("<{} href=\"\"> names nothing", element),
                 element == "roster" ? "e.g. href=\"../roster.xml\"" : "e.g. href=\"../plans/\"");
  return true;
}

// UCAP075 when `href` may not be followed: a report reads nothing outside
// its root, the folder above its own folder (FORMAT.md's "../roster.xml"),
// and a report given from memory without a folder has no root at all.
bool leaves_root(const model::Attribute& href, std::string_view element, const model::ProgressReport& report,
                 Findings& findings) {
  const std::string hint = fmt::format(
      "write a path relative to the report's folder that stays within the folder above it, e.g. href=\"{}\"",
      element == "roster" ? "../roster.xml" : "../plans/");
  if (!model::document_folder(report.file, report.from_memory)) {
    findings.error("UCAP075", href.position,
                   fmt::format("<{} href=\"{}\"> cannot be followed: the report was given from memory, without a folder",
                               element, href.value),
                   "give the report as a file (from memory, name it with its folder: \"reports/report.xml\")");
    return true;
  }
  const char* why = nullptr;
  switch (validate::relative_path_escape(href.value, 1)) {
    case PathEscape::none:
    case PathEscape::empty: return false;  // empty_href has said so
    case PathEscape::absolute: why = "is an absolute path"; break;
    case PathEscape::url_or_drive: why = "is a URL or drive, not a path"; break;
    case PathEscape::leaves_root: why = "leaves the folder above the report's folder"; break;
  }
  findings.error("UCAP075", href.position, fmt::format("<{} href=\"{}\"> {}; it is not read", element, model::quoted(href.value), why),
                 hint);
  return true;
}

}  // namespace

std::string resolve_href(std::string_view document, std::string_view href) {
  return (fs::path(document).parent_path() / fs::path(href)).lexically_normal().string();
}

ReportSources load_report_sources(const model::ProgressReport& report) {
  ReportSources sources;
  Findings findings(report.file, sources.findings);
  const model::Attribute& roster = report.roster_href;
  if (roster.present && !empty_href(roster, "UCAP070", "roster", findings) &&
      !leaves_root(roster, "roster", report, findings)) {
    sources.roster_path = resolve_href(report.file, roster.value);
    load_roster(roster, sources, findings);
  }
  const model::Attribute& plans = report.plans_href;
  if (plans.present && !empty_href(plans, "UCAP071", "plans", findings) &&
      !leaves_root(plans, "plans", report, findings)) {
    sources.plans_path = resolve_href(report.file, plans.value);
    list_plans(plans, sources, findings);
  }
  // Without a roster there is no table for the plans to be shown in.
  if (sources.roster) read_plans(sources);
  return sources;
}

std::vector<Diagnostic> roster_findings(const ReportSources& sources, const catalog::Catalog& rules) {
  std::vector<Diagnostic> findings = sources.roster_diagnostics;
  if (sources.roster) {
    std::vector<Diagnostic> more = validate::validate_roster(*sources.roster, rules);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  sort_diagnostics(findings);
  return findings;
}

std::vector<Diagnostic> report_findings(const model::ProgressReport& report, const ReportSources& sources,
                                        const catalog::Catalog& rules) {
  std::vector<Diagnostic> out = sources.findings;
  if (sources.roster || !sources.roster_diagnostics.empty()) {
    Findings findings(report.file, out);
    report_roster_errors(report.roster_href, sources.roster_path, roster_findings(sources, rules), findings);
  }
  std::vector<Diagnostic> own = validate::validate_report(report, sources.roster ? &*sources.roster : nullptr,
                                                          sources.roster_path, rules);
  out.insert(out.end(), own.begin(), own.end());
  return out;
}

}  // namespace ucap::report
