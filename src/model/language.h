// The document languages of FORMAT.md ("en", "ja") and the unset language of
// an element that holds for every language.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ucap::model {

enum class Language : std::uint8_t { unset, en, ja };

inline constexpr Language all_languages[] = {Language::en, Language::ja};

std::optional<Language> parse_language(std::string_view code);
std::string_view language_code(Language language);       // "en", "ja", ""
std::string_view language_name_en(Language language);    // "English", "Japanese"

// Rendering in `wanted` keeps an element whose effective language is
// `wanted` or unset.
inline bool shown_in(Language element, Language wanted) {
  return element == Language::unset || element == wanted;
}

}  // namespace ucap::model
