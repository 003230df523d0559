// Stage 4: a chosen line becomes positioned text. Justification, the
// line-end compression of JLREQ 3.8.2 and alignment are decided here, and
// each character gets the glyph that draws it.
#pragma once

#include "layout/paragraph.h"
#include "layout/paragraph_breaks.h"
#include "layout/paragraph_metrics.h"
#include "layout/paragraph_slots.h"

namespace ucap::layout {

struct LineFrame {
  double x = 0;          // where the line's measure starts (the indent on line 1)
  double available = 0;  // the line's width
};

ComposedLine set_line(const std::vector<Slot>& slots, const LineSpan& span, const LineMetrics& metrics,
                      const LineFrame& frame, const ParagraphStyle& style, model::Language language,
                      const model::Inlines& inlines, const font::TextMeasurer& measurer);

}  // namespace ucap::layout
