// Which face a character is set in: the Japanese face (IPAex) or the Latin
// one (Liberation). A paragraph is cut into script runs by this choice.
#pragma once

#include <cstdint>

#include "model/language.h"

namespace ucap::text {

// The two scripts the fonts are chosen by (fonts/manifest.xml names them
// "latin" and "japanese"); the font room reads it as font::Script.
enum class Script : std::uint8_t { latin, japanese };

// Kana, kanji, Japanese punctuation and full-width forms → japanese;
// Latin letters, digits, ASCII punctuation and spaces → latin. Characters
// of East Asian Width "ambiguous" (… — “ ” ※ ○ × →) follow the paragraph:
// a Japanese paragraph sets them full width from the Japanese face, an
// English one from the Latin face.
Script script_of(char32_t c, model::Language paragraph_language);

// A Latin letter or digit (or a character that follows a number as part
// of it, like %): the Latin side of a Japanese–Latin join (JLREQ 3.2.2).
bool is_latin_word_character(char32_t c);

// U+FE00–FE0F and U+E0100–E01EF: selects a glyph variant of the character
// before it (an ideographic variation sequence) and draws nothing itself.
bool is_variation_selector(char32_t c);

}  // namespace ucap::text
