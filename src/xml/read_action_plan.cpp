// <action-plan> (FORMAT.md §1): the header in its fixed order, then the
// sections. Which sections exist and in which order is the template's
// business (validate/), so sections are read whatever their ref.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "xml/root_readers.h"

namespace ucap::xml {

using model::Language;

namespace {

// The header of FORMAT.md §1, in order. `title` repeats (one per language).
constexpr std::array<std::string_view, 6> header_order = {"title", "pairing", "proponent",
                                                          "issued", "sdgs", "summary"};
constexpr std::string_view plan_children[] = {"title", "pairing", "proponent", "issued",
                                              "sdgs", "summary", "section"};

std::size_t header_index(std::string_view name) {
  auto it = std::find(header_order.begin(), header_order.end(), name);
  return static_cast<std::size_t>(it - header_order.begin());
}

class ActionPlanReader {
 public:
  ActionPlanReader(ElementReader& reader) : r_(reader) {}

  model::ActionPlan read(pugi::xml_node root) {
    plan_.file = r_.file();
    plan_.position = r_.position(root);
    r_.check_attributes(root, {"template", "version", "languages"});
    plan_.template_id = r_.required_attribute(root, "template");
    plan_.version = r_.required_attribute(root, "version");
    plan_.languages = read_languages(r_, root, plan_.languages_attribute);
    Language language = r_.language(root, Language::unset);
    read_children(root, language);
    report_missing_header(root);
    return std::move(plan_);
  }

 private:
  void read_children(pugi::xml_node root, Language language) {
    std::size_t furthest = 0;          // highest header index seen so far
    std::string_view furthest_name;
    bool in_sections = false;
    for (pugi::xml_node child : root.children()) {
      if (!r_.element_or_reject_text(child, "action-plan")) continue;
      std::string_view name = child.name();
      if (name == "section") {
        in_sections = true;
        plan_.sections.push_back(read_section(child, language));
        continue;
      }
      std::size_t index = header_index(name);
      if (index == header_order.size()) {
        r_.unknown_element(child, "action-plan", plan_children);
        continue;
      }
      if (in_sections) {
        r_.report("UCAP011", Severity::error, r_.position(child),
                  fmt::format("<{}> is out of order: the header comes before the first <section>", name));
      } else if (index < furthest) {
        r_.report("UCAP011", Severity::error, r_.position(child),
                  fmt::format("<{}> is out of order: it belongs before <{}>", name, furthest_name),
                  "header order: title, pairing, proponent, issued, sdgs, summary");
      } else {
        furthest = index;
        furthest_name = name;
      }
      seen_[index] = true;
      read_header_element(child, name, language);
    }
  }

  void read_header_element(pugi::xml_node child, std::string_view name, Language language) {
    if (name == "title") {
      plan_.titles.push_back(r_.localized_text(child, language));
    } else if (name == "pairing") {
      if (duplicate(child, plan_.pairing.has_value())) return;
      plan_.pairing = read_pairing(child, language);
    } else if (name == "proponent") {
      if (duplicate(child, plan_.proponent.has_value())) return;
      plan_.proponent = read_proponent(child, language);
    } else if (name == "issued") {
      if (duplicate(child, plan_.issued.has_value())) return;
      plan_.issued = r_.leaf_text(child);
    } else if (name == "sdgs") {
      if (duplicate(child, plan_.has_sdgs)) return;
      plan_.has_sdgs = true;
      plan_.sdgs_position = r_.position(child);
      read_sdgs(child);
    } else if (name == "summary") {
      if (duplicate(child, plan_.has_summary)) return;
      r_.check_attributes(child, {});
      plan_.has_summary = true;
      plan_.summary_position = r_.position(child);
      plan_.summary = r_.blocks(child, r_.language(child, language));
    }
  }

  bool duplicate(pugi::xml_node child, bool already) {
    if (already)
      r_.report("UCAP013", Severity::error, r_.position(child),
                fmt::format("<{}> appears more than once; the first one is used", child.name()));
    return already;
  }

  // A missing header element is reported where it should have been: at the
  // next header element that is present, or at the first section.
  void report_missing_header(pugi::xml_node root) {
    for (std::size_t index = 0; index < header_order.size(); ++index) {
      if (seen_[index]) continue;
      model::SourcePosition at = plan_.position;
      for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        std::size_t other = header_index(name);
        if ((other < header_order.size() && other > index) || name == "section") {
          at = r_.position(child);
          break;
        }
      }
      r_.report("UCAP012", Severity::error, at,
                fmt::format("<{}> is missing; the header needs title, pairing, proponent, issued, sdgs and summary",
                            header_order[index]));
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

  // The children of <activity> and <risk>: titles, leads, then blocks.
  template <typename Item>
  void read_item_children(pugi::xml_node element, Item& item, std::string_view container, bool allow_lead) {
    static constexpr std::string_view with_lead[] = {"title", "lead", "p", "ul", "ol", "table", "figure", "note"};
    static constexpr std::string_view without_lead[] = {"title", "p", "ul", "ol", "table", "figure", "note"};
    for (pugi::xml_node child : element.children()) {
      if (!r_.element_or_reject_text(child, container)) continue;
      std::string_view name = child.name();
      if (name == "title") item.titles.push_back(r_.localized_text(child, item.language));
      else if (name == "lead" && allow_lead) {
        if constexpr (requires { item.leads; }) item.leads.push_back(r_.localized_text(child, item.language));
      } else if (!r_.read_block(child, item.language, item.blocks)) {
        if (allow_lead) r_.unknown_element(child, container, with_lead);
        else r_.unknown_element(child, container, without_lead);
      }
    }
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
    read_item_children(element, activity, "activity", true);
    return activity;
  }

  model::Risk read_risk(pugi::xml_node element, Language language) {
    r_.check_attributes(element, {"likelihood", "impact"});
    model::Risk risk;
    risk.position = r_.position(element);
    risk.language = r_.language(element, language);
    risk.likelihood = r_.required_attribute(element, "likelihood");
    risk.impact = r_.required_attribute(element, "impact");
    read_item_children(element, risk, "risk", false);
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
  std::array<bool, header_order.size()> seen_{};
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
      r.report("UCAP021", Severity::error, attribute.position,
               fmt::format("languages=\"{}\": '{}' is not a document language", attribute.value, code),
               "use \"en\", \"ja\" or \"en ja\"");
    } else if (std::find(languages.begin(), languages.end(), *language) != languages.end()) {
      r.report("UCAP021", Severity::error, attribute.position,
               fmt::format("languages=\"{}\" names '{}' twice", attribute.value, code));
    } else {
      languages.push_back(*language);
    }
  }
  if (languages.empty() && attribute.present)
    r.report("UCAP021", Severity::error, attribute.position, "languages=\"\" names no language",
             "use \"en\", \"ja\" or \"en ja\"");
  return languages;
}

model::ActionPlan read_action_plan(ElementReader& reader, pugi::xml_node root) {
  return ActionPlanReader(reader).read(root);
}

}  // namespace ucap::xml
