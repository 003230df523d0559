// One reader per root element; parse.cpp picks by the root's name.
#pragma once

#include <pugixml.hpp>

#include "model/action_plan.h"
#include "model/roster.h"
#include "xml/element_reader.h"

namespace ucap::xml {

model::ActionPlan read_action_plan(ElementReader& reader, pugi::xml_node root);
model::Roster read_roster(ElementReader& reader, pugi::xml_node root);

// languages="en ja" → the languages, reporting UCAP021 for a bad value.
std::vector<model::Language> read_languages(ElementReader& reader, pugi::xml_node root,
                                            model::Attribute& attribute);

// A <city side country><name xml:lang>…</name>…</city>, shared by plans and
// rosters.
model::City read_city(ElementReader& reader, pugi::xml_node element, model::Language inherited);

}  // namespace ucap::xml
