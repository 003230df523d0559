#include "layout/paragraph_hyphenation.h"

#include <string>

namespace ucap::layout {

namespace {

constexpr std::size_t shortest_word = 5;
constexpr std::size_t letters_before = 2;
constexpr std::size_t letters_after = 3;

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_capital(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool closes_word(char32_t c) { return c == U')' || c == U'"' || c == U'\'' || c == 0x2019 || c == 0x201D; }

// A token no word of which may be hyphenated: a number, an identifier
// with digits, a URL, an e-mail address, a file or domain name, a link.
bool token_is_protected(const std::vector<Slot>& slots, const model::Inlines& inlines, std::size_t start,
                        std::size_t end) {
  for (std::size_t i = start; i < end; ++i) {
    const char32_t c = slots[i].c;
    if (is_digit(c) || c == U'@' || c == U'/' || c == U'\\' || c == U'_') return true;
    if (!inlines[slots[i].run].href.empty()) return true;
    // "https:", "mailto:", "example.org"; not a colon or full stop that
    // ends a word.
    const bool inside = i > start && i + 1 < end && is_letter(slots[i - 1].c) && !closes_word(slots[i + 1].c);
    if ((c == U'.' || c == U':') && inside) return true;
  }
  return false;
}

// The hyphen's advance in the face of the letter before it: most words
// of a paragraph share one face, so the last one asked is kept.
class HyphenWidths {
 public:
  HyphenWidths(const font::TextMeasurer& measurer, double font_size) : measurer_(measurer), size_(font_size) {}
  double of(const font::FontChoice& font) {
    if (!known_ || !(font == font_)) {
      font_ = font;
      width_ = measurer_.advance(font, U'-', size_);
      known_ = true;
    }
    return width_;
  }

 private:
  const font::TextMeasurer& measurer_;
  double size_;
  bool known_ = false;
  font::FontChoice font_;
  double width_ = 0;
};

void mark_word(std::vector<Slot>& slots, std::size_t start, std::size_t end,
               const text::HyphenationPatterns& patterns, HyphenWidths& hyphen_widths) {
  if (end - start < shortest_word) return;
  thread_local std::u32string word;
  thread_local std::vector<std::size_t> points;
  word.clear();
  bool all_capitals = true;
  for (std::size_t i = start; i < end; ++i) {
    word.push_back(slots[i].c);
    all_capitals = all_capitals && is_capital(slots[i].c);
  }
  if (all_capitals) return;
  patterns.points(word, letters_before, letters_after, points);
  for (std::size_t k : points) {
    Slot& before = slots[start + k - 1];
    if (before.hyphen_width == 0) before.hyphen_width = hyphen_widths.of(before.font);
  }
}

}  // namespace

void mark_hyphenation_points(std::vector<Slot>& slots, const model::Inlines& inlines,
                             const text::HyphenationPatterns& patterns, const font::TextMeasurer& measurer,
                             double font_size) {
  const std::size_t n = slots.size();
  HyphenWidths hyphen_widths(measurer, font_size);
  std::size_t token_start = 0;
  while (token_start < n) {
    if (slots[token_start].kind != SlotKind::glyph) {
      ++token_start;
      continue;
    }
    std::size_t token_end = token_start;
    while (token_end < n && slots[token_end].kind == SlotKind::glyph) ++token_end;
    if (!token_is_protected(slots, inlines, token_start, token_end)) {
      for (std::size_t i = token_start; i < token_end;) {
        if (!is_letter(slots[i].c)) {
          ++i;
          continue;
        }
        std::size_t word_end = i;
        while (word_end < token_end && is_letter(slots[word_end].c)) ++word_end;
        mark_word(slots, i, word_end, patterns, hyphen_widths);
        i = word_end;
      }
    }
    token_start = token_end;
  }
}

}  // namespace ucap::layout
