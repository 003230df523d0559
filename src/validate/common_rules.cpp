#include "validate/common_rules.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "xml/element_reader.h"
#include "model/quoted.h"

namespace ucap::validate {

using model::Language;

namespace {

bool declared(Language language, std::span<const Language> languages) {
  return std::find(languages.begin(), languages.end(), language) != languages.end();
}

// The outline and the document info hold a text as UTF-16 in a string of at
// most 65,535 bytes (libharu's limit), BOM included: 32,766 UTF-16 units.
void check_fits_pdf_string(const model::LocalizedText& text, std::string_view element, Findings& findings) {
  constexpr std::size_t max_units = (65'535 - 2) / 2;
  const std::string plain = model::plain_text(text.inlines);
  std::size_t units = 0;
  for (unsigned char c : plain)
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // a lead byte: one code point; 4-byte ones are pairs
  if (units <= max_units) return;
  findings.warning("UCAP047", text.position,
                   fmt::format("<{}> is {} UTF-16 units long; the PDF's outline and document info hold at most {}: "
                               "it is cut there",
                               element, units, max_units),
                   "shorten it; the page shows it whole");
}

}  // namespace

void check_pairing_id(const model::Attribute& id, Findings& findings) {
  if (!id.present) return;
  const std::string& v = id.value;
  bool valid = !v.empty() && v.front() != '-' && v.back() != '-' && v.find('-') != std::string::npos &&
               v.find("--") == std::string::npos &&
               std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
  if (!valid)
    findings.error("UCAP039", id.position, fmt::format("pairing id '{}' is not of the form eu-city-jp-city", model::quoted(v)),
                   "lowercase ASCII letters and digits in words joined by '-', e.g. 'bratislava-tokorozawa'");
}

void check_country(const model::Attribute& country, const catalog::Catalog& rules, Findings& findings) {
  if (!country.present || rules.countries().contains(country.value)) return;
  std::string upper = country.value;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  std::string hint = upper != country.value && rules.countries().contains(upper)
                         ? fmt::format("country codes are upper case: '{}'", upper)
                         : "use an ISO 3166-1 alpha-2 code such as 'JP', 'DE' or 'SK'";
  findings.error("UCAP038", country.position,
                 fmt::format("country '{}' is not an ISO 3166-1 alpha-2 code", model::quoted(country.value)), hint);
}

bool is_amount(std::string_view text) {
  constexpr std::size_t max_whole_digits = 15;
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return digits(whole) && whole.size() <= max_whole_digits && (point == std::string_view::npos || digits(fraction));
}

void check_positive_integer(const model::Attribute& value, std::string_view what, Findings& findings) {
  if (!value.present) return;
  bool valid = !value.value.empty() && value.value.size() <= 9 && value.value[0] != '0' &&
               std::all_of(value.value.begin(), value.value.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!valid)
    findings.error("UCAP044", value.position, fmt::format("{} '{}' is not a whole number above 0", what, model::quoted(value.value)));
}

void check_enumerated(const model::Attribute& value, std::string_view what,
                      std::span<const std::string_view> allowed, Findings& findings) {
  if (!value.present) return;
  if (std::find(allowed.begin(), allowed.end(), value.value) != allowed.end()) return;
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i) list += fmt::format("{}{}", i ? ", " : "", allowed[i]);
  std::string_view guess = xml::closest_match(value.value, allowed);
  findings.error("UCAP036", value.position,
                 fmt::format("{} '{}' is not one of {}", what, model::quoted(value.value), list),
                 guess.empty() ? std::string{} : fmt::format("did you mean '{}'?", guess));
}

void check_cities(const std::vector<model::City>& cities, model::SourcePosition owner,
                  std::span<const Language> languages, const catalog::Catalog& rules, Findings& findings) {
  static constexpr std::string_view sides[] = {"eu", "jp"};
  std::map<std::string, model::SourcePosition> seen;
  for (const model::City& city : cities) {
    check_enumerated(city.side, "side", sides, findings);
    check_country(city.country, rules, findings);
    check_required_texts(city.names, "name", city.position, languages, findings);
    if (!city.side.present) continue;
    if (seen.count(city.side.value))
      findings.error("UCAP013", city.position,
                     fmt::format("a second city with side=\"{}\"; a pairing has one city per side", model::quoted(city.side.value)));
    else
      seen.emplace(city.side.value, city.position);
  }
  for (std::string_view side : sides) {
    if (seen.count(std::string(side))) continue;
    findings.error("UCAP012", owner,
                   fmt::format("the pairing has no {} city (<city side=\"{}\">)",
                               side == "eu" ? "EU" : "Japanese", side));
  }
}

namespace {

// A required text that is there but says nothing (<title></title>, or
// spaces) would leave an empty heading, outline entry or document title.
void check_not_empty(const model::LocalizedText& text, std::string_view element, Findings& findings) {
  const std::string plain = model::plain_text(text.inlines);
  if (!std::all_of(plain.begin(), plain.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }))
    return;
  const std::string lang = text.language == Language::unset
                               ? std::string{}
                               : fmt::format(" xml:lang=\"{}\"", model::language_code(text.language));
  findings.error("UCAP016", text.position, fmt::format("<{}{}> is empty", element, lang),
                 fmt::format("write the {} (it is required)", element));
}

}  // namespace

void check_declared(Language language, std::string_view element, model::SourcePosition at,
                    std::span<const Language> languages, Findings& findings) {
  if (language == Language::unset || declared(language, languages) || languages.empty()) return;
  findings.warning("UCAP043", at,
                   fmt::format("<{} xml:lang=\"{}\"> is in a language the document does not declare; it is never rendered",
                               element, model::language_code(language)),
                   "add it to the root's languages attribute, or remove the element");
}

std::vector<Language> languages_for(Language element, std::span<const Language> languages) {
  if (element != Language::unset) return {element};
  return {languages.begin(), languages.end()};
}

void check_required_texts(const model::LocalizedTexts& texts, std::string_view element,
                          model::SourcePosition owner, std::span<const Language> languages,
                          Findings& findings) {
  bool neutral = std::any_of(texts.begin(), texts.end(), [](const auto& t) { return t.language == Language::unset; });
  for (const model::LocalizedText& text : texts) {
    check_declared(text.language, element, text.position, languages, findings);
    check_not_empty(text, element, findings);
    check_fits_pdf_string(text, element, findings);
  }
  if (neutral) return;  // one text for every language
  for (Language language : languages) {
    auto count = std::count_if(texts.begin(), texts.end(), [&](const auto& t) { return t.language == language; });
    if (count > 0) continue;
    model::SourcePosition at = texts.empty() ? owner : texts.back().position;
    findings.error("UCAP041", at,
                   fmt::format("no {} <{}>: it is required in every declared language",
                               model::language_name_en(language), element),
                   fmt::format("add <{} xml:lang=\"{}\">", element, model::language_code(language)));
  }
}

void check_optional_texts(const model::LocalizedTexts& texts, std::string_view element, Language container,
                          std::span<const Language> languages, Findings& findings) {
  std::vector<Sibling> siblings;
  for (const model::LocalizedText& text : texts) siblings.push_back({element, text.language, text.position});
  check_sibling_languages(siblings, container, languages, findings);
}

void check_sibling_languages(std::span<const Sibling> siblings, Language container,
                             std::span<const Language> languages, Findings& findings) {
  for (const Sibling& s : siblings)
    if (s.language != container) check_declared(s.language, s.element, s.position, languages, findings);
  // Inside an element that has a language, every child has that language:
  // counterparts are the parent's business.
  if (languages.size() < 2 || container != Language::unset) return;
  // Per element name, the siblings of each language in order; the k-th of
  // one language is the counterpart of the k-th of another.
  std::map<std::string_view, std::map<Language, std::vector<const Sibling*>>> groups;
  for (const Sibling& s : siblings)
    if (s.language != Language::unset && declared(s.language, languages)) groups[s.element][s.language].push_back(&s);
  for (auto& [element, by_language] : groups) {
    for (auto& [language, members] : by_language) {
      for (Language other : languages) {
        if (other == language) continue;
        std::size_t counterparts = by_language.count(other) ? by_language[other].size() : 0;
        for (std::size_t k = counterparts; k < members.size(); ++k)
          findings.warning("UCAP040", members[k]->position,
                           fmt::format("<{} xml:lang=\"{}\"> has no {} counterpart", element,
                                       model::language_code(language), model::language_name_en(other)),
                           fmt::format("every declared language needs its own <{}> here", element));
      }
    }
  }
}

void check_languages_inside(const model::Block& block, std::span<const Language> languages, Findings& findings) {
  if (const auto* list = std::get_if<model::List>(&block.content))
    for (const model::ListItem& item : list->items) check_block_languages(item.blocks, block.language, languages, findings);
  if (const auto* note = std::get_if<model::Note>(&block.content))
    check_block_languages(note->blocks, block.language, languages, findings);
  if (const auto* figure = std::get_if<model::Figure>(&block.content)) {
    std::vector<Sibling> captions;
    for (const model::Caption& caption : figure->captions)
      captions.push_back({"caption", caption.language, caption.position});
    check_sibling_languages(captions, block.language, languages, findings);
  }
}

void check_block_languages(const model::Blocks& blocks, Language container, std::span<const Language> languages,
                           Findings& findings) {
  std::vector<Sibling> siblings;
  siblings.reserve(blocks.size());
  for (const model::Block& block : blocks) {
    siblings.push_back({block.element, block.language, block.position});
    check_languages_inside(block, languages, findings);
  }
  check_sibling_languages(siblings, container, languages, findings);
}

}  // namespace ucap::validate
