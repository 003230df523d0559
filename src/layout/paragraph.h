// The paragraph composer: inline runs in, lines of positioned text out.
//
// Stages (one file each, after Typst's inline layout):
//   paragraph_slots     runs → one slot per code point: face, advance, and the
//                       gap to the next (kerning, JLREQ punctuation
//                       compression, Japanese–Latin quarter em)
//   paragraph_hyphenation  justified English: where words may be hyphenated
//   text/line_break_opportunities   ICU + kinsoku → where a line may end
//   paragraph_breaks    candidates (with over-wide words split, hyphenation
//                       points flagged), greedy fill
//   paragraph_knuth_plass  total-fit breaking for English paragraphs
//   paragraph_setting   justification, positions, PlacedText pieces, links
#pragma once

#include <vector>

#include "font/font_choice.h"
#include "layout/page_boxes.h"
#include "layout/paragraph_style.h"
#include "model/blocks.h"
#include "model/language.h"

namespace ucap::layout {

// One line of a composed paragraph. Coordinates are relative to the line
// box: x from the paragraph's left edge (the first-line indent is already
// in the x), y from the top of the line box (baseline_y of every piece is
// `baseline`). The page builder adds the line's top-left on the page.
struct ComposedLine {
  double height = 0;    // the line box: the style's leading
  double baseline = 0;  // baseline below the top of the line box
  double left = 0;      // x of the first character's left edge
  double right = 0;     // x of the last character's right edge (≤ measure)
  std::vector<PlacedText> pieces;  // one per face/colour change; spaces included
  std::vector<LinkArea> links;     // areas of href runs on this line (uri = href as written)
  bool ends_paragraph = false;
  bool ends_with_line_break = false;  // a <br/> ended it
};

struct ComposedParagraph {
  std::vector<ComposedLine> lines;
  double height() const;  // sum of the lines' heights
};

// Sets `inlines` into lines of `style.measure`. Japanese paragraphs
// (language ja) fill lines greedily at ICU `ja@lb=strict` opportunities
// with JLREQ kinsoku, compression and spacing; other justified paragraphs
// use Knuth–Plass total fit, hyphenated with `style.hyphenation` (greedy
// when no feasible set of breaks exists); ragged ones are filled greedily
// with natural word spaces. A line that ends inside a word ends with a
// soft hyphen (U+00AD), which the PDF writer draws as a hyphen.
// Safe to call from several threads at once.
ComposedParagraph compose_paragraph(const model::Inlines& inlines, const ParagraphStyle& style,
                                    model::Language language, const font::TextMeasurer& measurer);

}  // namespace ucap::layout
