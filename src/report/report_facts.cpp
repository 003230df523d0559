#include "report/report_facts.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "validate/common_rules.h"
#include "validate/rulebook.h"
#include "validate/validate.h"

namespace ucap::report {

using validate::MinimumCount;
using validate::SectionTemplate;
using validate::Template;

namespace {

// A plan of the folder with its findings.
struct CheckedPlan {
  const PlanFile& file;
  std::vector<Diagnostic> findings;  // parse + rules, sorted
};

// The pairing a file is the plan of: its <pairing id>, else (a file that
// cannot be read as a plan) its name, which is how plans are named.
std::string pairing_key(const PlanFile& file) {
  if (file.plan && file.plan->pairing && !file.plan->pairing->id.value.empty()) return file.plan->pairing->id.value;
  return std::filesystem::path(file.path).stem().string();
}

CheckedPlan check_plan(const PlanFile& file, const catalog::Catalog& rules, const model::Roster& roster) {
  CheckedPlan checked{file, file.diagnostics};
  if (file.plan) {
    std::vector<Diagnostic> more = validate::validate_plan(*file.plan, rules, &roster);
    checked.findings.insert(checked.findings.end(), more.begin(), more.end());
  }
  sort_diagnostics(checked.findings);
  return checked;
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

void count_activities(const model::ActionPlan& plan, model::Language language, PlanFacts& facts) {
  std::vector<std::pair<std::string, double>> totals;
  for (const model::Section& section : plan.sections)
    for (const model::SectionItem& item : section.items) {
      const auto* activity = std::get_if<model::Activity>(&item);
      if (!activity || (activity->language != model::Language::unset && activity->language != language)) continue;
      ++facts.activities;
      double amount = 0;
      const std::string& budget = activity->budget.value;
      if (!activity->budget.present || !validate::is_amount(budget) ||
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

void describe_plan(const CheckedPlan& checked, const catalog::Catalog& rules, PlanFacts& facts) {
  const PlanFile& file = checked.file;
  facts.file = file.path;
  for (const Diagnostic& d : checked.findings) {
    facts.errors += d.severity == Severity::error;
    facts.warnings += d.severity == Severity::warning;
  }
  if (facts.errors > 0)
    facts.first_findings.assign(checked.findings.begin(),
                                checked.findings.begin() +
                                    std::ptrdiff_t(std::min(checked.findings.size(), findings_listed_per_plan)));
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

std::string format_total(double total) {
  const double cents = total * 100;
  if (static_cast<long long>(cents) % 100 == 0) return fmt::format("{}", static_cast<long long>(total));
  return fmt::format("{:.2f}", total);
}

std::optional<ReportFacts> gather_report_facts(const model::ProgressReport& report, const ReportSources& sources,
                                               const catalog::Catalog& rules) {
  if (!sources.roster) return std::nullopt;
  ReportFacts facts;
  facts.roster = *sources.roster;
  for (const model::Meeting& meeting : facts.roster.meetings)
    if (meeting.number.value == report.meeting_number.value) facts.meeting = meeting;

  std::map<std::string, CheckedPlan> plans;  // by pairing id; the first file named for it wins
  for (const PlanFile& file : sources.plans) {
    std::string key = pairing_key(file);
    if (!plans.contains(key)) plans.emplace(std::move(key), check_plan(file, rules, facts.roster));
  }

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

}  // namespace ucap::report
