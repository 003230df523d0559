// Total-fit line breaking (Knuth & Plass, "Breaking paragraphs into
// lines", 1981): of all ways to break the paragraph at its candidates,
// the one with the least total demerits, found by dynamic programming
// over a list of active breakpoints that drops every breakpoint from
// which the next line would be overfull (so the list stays as short as
// the number of candidates on one line).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "layout/paragraph_breaks.h"
#include "layout/paragraph_metrics.h"

namespace ucap::layout {

struct KnuthPlassParameters {
  // Largest adjustment ratio accepted (stretch used / stretch available);
  // infinite: any line that is not overfull (the emergency pass).
  double tolerance = 1.0;
  double line_penalty = 10;          // TeX \linepenalty
  double fitness_demerits = 3000;    // adjacent lines two fitness classes apart
  double double_hyphen_demerits = 10000;  // TeX \doublehyphendemerits: two hyphenated lines in a row
  // The line before the last (or before a <br/>) ending with a hyphen
  // costs these demerits (TeX's \finalhyphendemerits); the word's tail
  // may be alone on the last line only when nothing else avoids a loose
  // line (the emergency pass sets `lone_tail`).
  double final_hyphen_demerits = 5000;
  bool lone_tail = false;
};

// Never more hyphenated lines in a row than this.
inline constexpr int most_hyphens_in_a_row = 2;

// The chosen candidates (indices, in order, the last being the paragraph
// end), or nothing when no set of breaks keeps every line within
// `tolerance`. The last line and lines ended by a <br/> are set ragged:
// they may be short at no cost.
std::optional<std::vector<std::size_t>> break_knuth_plass(const std::vector<Slot>& slots,
                                                          const std::vector<BreakCandidate>& candidates,
                                                          const LineMetrics& metrics, const LineWidths& widths,
                                                          const KnuthPlassParameters& parameters);

// Tries tolerance 1, then 2.5, then the emergency pass; greedy if all fail.
std::vector<LineSpan> break_total_fit(const std::vector<Slot>& slots, const std::vector<BreakCandidate>& candidates,
                                      const LineMetrics& metrics, const LineWidths& widths);

}  // namespace ucap::layout
