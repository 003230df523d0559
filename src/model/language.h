// The document languages of FORMAT.md ("en", "ja") and the unset language of
// an element that holds for every language.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ucap::model {

enum class Language : std::uint8_t { unset, en, ja };

// The region of an English xml:lang ("en-GB", "en-US"): which spelling,
// and so which hyphenation patterns. Plain "en" leaves it unset (British,
// the programme's English).
enum class EnglishRegion : std::uint8_t { unset, gb, us };

inline constexpr Language all_languages[] = {Language::en, Language::ja};

std::optional<Language> parse_language(std::string_view code);
// An xml:lang value: a document language, or English with its region
// ("en-GB", "en-US", any case) for spelling and hyphenation.
std::optional<Language> parse_xml_lang(std::string_view code);
EnglishRegion english_region(std::string_view xml_lang);  // unset unless en-GB / en-US
std::string_view language_code(Language language);       // "en", "ja", ""
std::string_view language_name_en(Language language);    // "English", "Japanese"

// Rendering in `wanted` keeps an element whose effective language is
// `wanted` or unset.
inline bool shown_in(Language element, Language wanted) {
  return element == Language::unset || element == wanted;
}

}  // namespace ucap::model
