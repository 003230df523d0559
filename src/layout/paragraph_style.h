// How a paragraph is to be set: measure, size, faces, indent, alignment.
// The caller (the block layout) chooses these from the document's styles.
#pragma once

#include "font/font_choice.h"
#include "layout/page_boxes.h"
#include "text/hyphenation.h"

namespace ucap::layout {

enum class Alignment : unsigned char { justify, left, right, center };

struct ParagraphStyle {
  double measure = 400;         // line width in points
  double font_size = 10;        // points; one em
  double leading = 16;          // baseline to baseline, points
  // Where the baseline sits below the top of a line box, in ems, before
  // half the extra leading is added (IPAex and Liberation ascend ~0.88 em).
  double ascent_em = 0.88;
  font::Family latin_family = font::Family::serif;
  font::Family japanese_family = font::Family::serif;
  double first_line_indent = 0;  // points; the first line's text starts here
  Alignment alignment = Alignment::justify;
  bool last_line_flush_left = true;  // justify: the last line is not spread

  // The word spaces of justified English (Knuth–Plass glue): the font's
  // space advance as natural width (0.25 em in Liberation Serif),
  // stretchable and shrinkable by these many ems. Stretch is made dear
  // (a space at 0.31 em is already as bad as TeX's "loose"), so that the
  // total fit, with hyphenation, prefers tighter lines and hyphens to
  // loose lines: on the samples a median word space of 0.21–0.24 em and
  // a 95th percentile of at most 0.31 em (bench/README.md, README
  // "Typesetting"). Ragged English lines keep natural spaces.
  double word_space_stretch_em = 0.06;
  double word_space_shrink_em = 0.14;
  // Word spaces between Latin words in a Japanese paragraph: how much a
  // line's filling may shrink them.
  double japanese_word_space_shrink_em = 1.0 / 9.0;

  // Justified English: the hyphenation patterns of the text's language
  // (null: words are never hyphenated).
  const text::HyphenationPatterns* hyphenation = nullptr;

  Color color;
  Color link_color{0.0, 0.2, 0.6};
};

}  // namespace ucap::layout
