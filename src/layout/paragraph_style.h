// How a paragraph is to be set: measure, size, faces, indent, alignment.
// The caller (the block layout) chooses these from the document's styles.
#pragma once

#include "font/font_choice.h"
#include "layout/page_boxes.h"

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

  // English word spaces (Knuth–Plass glue): the font's space advance as
  // natural width (0.25 em in Liberation Serif), stretchable and
  // shrinkable by these many ems. With these, a 70–90 character measure
  // sets a median word space of 0.25–0.3 em and almost no line over
  // 0.45 em (jatype.py's en_space figures).
  double word_space_stretch_em = 1.0 / 6.0;
  double word_space_shrink_em = 1.0 / 9.0;

  Color color;
  Color link_color{0.0, 0.2, 0.6};
};

}  // namespace ucap::layout
