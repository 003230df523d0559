// A measurer with round widths so that positions in tests are exact:
// Japanese-face characters 1 em, Latin characters 0.5 em, space 0.25 em,
// and one kerning pair (A V: −0.1 em). Glyphs: face 1 for the Japanese
// face, 0 for the Latin one, the glyph id the code point's low 16 bits.
#pragma once

#include "font/font_choice.h"

namespace ucap::test {

class FakeMeasurer final : public font::TextMeasurer {
 public:
  double advance(const font::FontChoice& font, char32_t c, double size) const override {
    if (c == U' ') return 0.25 * size;
    return font.script == font::Script::japanese ? size : 0.5 * size;
  }
  double kerning(const font::FontChoice&, char32_t left, char32_t right, double size) const override {
    return left == U'A' && right == U'V' ? -0.1 * size : 0.0;
  }
  font::DrawnGlyph glyph(const font::FontChoice& font, char32_t c, char32_t) const override {
    return {font::FaceIndex(font.script == font::Script::japanese ? 1 : 0), font::GlyphId(c & 0xFFFF),
            font::Drawn::glyph};
  }
};

}  // namespace ucap::test
