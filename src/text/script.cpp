#include "text/script.h"

#include <unicode/uchar.h>

#include "text/normalize.h"

namespace ucap::text {

Script script_of(char32_t c, model::Language paragraph_language) {
  if (is_japanese(c)) return Script::japanese;
  if (c < 0x80) return Script::latin;
  if (paragraph_language == model::Language::ja &&
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS &&
      !u_isalpha(static_cast<UChar32>(c)))
    return Script::japanese;
  return Script::latin;
}

bool is_latin_word_character(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%';
  if (is_japanese(c)) return false;
  return u_isalnum(static_cast<UChar32>(c));
}

bool is_variation_selector(char32_t c) {
  return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

}  // namespace ucap::text
