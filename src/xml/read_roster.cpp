// <roster> (FORMAT.md §3): batches of pairings, and meetings.
#include <fmt/format.h>

#include "xml/root_readers.h"

namespace ucap::xml {

using model::Language;

namespace {

model::RosterPairing read_roster_pairing(ElementReader& r, pugi::xml_node element, Language language) {
  r.check_attributes(element, {"id"});
  model::RosterPairing pairing;
  pairing.position = r.position(element);
  pairing.id = r.required_attribute(element, "id");
  Language inner = r.language(element, language);
  for (pugi::xml_node child : element.children()) {
    if (!r.element_or_reject_text(child, "pairing")) continue;
    std::string_view name = child.name();
    if (name == "city") pairing.cities.push_back(read_city(r, child, inner));
    else if (name == "topic") pairing.topics.push_back(r.localized_text(child, inner));
    else {
      static constexpr std::string_view names[] = {"city", "topic"};
      r.unknown_element(child, "pairing", names);
    }
  }
  return pairing;
}

model::Batch read_batch(ElementReader& r, pugi::xml_node element, Language language) {
  r.check_attributes(element, {"n", "year"});
  model::Batch batch;
  batch.position = r.position(element);
  batch.number = r.required_attribute(element, "n");
  batch.year = r.required_attribute(element, "year");
  Language inner = r.language(element, language);
  for (pugi::xml_node child : element.children()) {
    if (!r.element_or_reject_text(child, "batch")) continue;
    if (std::string_view(child.name()) == "pairing") {
      batch.pairings.push_back(read_roster_pairing(r, child, inner));
    } else {
      static constexpr std::string_view names[] = {"pairing"};
      r.unknown_element(child, "batch", names);
    }
  }
  return batch;
}

model::Meeting read_meeting(ElementReader& r, pugi::xml_node element, Language language) {
  r.check_attributes(element, {"n", "city", "date", "status"});
  model::Meeting meeting;
  meeting.position = r.position(element);
  meeting.number = r.required_attribute(element, "n");
  meeting.city = r.attribute(element, "city");
  meeting.date = r.attribute(element, "date");
  meeting.status = r.attribute(element, "status");
  Language inner = r.language(element, language);
  for (pugi::xml_node child : element.children()) {
    if (!r.element_or_reject_text(child, "meeting")) continue;
    if (std::string_view(child.name()) == "place") {
      meeting.places.push_back(r.localized_text(child, inner));
    } else {
      static constexpr std::string_view names[] = {"place"};
      r.unknown_element(child, "meeting", names);
    }
  }
  return meeting;
}

}  // namespace

model::Roster read_roster(ElementReader& r, pugi::xml_node root) {
  model::Roster roster;
  roster.file = r.file();
  roster.position = r.position(root);
  r.check_attributes(root, {"programme", "region", "period", "languages"});
  roster.programme = r.required_attribute(root, "programme");
  roster.region = r.attribute(root, "region");
  roster.period = r.attribute(root, "period");
  roster.languages = read_languages(r, root, roster.languages_attribute);
  Language language = r.language(root, Language::unset);
  for (pugi::xml_node child : root.children()) {
    if (!r.element_or_reject_text(child, "roster")) continue;
    std::string_view name = child.name();
    if (name == "batch") roster.batches.push_back(read_batch(r, child, language));
    else if (name == "meeting") roster.meetings.push_back(read_meeting(r, child, language));
    else {
      static constexpr std::string_view names[] = {"batch", "meeting"};
      r.unknown_element(child, "roster", names);
    }
  }
  return roster;
}

}  // namespace ucap::xml
