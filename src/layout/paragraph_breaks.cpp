#include "layout/paragraph_breaks.h"

#include "text/line_break_opportunities.h"

namespace ucap::layout {

namespace {

constexpr double tolerance_pt = 1e-6;

// Knuth–Plass penalties: a break at a word space is free; one that ICU
// allows elsewhere (after a hyphen, between Japanese characters of an
// English paragraph) costs a little; one inside an over-wide word a lot.
constexpr int penalty_at_space = 0;
constexpr int penalty_elsewhere = 50;
constexpr int penalty_inside_word = 1000;
// TeX's \hyphenpenalty.
constexpr int penalty_at_hyphenation = 50;

enum Opportunity : std::uint8_t { none = 0, allowed = 1, emergency = 2, hyphenation = 3 };

bool is_space(const Slot& s) { return s.kind == SlotKind::space; }

// Emergency opportunities inside [start, end) where kinsoku allows (pass
// 0) or anywhere between two glyphs (pass 1).
void open_inside(const std::vector<Slot>& slots, std::vector<std::uint8_t>& flags, std::size_t start,
                 std::size_t end, bool anywhere) {
  for (std::size_t i = start + 1; i < end; ++i) {
    if (flags[i] != none) continue;
    const Slot& a = slots[i - 1];
    const Slot& b = slots[i];
    if (a.kind != SlotKind::glyph || b.kind != SlotKind::glyph) continue;
    if (anywhere || text::kinsoku_allows_break(a.c, b.c)) flags[i] = emergency;
  }
}

// Splits every piece between two opportunities that is wider than `limit`.
void split_overwide(const std::vector<Slot>& slots, const LineMetrics& metrics,
                    std::vector<std::uint8_t>& flags, double limit, bool anywhere) {
  const std::size_t n = slots.size();
  std::size_t piece_start = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    if (flags[i] == none && i != n) continue;
    std::size_t piece_end = i;
    while (piece_end > piece_start && is_space(slots[piece_end - 1])) --piece_end;
    std::size_t from = piece_start;
    while (from < piece_end && is_space(slots[from])) ++from;
    if (metrics.natural_width(from, piece_end) > limit + tolerance_pt)
      open_inside(slots, flags, from, piece_end, anywhere);
    piece_start = i;
  }
}

}  // namespace

std::size_t paragraph_start(const std::vector<Slot>& slots) {
  std::size_t start = 0;
  while (start < slots.size() && is_space(slots[start])) ++start;
  return start;
}

std::vector<BreakCandidate> break_candidates(const std::vector<Slot>& slots, const LineMetrics& metrics,
                                             model::Language language, double narrowest_line) {
  const std::size_t n = slots.size();
  std::vector<BreakCandidate> candidates;
  if (n == 0) return candidates;
  std::vector<std::uint8_t> flags = text::line_break_opportunities(slot_text(slots), language);
  // A <br/> always ends its line, whatever follows it.
  for (std::size_t i = 0; i < n; ++i)
    if (slots[i].kind == SlotKind::line_break) flags[i + 1] = allowed;
  for (std::size_t i = 1; i < n; ++i)
    if (flags[i] == none && slots[i - 1].hyphen_width > 0 && slots[i].kind == SlotKind::glyph) flags[i] = hyphenation;

  split_overwide(slots, metrics, flags, narrowest_line, /*anywhere=*/false);
  split_overwide(slots, metrics, flags, narrowest_line, /*anywhere=*/true);

  for (std::size_t i = 1; i <= n; ++i) {
    if (flags[i] == none) continue;
    BreakCandidate c;
    const bool after_line_break = slots[i - 1].kind == SlotKind::line_break;
    c.paragraph_end = i == n;
    c.forced = c.paragraph_end || after_line_break;
    c.line_end = after_line_break ? i - 1 : i;
    while (c.line_end > 0 && is_space(slots[c.line_end - 1])) --c.line_end;
    c.next_start = i;
    while (c.next_start < n && is_space(slots[c.next_start])) ++c.next_start;
    c.penalty = flags[i] == emergency     ? penalty_inside_word
                : flags[i] == hyphenation ? penalty_at_hyphenation
                : is_space(slots[i - 1]) ? penalty_at_space
                                          : penalty_elsewhere;
    if (flags[i] == hyphenation) c.hyphen_width = slots[i - 1].hyphen_width;
    if (c.forced) c.penalty = 0;
    candidates.push_back(c);
  }
  return candidates;
}

std::vector<LineSpan> break_greedy(const std::vector<Slot>& slots, const std::vector<BreakCandidate>& candidates,
                                   const LineMetrics& metrics, const LineWidths& widths) {
  std::vector<LineSpan> lines;
  std::size_t start = paragraph_start(slots);
  std::size_t next = 0;
  while (next < candidates.size()) {
    const double available = widths.of(lines.size());
    std::size_t best = candidates.size();
    for (std::size_t k = next; k < candidates.size(); ++k) {
      const BreakCandidate& c = candidates[k];
      const bool empty = c.line_end <= start;
      if ((empty && !c.forced) || c.hyphenated()) continue;
      const double width = empty ? 0 : metrics.min_width(start, c.line_end);
      if (width <= available + tolerance_pt) {
        best = k;
        if (c.forced) break;
        continue;
      }
      if (best == candidates.size()) best = k;  // wider than any line: it goes alone
      break;
    }
    if (best == candidates.size()) break;  // only empty candidates were left
    const BreakCandidate& c = candidates[best];
    lines.push_back({start, std::max(start, c.line_end), c.paragraph_end, c.forced && !c.paragraph_end});
    start = c.next_start;
    next = best + 1;
  }
  return lines;
}

std::vector<LineSpan> spans_of(const std::vector<Slot>& slots, const std::vector<BreakCandidate>& candidates,
                               const std::vector<std::size_t>& chosen) {
  std::vector<LineSpan> lines;
  lines.reserve(chosen.size());
  std::size_t start = paragraph_start(slots);
  for (std::size_t k : chosen) {
    const BreakCandidate& c = candidates[k];
    lines.push_back({start, std::max(start, c.line_end), c.paragraph_end, c.forced && !c.paragraph_end,
                     c.hyphen_width});
    start = c.next_start;
  }
  return lines;
}

}  // namespace ucap::layout
