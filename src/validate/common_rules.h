// Rules that plans, rosters and reports share: codes, ids, dates, cities, and
// language completeness.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "model/action_plan.h"
#include "validate/findings.h"
#include "validate/rulebook.h"

namespace ucap::validate {

void check_pairing_id(const model::Attribute& id, Findings& findings);
void check_country(const model::Attribute& country, const catalog::Catalog& rules, Findings& findings);
void check_positive_integer(const model::Attribute& value, std::string_view what, Findings& findings);
// An amount as a budget writes it: digits, optionally a decimal point and
// more digits; no sign, exponent, "inf" or "nan" (all of which
// std::from_chars reads), and at most 15 digits before the point, so that
// every amount and the sums of a report are exact in a double.
bool is_amount(std::string_view text);
void check_enumerated(const model::Attribute& value, std::string_view what,
                      std::span<const std::string_view> allowed, Findings& findings);
// One city per side (eu, jp), each with a known country and a name per
// declared language.
void check_cities(const std::vector<model::City>& cities, model::SourcePosition owner,
                  std::span<const model::Language> languages, const catalog::Catalog& rules, Findings& findings);

// The languages an element's texts must cover: the document's, or only its
// own when the element is itself in one language.
std::vector<model::Language> languages_for(model::Language element, std::span<const model::Language> languages);

// A required short text (title, name, …) exists in every declared
// language: UCAP041 (error) for each one missing. `owner` is where the
// finding goes when no sibling exists at all.
void check_required_texts(const model::LocalizedTexts& texts, std::string_view element,
                          model::SourcePosition owner, std::span<const model::Language> languages,
                          Findings& findings);

// An optional short text (lead, subtitle, …): when given in one language,
// given in every declared one: UCAP040 (warning) for each without its
// counterpart. `container` is the language of the parent element.
void check_optional_texts(const model::LocalizedTexts& texts, std::string_view element, model::Language container,
                          std::span<const model::Language> languages, Findings& findings);

// One element among siblings, as the language-completeness rule sees it.
struct Sibling {
  std::string_view element;  // "p", "ul", "activity", …
  model::Language language = model::Language::unset;
  model::SourcePosition position;
};

// Siblings in a language have counterparts of the same element in the
// other declared languages, paired in order: UCAP040 (warning) for each one
// without. Elements in a language the document does not declare: UCAP043.
// `container` is the language of the parent element (unset for most).
void check_sibling_languages(std::span<const Sibling> siblings, model::Language container,
                             std::span<const model::Language> languages, Findings& findings);

// The same for a list of blocks, and recursively for the blocks inside
// list items.
void check_block_languages(const model::Blocks& blocks, model::Language container,
                           std::span<const model::Language> languages, Findings& findings);

// The same inside one block: its list items' blocks, a note's blocks, a
// figure's captions.
void check_languages_inside(const model::Block& block, std::span<const model::Language> languages,
                            Findings& findings);

// UCAP043 for one element whose language is not declared.
void check_declared(model::Language language, std::string_view element, model::SourcePosition at,
                    std::span<const model::Language> languages, Findings& findings);

}  // namespace ucap::validate
