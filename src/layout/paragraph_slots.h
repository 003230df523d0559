// Stage 1 of the composer: the paragraph as one slot per code point, with
// everything the breaker and the setter need to know about it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "font/font_choice.h"
#include "layout/paragraph_style.h"
#include "model/blocks.h"
#include "model/language.h"

namespace ucap::layout {

enum class SlotKind : std::uint8_t { glyph, space, line_break };

struct Slot {
  char32_t c = 0;
  SlotKind kind = SlotKind::glyph;
  font::FontChoice font;
  std::uint32_t run = 0;   // index into the Inlines (style, href)
  double advance = 0;      // natural advance, points
  font::DrawnGlyph glyph;  // what draws it (measured with the advance)
  // Added to the advance when the next slot is on the same line: kerning,
  // punctuation-pair compression (negative), the Japanese–Latin quarter em.
  double gap_after = 0;
  double stretch = 0;      // word spaces: how much the advance may grow …
  double shrink = 0;       // … and shrink
  // How much the advance may give up when this slot ends a line: half the
  // blank of a line-end 、。 or closing bracket (JLREQ 3.1.4 / 3.8.2).
  double end_shrink = 0;
  // Whether justification may widen the gap after this slot: between
  // Japanese characters, at Japanese–Latin joins and after word spaces,
  // never inside a Latin word or number.
  bool expandable_after = false;
  // > 0: the word may be hyphenated after this slot (the patterns, or a
  // soft hyphen of the source); the advance of the hyphen drawn then.
  double hyphen_width = 0;
};

std::vector<Slot> collect_slots(const model::Inlines& inlines, const ParagraphStyle& style,
                                model::Language language, const font::TextMeasurer& measurer);

// The code points of the slots, a line break as '\n' (for ICU).
std::u32string slot_text(const std::vector<Slot>& slots);

}  // namespace ucap::layout
