// <action-plan> (FORMAT.md §1): the header in its fixed order, then the
// sections. Which sections exist and in which order is the template's
// business (validate/), so sections are read whatever their ref.
#include <algorithm>

#include <fmt/format.h>

#include "xml/document_header.h"
#include "xml/root_readers.h"
#include "model/quoted.h"

namespace ucap::xml {

using model::Language;

namespace {

// The header of FORMAT.md §1, in order, then the sections.
constexpr HeaderElement plan_header[] = {
    {"title", true, true}, {"pairing"}, {"proponent"}, {"issued"}, {"sdgs"}, {"summary"}};
constexpr std::string_view plan_body[] = {"section"};
constexpr DocumentLayout plan_layout{"action-plan", plan_header, plan_body};

class ActionPlanReader {
 public:
  ActionPlanReader(ElementReader& reader) : r_(reader) {}

  model::ActionPlan read(pugi::xml_node root) {
    Language language = read_document_root(r_, root, plan_);
    read_document_children(
        r_, root, plan_layout,
        [&](pugi::xml_node child, std::string_view name) { read_header_element(child, name, language); },
        [&](pugi::xml_node child, std::string_view) { plan_.sections.push_back(read_section(child, language)); });
    return std::move(plan_);
  }

 private:
  void read_header_element(pugi::xml_node child, std::string_view name, Language language) {
    if (name == "title") {
      plan_.titles.push_back(r_.localized_text(child, language));
    } else if (name == "pairing") {
      plan_.pairing = read_pairing(child, language);
    } else if (name == "proponent") {
      plan_.proponent = read_proponent(child, language);
    } else if (name == "issued") {
      plan_.issued = r_.leaf_text(child);
    } else if (name == "sdgs") {
      plan_.has_sdgs = true;
      plan_.sdgs_position = r_.position(child);
      read_sdgs(child);
    } else if (name == "summary") {
      r_.check_attributes(child, {});
      plan_.has_summary = true;
      plan_.summary_position = r_.position(child);
      plan_.summary = r_.blocks(child, r_.language(child, language));
    }
  }

  model::Pairing read_pairing(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {"id", "programme", "batch", "since"});
    model::Pairing pairing;
    pairing.position = r_.position(element);
    pairing.id = r_.required_attribute(element, "id");
    pairing.programme = r_.required_attribute(element, "programme");
    pairing.batch = r_.required_attribute(element, "batch");
    pairing.since = r_.required_attribute(element, "since");
    Language inner = r_.language(element, language);
    for (pugi::xml_node child : element.children()) {
      if (!r_.element_or_reject_text(child, "pairing")) continue;
      if (std::string_view(child.name()) == "city") {
        pairing.cities.push_back(read_city(r_, child, inner));
      } else {
        static constexpr std::string_view names[] = {"city"};
        r_.unknown_element(child, "pairing", names);
      }
    }
    return pairing;
  }

  model::Proponent read_proponent(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {});
    model::Proponent proponent;
    proponent.position = r_.position(element);
    Language inner = r_.language(element, language);
    for (pugi::xml_node child : element.children()) {
      if (!r_.element_or_reject_text(child, "proponent")) continue;
      std::string_view name = child.name();
      if (name == "organisation") {
        proponent.organisations.push_back(r_.localized_text(child, inner));
      } else if (name == "contact") {
        if (proponent.contact)
          r_.report("UCAP013", Severity::error, r_.position(child), "<contact> appears more than once");
        else
          proponent.contact = r_.leaf_text(child);
      } else {
        static constexpr std::string_view names[] = {"organisation", "contact"};
        r_.unknown_element(child, "proponent", names);
      }
    }
    if (proponent.organisations.empty())
      r_.report("UCAP012", Severity::error, proponent.position, "<proponent> has no <organisation>");
    return proponent;
  }

  void read_sdgs(pugi::xml_node element) {
    r_.check_attributes(element, {});
    for (pugi::xml_node child : element.children()) {
      if (!r_.element_or_reject_text(child, "sdgs")) continue;
      std::string_view name = child.name();
      if (name != "target" && name != "goal") {
        static constexpr std::string_view names[] = {"target", "goal"};
        r_.unknown_element(child, "sdgs", names);
        continue;
      }
      r_.check_attributes(child, {"id"});
      plan_.sdgs.push_back({name == "goal", r_.required_attribute(child, "id"), r_.position(child)});
    }
  }

  model::Section read_section(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {"ref"});
    model::Section section;
    section.position = r_.position(element);
    section.ref = r_.required_attribute(element, "ref");
    Language inner = r_.language(element, language);
    static constexpr std::string_view names[] = {"p", "ul", "ol", "table", "figure", "note",
                                                 "activity", "risk", "indicator"};
    for (pugi::xml_node child : element.children()) {
      if (!r_.element_or_reject_text(child, "section")) continue;
      std::string_view name = child.name();
      if (name == "activity") section.items.emplace_back(read_activity(child, inner));
      else if (name == "risk") section.items.emplace_back(read_risk(child, inner));
      else if (name == "indicator") section.items.emplace_back(read_indicator(child, inner));
      else {
        model::Blocks one;
        if (r_.read_block(child, inner, one)) section.items.emplace_back(std::move(one.front()));
        else r_.unknown_element(child, "section", names);
      }
    }
    return section;
  }

  model::Activity read_activity(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {"id", "start", "end", "budget", "currency"});
    model::Activity activity;
    activity.position = r_.position(element);
    activity.language = r_.language(element, language);
    activity.id = r_.required_attribute(element, "id");
    activity.start = r_.required_attribute(element, "start");
    activity.end = r_.required_attribute(element, "end");
    activity.budget = r_.attribute(element, "budget");
    activity.currency = r_.attribute(element, "currency");
    r_.titled_content(element, activity.language, {activity.titles, activity.blocks, &activity.leads});
    return activity;
  }

  model::Risk read_risk(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {"likelihood", "impact"});
    model::Risk risk;
    risk.position = r_.position(element);
    risk.language = r_.language(element, language);
    risk.likelihood = r_.required_attribute(element, "likelihood");
    risk.impact = r_.required_attribute(element, "impact");
    r_.titled_content(element, risk.language, {risk.titles, risk.blocks});
    return risk;
  }

  model::Indicator read_indicator(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {"unit", "baseline", "target", "year"});
    model::Indicator indicator;
    indicator.position = r_.position(element);
    indicator.language = r_.language(element, language);
    indicator.unit = r_.required_attribute(element, "unit");
    indicator.baseline = r_.required_attribute(element, "baseline");
    indicator.target = r_.required_attribute(element, "target");
    indicator.year = r_.required_attribute(element, "year");
    for (pugi::xml_node child : element.children()) {
      if (!r_.element_or_reject_text(child, "indicator")) continue;
      if (std::string_view(child.name()) == "title") {
        indicator.titles.push_back(r_.localized_text(child, indicator.language));
      } else {
        static constexpr std::string_view names[] = {"title"};
        r_.unknown_element(child, "indicator", names);
      }
    }
    return indicator;
  }

  ElementReader& r_;
  model::ActionPlan plan_;
};

}  // namespace

model::City read_city(ElementReader& r, pugi::xml_node element, Language inherited) {
  r.check_attributes(element, {"side", "country"});
  model::City city;
  city.position = r.position(element);
  city.side = r.required_attribute(element, "side");
  city.country = r.required_attribute(element, "country");
  Language inner = r.language(element, inherited);
  for (pugi::xml_node child : element.children()) {
    if (!r.element_or_reject_text(child, "city")) continue;
    if (std::string_view(child.name()) == "name") {
      city.names.push_back(r.localized_text(child, inner));
    } else {
      static constexpr std::string_view names[] = {"name"};
      r.unknown_element(child, "city", names);
    }
  }
  if (city.names.empty()) r.report("UCAP012", Severity::error, city.position, "<city> has no <name>");
  return city;
}

std::vector<Language> read_languages(ElementReader& r, pugi::xml_node root, model::Attribute& attribute) {
  attribute = r.required_attribute(root, "languages");
  std::vector<Language> languages;
  if (!attribute.present) return languages;
  // One finding for each kind of mistake however often it is repeated, each
  // naming the first code and quoting the value cut short.
  std::string_view first_unknown, first_repeated;
  std::size_t unknown = 0, repeated = 0;
  std::string_view value = attribute.value;
  std::size_t pos = 0;
  while (pos < value.size()) {
    std::size_t end = value.find(' ', pos);
    if (end == std::string_view::npos) end = value.size();
    std::string_view code = value.substr(pos, end - pos);
    pos = end + 1;
    if (code.empty()) continue;
    auto language = model::parse_language(code);
    if (!language) {
      if (!unknown++) first_unknown = code;
    } else if (std::find(languages.begin(), languages.end(), *language) != languages.end()) {
      if (!repeated++) first_repeated = code;
    } else {
      languages.push_back(*language);
    }
  }
  const std::string quoted = model::quoted(attribute.value);
  if (unknown)
    r.report("UCAP021", Severity::error, attribute.position,
             fmt::format("languages=\"{}\": '{}' is not a document language{}", quoted, model::quoted(first_unknown),
                         model::and_more(unknown - 1, "unknown codes")),
             "use \"en\", \"ja\" or \"en ja\"");
  if (repeated)
    r.report("UCAP021", Severity::error, attribute.position,
             fmt::format("languages=\"{}\" names '{}' twice{}", quoted, model::quoted(first_repeated),
                         model::and_more(repeated - 1, "repetitions")));
  if (languages.empty() && attribute.present)
    r.report("UCAP021", Severity::error, attribute.position, "languages=\"\" names no language",
             "use \"en\", \"ja\" or \"en ja\"");
  return languages;
}

model::ActionPlan read_action_plan(ElementReader& reader, pugi::xml_node root) {
  return ActionPlanReader(reader).read(root);
}

}  // namespace ucap::xml
