// An Urban Cooperation Action Plan (FORMAT.md §1) as typed data.
//
// The parser fills it from XML and keeps each element's position; the
// validator checks it against a template; the layout renders it.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/blocks.h"
#include "model/language.h"
#include "model/source_position.h"

namespace ucap::model {

// An element that carries one language's version of a short text
// (<title>, <name>, <organisation>, <lead>, <topic>).
struct LocalizedText {
  Language language = Language::unset;
  Inlines inlines;
  SourcePosition position;
};
using LocalizedTexts = std::vector<LocalizedText>;

// The text for `language`, falling back to a language-neutral one; empty
// when there is none.
std::string text_in(const LocalizedTexts& texts, Language language);
// The same as inlines; null when there is none.
const Inlines* inlines_in(const LocalizedTexts& texts, Language language);

// An attribute value with the position of the value in the source.
struct Attribute {
  std::string value;
  SourcePosition position;
  bool present = false;
};

enum class CitySide : std::uint8_t { eu, jp };

struct City {
  Attribute side;      // "eu" | "jp" (checked by the validator)
  Attribute country;   // ISO 3166-1 alpha-2
  LocalizedTexts names;
  SourcePosition position;
};

struct Pairing {
  Attribute id;
  Attribute programme;
  Attribute batch;
  Attribute since;
  std::vector<City> cities;
  SourcePosition position;
};

struct Proponent {
  LocalizedTexts organisations;
  std::optional<Attribute> contact;  // text of <contact>
  SourcePosition position;
};

struct SdgReference {
  bool is_goal = false;  // <goal id> rather than <target id>
  Attribute id;
  SourcePosition position;
};

struct Activity {
  Attribute id;
  Attribute start;
  Attribute end;
  Attribute budget;
  Attribute currency;
  LocalizedTexts titles;
  LocalizedTexts leads;
  Blocks blocks;
  Language language = Language::unset;
  SourcePosition position;
};

struct Risk {
  Attribute likelihood;
  Attribute impact;
  LocalizedTexts titles;
  Blocks blocks;  // the mitigation
  Language language = Language::unset;
  SourcePosition position;
};

struct Indicator {
  Attribute unit;
  Attribute baseline;
  Attribute target;
  Attribute year;
  LocalizedTexts titles;
  Language language = Language::unset;
  SourcePosition position;
};

using SectionItem = std::variant<Block, Activity, Risk, Indicator>;

struct Section {
  Attribute ref;
  std::vector<SectionItem> items;  // in document order
  SourcePosition position;
  SourcePosition end_position;     // of the closing tag's line, for "missing after here"
};

struct ActionPlan {
  std::string file;  // as given by the user; diagnostics print it
  bool from_memory = false;  // loaded from a buffer: see model::document_folder
  Attribute template_id;
  Attribute version;
  Attribute languages_attribute;
  std::vector<Language> languages;  // parsed from languages="en ja"

  LocalizedTexts titles;
  std::optional<Pairing> pairing;
  std::optional<Proponent> proponent;
  std::optional<Attribute> issued;
  std::vector<SdgReference> sdgs;
  SourcePosition sdgs_position;
  bool has_sdgs = false;
  Blocks summary;
  bool has_summary = false;
  SourcePosition summary_position;
  std::vector<Section> sections;

  SourcePosition position;  // of the root element
};

}  // namespace ucap::model
