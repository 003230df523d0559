#include "text/japanese_classes.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace ucap::text {

namespace {

// The members of each class, sorted (a readable source for class_table).
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

// The Latin brackets and quotes share the line-start/line-end rules but
// have no built-in blank to compress.
bool is_full_width_form(char32_t c) { return c >= 0x3000 || (c >= 0xFF00 && c <= 0xFFEF); }

// The classes of every BMP character in one byte each, filled once from
// the tables: the composer asks them for every character pair, and a
// binary search per question was a tenth of laying out a Japanese plan.
// Outside the BMP none of these classes has a member.
enum ClassBit : std::uint8_t {
  closing = 1,
  opening = 2,
  no_start = 4,
  stop_or_comma = 8,
  blank_after = 16,
  blank_before = 32,
};

const std::array<std::uint8_t, 0x10000>& class_table() {
  static const auto table = [] {
    std::array<std::uint8_t, 0x10000> t{};
    for (char32_t c : closing_brackets) {
      t[c] |= closing | no_start;
      if (is_full_width_form(c) && c != U'〟') t[c] |= blank_after;
    }
    for (char32_t c : opening_brackets) {
      t[c] |= opening;
      if (is_full_width_form(c) && c != U'〝') t[c] |= blank_before;
    }
    for (char32_t c : other_no_start) t[c] |= no_start;
    for (char32_t c : full_stops_and_commas) t[c] |= stop_or_comma | blank_after;
    return t;
  }();
  return table;
}

bool in_class(char32_t c, ClassBit bit) { return c < 0x10000 && (class_table()[c] & bit) != 0; }

}  // namespace

bool is_closing_bracket(char32_t c) { return in_class(c, closing); }
bool is_opening_bracket(char32_t c) { return in_class(c, opening); }
bool is_full_stop_or_comma(char32_t c) { return in_class(c, stop_or_comma); }
bool prohibited_at_line_start(char32_t c) { return in_class(c, no_start); }
bool prohibited_at_line_end(char32_t c) { return in_class(c, opening); }
bool has_blank_after(char32_t c) { return in_class(c, blank_after); }
bool has_blank_before(char32_t c) { return in_class(c, blank_before); }

bool is_kana_or_kanji(char32_t c) {
  return (c >= 0x3041 && c <= 0x309F && c != 0x309B && c != 0x309C) ||  // hiragana
         (c >= 0x30A1 && c <= 0x30FF && c != 0x30FB) ||  // katakana (not ・)
         (c >= 0x31F0 && c <= 0x31FF) ||                 // katakana extensions
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
         c == U'々' || c == U'〆' || c == U'〇';
}

}  // namespace ucap::text
