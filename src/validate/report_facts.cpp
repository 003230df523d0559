#include "validate/report_facts.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "validate/common_rules.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::validate {

namespace {

// A plan of the folder, parsed and validated once.
struct PlanFile {
  std::string path;
  std::optional<model::ActionPlan> plan;  // unset when not well-formed
  std::vector<Diagnostic> findings;       // parse + rules, sorted
};

// The pairing a file is the plan of: its <pairing id>, else (a file that
// cannot be read as a plan) its name, which is how plans are named.
std::string pairing_key(const PlanFile& file) {
  if (file.plan && file.plan->pairing && !file.plan->pairing->id.value.empty()) return file.plan->pairing->id.value;
  return std::filesystem::path(file.path).stem().string();
}

// Files that parse as another kind of document (a roster, a report) are
// not plans and are left out.
std::optional<PlanFile> read_plan(const std::string& path, const Rulebook& rules, const model::Roster& roster) {
  xml::ParsedDocument parsed = xml::parse_file(path);
  PlanFile file{path, std::nullopt, std::move(parsed.diagnostics)};
  if (auto* plan = std::get_if<model::ActionPlan>(&parsed.document)) {
    std::vector<Diagnostic> more = validate_plan(*plan, rules, &roster);
    file.findings.insert(file.findings.end(), more.begin(), more.end());
    file.plan = std::move(*plan);
  } else if (!std::holds_alternative<std::monostate>(parsed.document)) {
    return std::nullopt;
  }
  sort_diagnostics(file.findings);
  return file;
}

// The items of a section that stand for `language` (those without
// xml:lang, and those in it).
template <class Item>
unsigned count_items(const model::Section& section, model::Language language) {
  unsigned n = 0;
  for (const model::SectionItem& item : section.items)
    if (const auto* each = std::get_if<Item>(&item))
      n += each->language == model::Language::unset || each->language == language;
  return n;
}

unsigned count_element(const model::Section& section, std::string_view element, model::Language language) {
  if (element == "activity") return count_items<model::Activity>(section, language);
  if (element == "risk") return count_items<model::Risk>(section, language);
  if (element == "indicator") return count_items<model::Indicator>(section, language);
  return 0;
}

// A template section is complete when the plan has it, with content, and
// with the items the template asks for (e.g. at least one activity).
bool section_complete(const model::ActionPlan& plan, const SectionTemplate& wanted, model::Language language) {
  for (const model::Section& section : plan.sections) {
    if (section.ref.value != wanted.ref || section.items.empty()) continue;
    return std::all_of(wanted.minimums.begin(), wanted.minimums.end(), [&](const MinimumCount& minimum) {
      return count_element(section, minimum.element, language) >= minimum.count;
    });
  }
  return false;
}

// "182000" or "1250.5": sums are kept exact to the cent.
std::string format_total(double total) {
  const double cents = total * 100;
  if (static_cast<long long>(cents) % 100 == 0) return fmt::format("{}", static_cast<long long>(total));
  return fmt::format("{:.2f}", total);
}

void count_activities(const model::ActionPlan& plan, model::Language language, PlanFacts& facts) {
  std::vector<std::pair<std::string, double>> totals;
  for (const model::Section& section : plan.sections)
    for (const model::SectionItem& item : section.items) {
      const auto* activity = std::get_if<model::Activity>(&item);
      if (!activity || (activity->language != model::Language::unset && activity->language != language)) continue;
      ++facts.activities;
      double amount = 0;
      const std::string& budget = activity->budget.value;
      if (!activity->budget.present || !is_amount(budget) ||
          std::from_chars(budget.data(), budget.data() + budget.size(), amount).ec != std::errc())
        continue;
      auto same = std::find_if(totals.begin(), totals.end(),
                               [&](const auto& t) { return t.first == activity->currency.value; });
      if (same == totals.end()) totals.push_back({activity->currency.value, amount});
      else same->second += amount;
    }
  for (const auto& [currency, total] : totals) facts.budgets.push_back({currency, format_total(total)});
}

void count_sdgs(const model::ActionPlan& plan, PlanFacts& facts) {
  for (const model::SdgReference& sdg : plan.sdgs) {
    facts.sdg_ids.push_back(sdg.id.value);
    unsigned goal = 0;
    const std::string& id = sdg.id.value;
    auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), goal);
    if (ec == std::errc() && goal >= 1 && goal <= 17) facts.goals.insert(goal);
  }
}

void describe_plan(const PlanFile& file, const Rulebook& rules, PlanFacts& facts) {
  facts.file = file.path;
  for (const Diagnostic& d : file.findings) {
    facts.errors += d.severity == Severity::error;
    facts.warnings += d.severity == Severity::warning;
  }
  if (facts.errors > 0)
    facts.first_findings.assign(file.findings.begin(),
                                file.findings.begin() + std::ptrdiff_t(std::min(file.findings.size(), findings_listed_per_plan)));
  if (!file.plan) return;
  const model::ActionPlan& plan = *file.plan;
  const model::Language language = plan.languages.empty() ? model::Language::unset : plan.languages.front();
  if (const Template* plan_template = rules.find_template(plan.template_id.value)) {
    facts.sections_total = static_cast<unsigned>(plan_template->sections.size());
    for (const SectionTemplate& section : plan_template->sections)
      facts.sections_complete += section_complete(plan, section, language);
  }
  count_activities(plan, language, facts);
  count_sdgs(plan, facts);
}

}  // namespace

std::optional<ReportFacts> gather_report_facts(const model::ProgressReport& report, const ReportSources& sources,
                                               const Rulebook& rules) {
  if (!sources.roster) return std::nullopt;
  ReportFacts facts;
  facts.roster = *sources.roster;
  for (const model::Meeting& meeting : facts.roster.meetings)
    if (meeting.number.value == report.meeting_number.value) facts.meeting = meeting;

  std::map<std::string, PlanFile> plans;  // by pairing id; the first file named for it wins
  for (const std::string& path : sources.plan_files)
    if (std::optional<PlanFile> file = read_plan(path, rules, facts.roster)) plans.emplace(pairing_key(*file), std::move(*file));

  for (const model::Batch& batch : facts.roster.batches)
    for (const model::RosterPairing& pairing : batch.pairings) {
      PlanFacts plan;
      plan.pairing = pairing;
      plan.batch = batch.number.value;
      plan.year = batch.year.value;
      if (auto found = plans.find(pairing.id.value); found != plans.end()) describe_plan(found->second, rules, plan);
      facts.plans.push_back(std::move(plan));
    }
  for (const auto& [id, file] : plans) {
    if (facts.roster.find_pairing(id)) continue;
    PlanFacts plan;
    plan.pairing.id.value = id;
    describe_plan(file, rules, plan);
    facts.unmatched.push_back(std::move(plan));
  }
  return facts;
}

namespace {

// Where a meeting falls against the report's: < 0 before, > 0 after, 0 the
// same day or month ("2018-10" and "2018-10-11" compare by their common
// prefix) or unknown (either has no date).
int compare_dates(const model::Meeting& meeting, const model::Meeting& current) {
  if (!meeting.date.present || !current.date.present) return 0;
  const std::size_t common = std::min(meeting.date.value.size(), current.date.value.size());
  return meeting.date.value.compare(0, common, current.date.value, 0, common);
}

}  // namespace

std::string meeting_status(const model::Meeting& meeting, const std::optional<model::Meeting>& current) {
  const bool written = meeting.status.present && !meeting.status.value.empty();
  // A report speaks as of its meeting: a later meeting the roster now says
  // was held had not been held yet.
  const int when = current ? compare_dates(meeting, *current) : 0;
  if (written && !(meeting.status.value == "held" && when > 0)) return meeting.status.value;
  return when < 0 ? "held" : "planned";
}

}  // namespace ucap::validate
