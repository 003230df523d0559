// Unicode normalisation of input text (ICU).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ucap::text {

// `utf8` in Normalization Form C. ASCII and text already in NFC come back
// unchanged without a copy through UTF-16.
std::string to_nfc(std::string_view utf8);

// True for the characters that take no space between them when a source
// line break falls between two of them (FORMAT.md §2): kana, kanji,
// Japanese punctuation and full-width forms.
bool is_japanese(char32_t c);

// Decodes one UTF-8 sequence at `pos`; advances pos. Returns U+FFFD for an
// invalid sequence (and advances one byte): an overlong form, a surrogate,
// a value above U+10FFFF, a stray or missing continuation byte. The one
// decoder of the library, so that a count of code points (layout's
// positions, the writer's glyphs) is the same everywhere.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// All the code points of `s`, decoded as above.
std::vector<char32_t> decode_utf8(std::string_view s);

// The code point that ends just before `end`, or 0 at the start.
char32_t last_code_point(std::string_view s, std::size_t end);

void append_utf8(std::string& out, char32_t c);

}  // namespace ucap::text
