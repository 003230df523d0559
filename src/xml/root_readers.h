// One reader per root element; parse.cpp picks by the root's name.
#pragma once

#include <pugixml.hpp>

#include "model/action_plan.h"
#include "model/progress_report.h"
#include "model/roster.h"
#include "xml/element_reader.h"

namespace ucap::xml {

model::ActionPlan read_action_plan(ElementReader& reader, pugi::xml_node root);
model::Roster read_roster(ElementReader& reader, pugi::xml_node root);
model::ProgressReport read_progress_report(ElementReader& reader, pugi::xml_node root);

// languages="en ja" → the languages, reporting UCAP021 for a bad value.
std::vector<model::Language> read_languages(ElementReader& reader, pugi::xml_node root,
                                            model::Attribute& attribute);

// The root of a plan or report: its file and position, and the template,
// version and languages attributes (FORMAT.md §1, §4). Returns the root's
// own language, which its children inherit.
template <typename Document>
model::Language read_document_root(ElementReader& reader, pugi::xml_node root, Document& document) {
  document.file = reader.file();
  document.position = reader.position(root);
  reader.check_attributes(root, {"template", "version", "languages"});
  document.template_id = reader.required_attribute(root, "template");
  document.version = reader.required_attribute(root, "version");
  document.languages = read_languages(reader, root, document.languages_attribute);
  return reader.language(root, model::Language::unset);
}

// A <city side country><name xml:lang>…</name>…</city>, shared by plans and
// rosters.
model::City read_city(ElementReader& reader, pugi::xml_node element, model::Language inherited);

}  // namespace ucap::xml
