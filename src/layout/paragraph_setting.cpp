#include "layout/paragraph_setting.h"

#include <algorithm>

#include "layout/placed_text.h"

namespace ucap::layout {

namespace {

constexpr double epsilon_pt = 1e-9;
constexpr char32_t soft_hyphen = 0xAD;

// How a line departs from its natural width.
struct Adjustment {
  double line_end_cut = 0;   // taken from the last slot's advance
  double space_factor = 0;   // × stretch (> 0) or × shrink (< 0) of each word space
  double gap_extra = 0;      // added at each expandable gap
  double letter_extra = 0;   // added between every two slots (last resort)
};

std::size_t expandable_gaps(const std::vector<Slot>& slots, std::size_t start, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t k = start; k + 1 < end; ++k) count += slots[k].expandable_after ? 1 : 0;
  return count;
}

Adjustment adjust(const std::vector<Slot>& slots, const LineSpan& span, const LineMetrics& metrics,
                  double available, bool justify, model::Language language) {
  Adjustment a;
  const std::size_t s = span.start, e = span.end;
  double excess = metrics.natural_width(s, e) + span.hyphen_width - available;
  if (excess > epsilon_pt) {
    // Too long (any alignment): JLREQ 3.8.2 — set a line-end 、。 or
    // closing bracket half width first, then shrink word spaces.
    a.line_end_cut = std::min(excess, slots[e - 1].end_shrink);
    excess -= a.line_end_cut;
    const double space_shrink = metrics.shrink(s, e) - slots[e - 1].end_shrink;
    if (excess > epsilon_pt && space_shrink > 0) a.space_factor = -std::min(1.0, excess / space_shrink);
    return a;  // anything left over is a piece wider than the line
  }
  if (!justify || -excess <= epsilon_pt) return a;
  const double extra = -excess;
  // English: word spaces take the extra space (Knuth–Plass chose the
  // breaks for it). Japanese (JLREQ 3.8.3): spread evenly over the gaps
  // between characters, Japanese–Latin joins and word spaces; never
  // inside a Latin word. An English line without a space (a Japanese
  // name) falls back to the same.
  const double stretch = metrics.stretch(s, e);
  if (language != model::Language::ja && stretch > 0) {
    a.space_factor = extra / stretch;
    return a;
  }
  if (std::size_t gaps = expandable_gaps(slots, s, e)) {
    a.gap_extra = extra / double(gaps);
    return a;
  }
  // Nothing may be spread (a line holding one Latin word, or a piece of
  // an over-wide one): letter-space it as the last resort, so that the
  // right edge still holds.
  if (e - s > 1) a.letter_extra = extra / double(e - s - 1);
  return a;
}

double slot_advance(const Slot& slot, bool last_on_line, const Adjustment& a) {
  double advance = slot.advance;
  if (slot.kind == SlotKind::space)
    advance += a.space_factor * (a.space_factor > 0 ? slot.stretch : slot.shrink);
  if (last_on_line) return advance - a.line_end_cut;
  return advance + slot.gap_after + (slot.expandable_after ? a.gap_extra : 0) + a.letter_extra;
}

}  // namespace

ComposedLine set_line(const std::vector<Slot>& slots, const LineSpan& span, const LineMetrics& metrics,
                      const LineFrame& frame, const ParagraphStyle& style, model::Language language,
                      const model::Inlines& inlines, const font::TextMeasurer& measurer) {
  ComposedLine line;
  line.height = style.leading;
  line.baseline = (style.leading - style.font_size) / 2 + style.ascent_em * style.font_size;
  line.ends_paragraph = span.ends_paragraph;
  line.ends_with_line_break = span.ends_with_line_break;
  line.left = line.right = frame.x;
  const std::size_t s = span.start, e = span.end;
  if (e <= s) return line;

  const bool justify = style.alignment == Alignment::justify && !span.ends_with_line_break &&
                       !(span.ends_paragraph && style.last_line_flush_left);
  const Adjustment a = adjust(slots, span, metrics, frame.available, justify, language);

  double width = span.hyphen_width;
  for (std::size_t k = s; k < e; ++k) width += slot_advance(slots[k], k + 1 == e, a);
  double x = frame.x;
  if (style.alignment == Alignment::right) x += std::max(0.0, frame.available - width);
  if (style.alignment == Alignment::center) x += std::max(0.0, frame.available - width) / 2;
  line.left = x;

  PlacedText* piece = nullptr;
  const std::string* piece_href = nullptr;
  const std::string* link_href = nullptr;
  for (std::size_t k = s; k < e; ++k) {
    const Slot& slot = slots[k];
    const double advance = slot_advance(slot, k + 1 == e, a);
    const std::string& href = inlines[slot.run].href;
    if (!piece || !(piece->font == slot.font) || *piece_href != href) {
      line.pieces.emplace_back();
      piece = &line.pieces.back();
      piece->font = slot.font;
      piece->size = style.font_size;
      piece->baseline_y = line.baseline;
      piece->color = href.empty() ? style.color : style.link_color;
      piece_href = &href;
    }
    place_character(*piece, slot.c, slot.glyph, x, measurer);
    if (!href.empty()) {
      if (link_href && *link_href == href) {
        line.links.back().width = x + advance - line.links.back().x;
      } else {
        line.links.push_back(LinkArea{x, 0, advance, line.height, href, -1, 0, {}});
      }
      link_href = &href;
    } else {
      link_href = nullptr;
    }
    x += advance;
  }
  if (span.hyphen_width > 0 && piece) {
    // The hyphen of a word broken here, as the soft hyphen it stands for:
    // the PDF writer draws it and keeps it out of the text layer, so
    // the word reads whole.
    place_character(*piece, soft_hyphen, x, measurer);
    x += span.hyphen_width;
  }
  line.right = x;
  return line;
}

}  // namespace ucap::layout
