// The action-plan rules of FORMAT.md §1: header values, the template's
// sections, activities, risks, indicators, languages and the roster.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "model/document_folder.h"
#include "validate/block_rules.h"
#include "validate/common_rules.h"
#include "validate/dates.h"
#include "validate/validate.h"
#include "xml/element_reader.h"
#include "model/quoted.h"

namespace ucap::validate {

using model::Language;

namespace {

constexpr std::string_view levels[] = {"low", "medium", "high"};

// Longer than any plan's activity can mean: a mistyped year (0001, 9999),
// which would also stretch the timeline over millennia.
constexpr int max_activity_years = 50;

// Months from the start's month to the end's, both counted.
int months_spanned(const PartialDate& start, const PartialDate& end) {
  return (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1;
}

class PlanValidator {
 public:
  PlanValidator(const model::ActionPlan& plan, const catalog::Catalog& rules, const model::Roster* roster,
                std::vector<Diagnostic>& out)
      : plan_(plan),
        rules_(rules),
        roster_(roster),
        findings_(plan.file, out),
        folder_(model::document_folder(plan.file, plan.from_memory)) {}

  void run() {
    template_ = check_template();
    check_header();
    if (template_) check_sections();
    check_items();
    if (roster_ && plan_.pairing) check_against_roster(*plan_.pairing);
  }

 private:
  std::span<const Language> languages() const { return plan_.languages; }

  const Template* check_template() {
    const model::Attribute& id = plan_.template_id;
    if (!id.present) return nullptr;
    const Template* found = rules_.find_template(id.value);
    if (!found || found->root != "action-plan") {
      findings_.error("UCAP020", id.position, fmt::format("template '{}' does not exist", model::quoted(id.value)),
                      "action plans use template=\"ucap\"");
      return nullptr;
    }
    if (plan_.version.present && plan_.version.value != found->version)
      findings_.error("UCAP020", plan_.version.position,
                      fmt::format("version '{}' is not supported; template '{}' is version {}", plan_.version.value,
                                  found->id, found->version));
    return found;
  }

  void check_header() {
    check_required_texts(plan_.titles, "title", plan_.position, languages(), findings_);
    if (plan_.pairing) check_pairing(*plan_.pairing);
    if (plan_.proponent) {
      check_required_texts(plan_.proponent->organisations, "organisation", plan_.proponent->position, languages(),
                           findings_);
      if (plan_.proponent->contact) check_contact(*plan_.proponent->contact);
    }
    if (plan_.issued) check_date(*plan_.issued, "issued", DateForm::day_only);
    if (plan_.has_sdgs) check_sdgs();
    if (plan_.has_summary) {
      if (plan_.summary.empty())
        findings_.error("UCAP016", plan_.summary_position, "<summary> is empty; the executive summary is required");
      check_block_languages(plan_.summary, Language::unset, languages(), findings_);
      check_block_contents(plan_.summary, folder_, findings_);
    }
  }

  void check_pairing(const model::Pairing& pairing) {
    check_pairing_id(pairing.id, findings_);
    if (pairing.programme.present && pairing.programme.value.empty())
      findings_.error("UCAP044", pairing.programme.position, "programme is empty", "e.g. programme=\"IUC\"");
    check_positive_integer(pairing.batch, "batch", findings_);
    if (pairing.since.present) check_date(pairing.since, "since", DateForm::month_only);
    check_cities(pairing.cities, pairing.position, languages(), rules_, findings_);
  }

  void check_contact(const model::Attribute& contact) {
    const std::string& v = contact.value;
    std::size_t at = v.find('@');
    if (at == std::string::npos || at == 0 || v.find('.', at) == std::string::npos || v.find(' ') != std::string::npos)
      findings_.warning("UCAP045", contact.position, fmt::format("contact '{}' does not look like an e-mail address", model::quoted(v)));
  }

  void check_date(const model::Attribute& value, std::string_view what, DateForm form) {
    if (parse_date(value.value, form)) return;
    const char* shape = form == DateForm::day_only ? "YYYY-MM-DD" : form == DateForm::month_only ? "YYYY-MM"
                                                                                                 : "YYYY-MM or YYYY-MM-DD";
    findings_.error("UCAP033", value.position, fmt::format("{} '{}' is not a real date of the form {}", what, model::quoted(value.value), shape));
  }

  void check_sdgs() {
    if (plan_.sdgs.empty()) {
      findings_.error("UCAP032", plan_.sdgs_position, "<sdgs> names no goal or target; at least one is required",
                      "e.g. <target id=\"11.7\"/> or <goal id=\"13\"/>");
      return;
    }
    const SdgCatalogue& catalogue = rules_.sdgs();
    std::set<std::string> seen;
    for (const model::SdgReference& sdg : plan_.sdgs) {
      if (!sdg.id.present) continue;
      const std::string& id = sdg.id.value;
      if (!seen.insert((sdg.is_goal ? "g" : "t") + id).second)
        findings_.warning("UCAP013", sdg.id.position, fmt::format("SDG {} '{}' is listed twice", sdg.is_goal ? "goal" : "target", id));
      if (sdg.is_goal) {
        if (!catalogue.goal(id))
          findings_.error("UCAP030", sdg.id.position, fmt::format("SDG goal '{}' does not exist", id),
                          fmt::format("goals are numbered 1–{}", catalogue.goals.size()));
        continue;
      }
      if (catalogue.has_target(id)) continue;
      std::size_t dot = id.find('.');
      const SdgGoal* goal = dot == std::string::npos ? nullptr : catalogue.goal(std::string_view(id).substr(0, dot));
      std::string message = fmt::format("SDG target '{}' does not exist", id);
      if (goal) message += fmt::format(" ({})", catalogue.describe_targets(*goal));
      std::string hint = dot == std::string::npos && catalogue.goal(id)
                             ? fmt::format("for the whole goal write <goal id=\"{}\"/>", id)
                             : (goal ? std::string{} : fmt::format("goals are numbered 1–{}", catalogue.goals.size()));
      findings_.error("UCAP031", sdg.id.position, message, hint);
    }
  }

  std::string describe(const SectionTemplate& section) const {
    return fmt::format("'{}' ({}. {})", section.ref, section.number, section.title_en);
  }

  void check_sections() {
    std::vector<std::string_view> refs;
    for (const SectionTemplate& s : template_->sections) refs.push_back(s.ref);
    std::map<std::string, const model::Section*> present;
    std::set<std::string_view> guessed;  // refs a misspelt section probably meant
    std::size_t furthest = 0;
    const SectionTemplate* furthest_section = nullptr;
    for (const model::Section& section : plan_.sections) {
      if (!section.ref.present) continue;
      const SectionTemplate* known = template_->find(section.ref.value);
      if (!known) {
        std::string_view guess = xml::closest_match(section.ref.value, refs);
        if (!guess.empty()) guessed.insert(guess);
        findings_.error("UCAP014", section.ref.position,
                        fmt::format("section '{}' is not in template '{}'", model::quoted(section.ref.value), template_->id),
                        guess.empty() ? fmt::format("the template's sections are {}", join(refs))
                                      : fmt::format("did you mean '{}'?", guess));
        continue;
      }
      if (present.count(known->ref)) {
        findings_.error("UCAP013", section.ref.position,
                        fmt::format("section {} appears more than once", describe(*known)));
        continue;
      }
      present.emplace(known->ref, &section);
      std::size_t index = template_->index_of(known->ref);
      if (furthest_section && index < furthest)
        findings_.error("UCAP015", section.position,
                        fmt::format("section {} is out of order: it must come before {}", describe(*known),
                                    describe(*furthest_section)));
      else
        furthest = index, furthest_section = known;
      check_section_content(section, *known);
    }
    for (std::size_t i = 0; i < template_->sections.size(); ++i) {
      const SectionTemplate& expected = template_->sections[i];
      // A misspelt ref already has its finding with a "did you mean" hint.
      if (!expected.required || present.count(expected.ref) || guessed.count(expected.ref)) continue;
      findings_.error("UCAP012", where_missing_section_goes(i, present),
                      fmt::format("section {} is missing; it is required by template '{}'", describe(expected),
                                  template_->id));
    }
  }

  // A missing section is reported where it belongs: at the next section of
  // the template that is present, or after the last section.
  model::SourcePosition where_missing_section_goes(std::size_t index,
                                                   const std::map<std::string, const model::Section*>& present) const {
    for (std::size_t j = index + 1; j < template_->sections.size(); ++j)
      if (auto it = present.find(template_->sections[j].ref); it != present.end()) return it->second->position;
    if (!plan_.sections.empty()) return plan_.sections.back().position;
    return plan_.position;
  }

  static std::string join(const std::vector<std::string_view>& words) {
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i) text += fmt::format("{}{}", i ? ", " : "", words[i]);
    return text;
  }

  void check_section_content(const model::Section& section, const SectionTemplate& rules) {
    if (section.items.empty()) {
      findings_.error("UCAP016", section.position, fmt::format("section {} is empty", describe(rules)));
      return;
    }
    std::map<std::string_view, unsigned> counts;
    std::vector<Sibling> siblings;
    for (const model::SectionItem& item : section.items) {
      std::visit(
          [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, model::Block>) {
              siblings.push_back({value.element, value.language, value.position});
              check_languages_inside(value, languages(), findings_);
            } else {
              std::string_view element = item_name<T>();
              ++counts[element];
              if (value.language != Language::unset) siblings.push_back({element, value.language, value.position});
              if (!rules.allows(element)) {
                std::string home;
                for (const SectionTemplate& s : template_->sections)
                  if (s.allows(element)) home = s.ref;
                findings_.error("UCAP019", value.position,
                                fmt::format("<{}> is not allowed in section '{}'", element, model::quoted(section.ref.value)),
                                home.empty() ? std::string{} : fmt::format("it belongs in section '{}'", home));
              }
            }
          },
          item);
    }
    check_sibling_languages(siblings, Language::unset, languages(), findings_);
    for (const MinimumCount& minimum : rules.minimums) {
      if (counts[minimum.element] >= minimum.count) continue;
      findings_.error("UCAP017", section.position,
                      fmt::format("section {} has {} <{}>; template '{}' requires at least {}", describe(rules),
                                  counts[minimum.element], minimum.element, template_->id, minimum.count));
    }
  }

  template <typename T>
  static constexpr std::string_view item_name() {
    if constexpr (std::is_same_v<T, model::Activity>) return "activity";
    else if constexpr (std::is_same_v<T, model::Risk>) return "risk";
    else return "indicator";
  }

  // Rules of each activity, risk, indicator and block wherever it stands.
  void check_items() {
    std::map<std::string, model::SourcePosition> activity_ids;
    for (const model::Section& section : plan_.sections) {
      for (const model::SectionItem& item : section.items) {
        if (const auto* activity = std::get_if<model::Activity>(&item)) check_activity(*activity, activity_ids);
        else if (const auto* risk = std::get_if<model::Risk>(&item)) check_risk(*risk);
        else if (const auto* indicator = std::get_if<model::Indicator>(&item)) check_indicator(*indicator);
        else check_block_contents(std::get<model::Block>(item), folder_, findings_);
      }
    }
  }

  void check_activity(const model::Activity& activity, std::map<std::string, model::SourcePosition>& ids) {
    if (activity.id.present) {
      if (activity.id.value.empty())
        findings_.error("UCAP035", activity.id.position, "activity id is empty");
      else if (auto [it, inserted] = ids.emplace(activity.id.value, activity.id.position); !inserted)
        findings_.error("UCAP035", activity.id.position,
                        fmt::format("activity id '{}' is already used at line {}", model::quoted(activity.id.value), it->second.line));
    }
    auto start = activity.start.present ? parse_date(activity.start.value, DateForm::month_or_day) : std::nullopt;
    auto end = activity.end.present ? parse_date(activity.end.value, DateForm::month_or_day) : std::nullopt;
    if (activity.start.present && !start) check_date(activity.start, "start", DateForm::month_or_day);
    if (activity.end.present && !end) check_date(activity.end, "end", DateForm::month_or_day);
    if (start && end && start->ordinal(false) > end->ordinal(true))
      findings_.error("UCAP034", activity.end.position,
                      fmt::format("activity ends ({}) before it starts ({})", model::quoted(activity.end.value), model::quoted(activity.start.value)));
    else if (start && end && months_spanned(*start, *end) > 12 * max_activity_years)
      findings_.error("UCAP048", activity.end.position,
                      fmt::format("activity runs from {} to {}, over {} years; no action plan reaches that far",
                                  model::quoted(activity.start.value), model::quoted(activity.end.value), max_activity_years),
                      "check the years of its start and end");
    if (activity.budget.present && !is_amount(activity.budget.value))
      findings_.error("UCAP044", activity.budget.position,
                      fmt::format("budget '{}' is not an amount", model::quoted(activity.budget.value)),
                      "write at most 15 digits with an optional decimal point, no sign, exponent or separators, "
                      "e.g. 45000");
    if (activity.currency.present && !rules_.currencies().contains(activity.currency.value))
      findings_.error("UCAP037", activity.currency.position,
                      fmt::format("currency '{}' is not an ISO 4217 code", model::quoted(activity.currency.value)),
                      "e.g. EUR or JPY");
    if (activity.budget.present && !activity.currency.present)
      findings_.warning("UCAP046", activity.budget.position, "budget has no currency", "add currency=\"EUR\" or another ISO 4217 code");
    if (activity.currency.present && !activity.budget.present)
      findings_.warning("UCAP046", activity.currency.position, "currency is given without a budget");
    auto own = languages_for(activity.language, languages());
    check_required_texts(activity.titles, "title", activity.position, own, findings_);
    check_optional_texts(activity.leads, "lead", activity.language, languages(), findings_);
    check_block_languages(activity.blocks, activity.language, languages(), findings_);
    check_block_contents(activity.blocks, folder_, findings_);
  }

  void check_risk(const model::Risk& risk) {
    check_enumerated(risk.likelihood, "likelihood", levels, findings_);
    check_enumerated(risk.impact, "impact", levels, findings_);
    check_required_texts(risk.titles, "title", risk.position, languages_for(risk.language, languages()), findings_);
    check_block_languages(risk.blocks, risk.language, languages(), findings_);
    check_block_contents(risk.blocks, folder_, findings_);
  }

  void check_indicator(const model::Indicator& indicator) {
    for (const model::Attribute* value : {&indicator.unit, &indicator.baseline, &indicator.target})
      if (value->present && value->value.empty())
        findings_.error("UCAP044", value->position, "indicator value is empty");
    if (indicator.year.present) {
      const std::string& y = indicator.year.value;
      if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; }))
        findings_.error("UCAP044", indicator.year.position, fmt::format("year '{}' is not a four-digit year", model::quoted(y)));
    }
    check_required_texts(indicator.titles, "title", indicator.position, languages_for(indicator.language, languages()), findings_);
  }

  void check_against_roster(const model::Pairing& pairing) {
    if (!pairing.id.present) return;
    const model::RosterPairing* listed = roster_->find_pairing(pairing.id.value);
    if (!listed) {
      std::vector<std::string_view> ids;
      for (const model::Batch& batch : roster_->batches)
        for (const model::RosterPairing& p : batch.pairings) ids.push_back(p.id.value);
      std::string_view guess = xml::closest_match(pairing.id.value, ids);
      findings_.error("UCAP050", pairing.id.position,
                      fmt::format("pairing '{}' is not in the roster {}", model::quoted(pairing.id.value), roster_->file),
                      guess.empty() ? std::string{} : fmt::format("did you mean '{}'?", guess));
      return;
    }
    for (const model::City& city : pairing.cities) {
      auto other = std::find_if(listed->cities.begin(), listed->cities.end(),
                                [&](const model::City& c) { return c.side.value == city.side.value; });
      if (other == listed->cities.end()) continue;
      if (city.country.value != other->country.value)
        findings_.error("UCAP051", city.country.position,
                        fmt::format("country '{}' differs from the roster's '{}' (line {} of {})", city.country.value,
                                    other->country.value, other->position.line, roster_->file));
      for (const model::LocalizedText& name : city.names) {
        std::string mine = model::plain_text(name.inlines);
        std::string theirs = model::text_in(other->names, name.language);
        if (!theirs.empty() && mine != theirs)
          findings_.error("UCAP051", name.position,
                          fmt::format("city name '{}' differs from the roster's '{}' (line {} of {})", mine, theirs,
                                      other->position.line, roster_->file));
      }
    }
  }

  const model::ActionPlan& plan_;
  const catalog::Catalog& rules_;
  const model::Roster* roster_;
  Findings findings_;
  std::optional<std::filesystem::path> folder_;  // the document's: image paths are relative to it
  const Template* template_ = nullptr;
};

}  // namespace

std::vector<Diagnostic> validate_plan(const model::ActionPlan& plan, const catalog::Catalog& rules,
                                      const model::Roster* roster) {
  std::vector<Diagnostic> out;
  PlanValidator(plan, rules, roster, out).run();
  return out;
}

}  // namespace ucap::validate
