// Stage 1b, English paragraphs that are justified: where a word may be
// hyphenated. The breaker (paragraph_breaks, paragraph_knuth_plass) turns
// these points into flagged candidates; the setter draws the hyphen.
#pragma once

#include <vector>

#include "font/font_choice.h"
#include "layout/paragraph_slots.h"
#include "model/blocks.h"
#include "text/hyphenation.h"

namespace ucap::layout {

// Sets Slot::hyphen_width (the advance of the hyphen drawn if the line
// breaks there) on each slot after which `patterns` allow a break: in
// words of five letters or more, two letters before and three after the
// break at least. Never in a token (a run without spaces) that holds a
// digit or looks like an address (@, /, :, a dot between letters), in the
// text of a link, or in a word all in capitals (an acronym). Points that
// a soft hyphen of the source marked are kept as they are.
void mark_hyphenation_points(std::vector<Slot>& slots, const model::Inlines& inlines,
                             const text::HyphenationPatterns& patterns, const font::TextMeasurer& measurer,
                             double font_size);

}  // namespace ucap::layout
