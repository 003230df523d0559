// Filling a PlacedText one code point at a time, with the glyph the
// measurer draws it with: the one place layout turns characters into
// glyphs, so the text, its positions and its glyphs never disagree.
#pragma once

#include "font/font_choice.h"
#include "layout/page_boxes.h"

namespace ucap::layout {

// Appends `c` at `x`, drawn with `drawn` (the measurer's glyph of `c` in
// `text.font`, kept from measuring). A variation selector draws nothing and
// turns the glyph before it into the sequence's variant.
void place_character(PlacedText& text, char32_t c, const font::DrawnGlyph& drawn, double x,
                     const font::TextMeasurer& measurer);
// The same, asking the measurer for the glyph.
void place_character(PlacedText& text, char32_t c, double x, const font::TextMeasurer& measurer);

}  // namespace ucap::layout
