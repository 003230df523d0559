#include "text/japanese_classes.h"

#include <algorithm>
#include <array>

namespace ucap::text {

namespace {

// Sorted tables so that a lookup is a binary search, no allocation.
constexpr auto sorted(auto table) {
  std::sort(table.begin(), table.end());
  return table;
}

constexpr auto closing_brackets = sorted(std::to_array<char32_t>({
    U'」', U'』', U'）', U'〕', U'］', U'｝', U'〉', U'》', U'】', U'〙', U'〗', U'｣',
    U'〟', U'’', U'”', U')', U']', U'}', U'｠', U'»'}));

constexpr auto opening_brackets = sorted(std::to_array<char32_t>({
    U'「', U'『', U'（', U'〔', U'［', U'｛', U'〈', U'《', U'【', U'〘', U'〖', U'｢',
    U'〝', U'‘', U'“', U'(', U'[', U'{', U'｟', U'«'}));

// JLREQ cl-03 hyphens, cl-04 dividing punctuation, cl-05 middle dots,
// cl-06/07 full stops and commas, cl-09 iteration marks, cl-10 prolonged
// sound mark, cl-11 small kana, and units that follow a number (cl-20
// postfixes); everything pdfcheck.py's NO_START lists, and a few more.
constexpr auto other_no_start = sorted(std::to_array<char32_t>({
    U'、', U'。', U'，', U'．', U',', U'.', U'・', U'：', U'；', U':', U';',
    U'？', U'！', U'?', U'!', U'‼', U'⁇', U'⁈', U'⁉',
    U'ー', U'‐', U'–', U'〜', U'゠',
    U'ぁ', U'ぃ', U'ぅ', U'ぇ', U'ぉ', U'っ', U'ゃ', U'ゅ', U'ょ', U'ゎ', U'ゕ', U'ゖ',
    U'ァ', U'ィ', U'ゥ', U'ェ', U'ォ', U'ッ', U'ャ', U'ュ', U'ョ', U'ヮ', U'ヵ', U'ヶ',
    U'ㇰ', U'ㇱ', U'ㇲ', U'ㇳ', U'ㇴ', U'ㇵ', U'ㇶ', U'ㇷ', U'ㇸ', U'ㇹ', U'ㇺ', U'ㇻ', U'ㇼ', U'ㇽ', U'ㇾ', U'ㇿ',
    U'ｧ', U'ｨ', U'ｩ', U'ｪ', U'ｫ', U'ｬ', U'ｭ', U'ｮ', U'ｯ', U'ｰ', U'｡', U'､', U'･',
    U'々', U'〻', U'ゝ', U'ゞ', U'ヽ', U'ヾ', U'〃',
    U'%', U'％', U'℃', U'°', U'′', U'″', U'‰'}));

constexpr auto full_stops_and_commas = sorted(std::to_array<char32_t>({U'、', U'。', U'，', U'．'}));

template <std::size_t N>
constexpr bool contains(const std::array<char32_t, N>& table, char32_t c) {
  return std::binary_search(table.begin(), table.end(), c);
}

// The Latin brackets and quotes share the line-start/line-end rules but
// have no built-in blank to compress.
bool is_full_width_form(char32_t c) { return c >= 0x3000 || (c >= 0xFF00 && c <= 0xFFEF); }

}  // namespace

bool is_closing_bracket(char32_t c) { return contains(closing_brackets, c); }
bool is_opening_bracket(char32_t c) { return contains(opening_brackets, c); }
bool is_full_stop_or_comma(char32_t c) { return contains(full_stops_and_commas, c); }

bool prohibited_at_line_start(char32_t c) {
  return is_closing_bracket(c) || contains(other_no_start, c);
}

bool prohibited_at_line_end(char32_t c) { return is_opening_bracket(c); }

bool has_blank_after(char32_t c) {
  return (is_closing_bracket(c) && is_full_width_form(c) && c != U'〟') || is_full_stop_or_comma(c);
}

bool has_blank_before(char32_t c) {
  return is_opening_bracket(c) && is_full_width_form(c) && c != U'〝';
}

bool is_kana_or_kanji(char32_t c) {
  return (c >= 0x3041 && c <= 0x309F && c != 0x309B && c != 0x309C) ||  // hiragana
         (c >= 0x30A1 && c <= 0x30FF && c != 0x30FB) ||  // katakana (not ・)
         (c >= 0x31F0 && c <= 0x31FF) ||                 // katakana extensions
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
         c == U'々' || c == U'〆' || c == U'〇';
}

}  // namespace ucap::text
