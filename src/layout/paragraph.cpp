#include "layout/paragraph.h"

#include <algorithm>

#include "layout/paragraph_breaks.h"
#include "layout/paragraph_hyphenation.h"
#include "layout/paragraph_knuth_plass.h"
#include "layout/paragraph_metrics.h"
#include "layout/paragraph_setting.h"
#include "layout/paragraph_slots.h"

namespace ucap::layout {

double ComposedParagraph::height() const {
  double sum = 0;
  for (const auto& line : lines) sum += line.height;
  return sum;
}

ComposedParagraph compose_paragraph(const model::Inlines& inlines, const ParagraphStyle& style,
                                    model::Language language, const font::TextMeasurer& measurer) {
  // Japanese is set line by line (JLREQ: fill each line, then adjust);
  // justified English gets the total fit, with hyphenation; ragged text
  // is first fit.
  const bool total_fit = language != model::Language::ja && style.alignment == Alignment::justify;
  std::vector<Slot> slots = collect_slots(inlines, style, language, measurer);
  if (total_fit && style.hyphenation)
    mark_hyphenation_points(slots, inlines, *style.hyphenation, measurer, style.font_size);
  const LineMetrics metrics(slots);
  const LineWidths widths{style.measure - style.first_line_indent, style.measure};
  const std::vector<BreakCandidate> candidates =
      break_candidates(slots, metrics, language, std::min(widths.first, widths.other));
  const std::vector<LineSpan> spans = total_fit ? break_total_fit(slots, candidates, metrics, widths)
                                                : break_greedy(slots, candidates, metrics, widths);

  ComposedParagraph paragraph;
  paragraph.lines.reserve(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const LineFrame frame{i == 0 ? style.first_line_indent : 0.0, widths.of(i)};
    paragraph.lines.push_back(set_line(slots, spans[i], metrics, frame, style, language, inlines, measurer));
  }
  return paragraph;
}

}  // namespace ucap::layout
