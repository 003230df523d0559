#include "layout/placed_text.h"

#include "text/normalize.h"
#include "text/script.h"

namespace ucap::layout {

void place_character(PlacedText& text, char32_t c, const font::DrawnGlyph& drawn, double x,
                     const font::TextMeasurer& measurer) {
  if (text::is_variation_selector(c) && !text.glyphs.empty()) {
    PlacedGlyph& base = text.glyphs.back();
    base.drawn = measurer.glyph(text.font, base.character, c);
  }
  text::append_utf8(text.text, c);
  text.x_positions.push_back(x);
  text.glyphs.push_back({c, drawn});
}

void place_character(PlacedText& text, char32_t c, double x, const font::TextMeasurer& measurer) {
  place_character(text, c, measurer.glyph(text.font, c, 0), x, measurer);
}

}  // namespace ucap::layout
