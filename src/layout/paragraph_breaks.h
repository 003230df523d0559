// Stage 3: where lines may end, and the greedy (first-fit) breaker that
// Japanese paragraphs use and English ones fall back to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "layout/paragraph_metrics.h"
#include "layout/paragraph_slots.h"
#include "model/language.h"

namespace ucap::layout {

// A place where a line may end.
struct BreakCandidate {
  std::size_t line_end = 0;    // the line holds slots [start, line_end): spaces trimmed
  std::size_t next_start = 0;  // the next line starts here: spaces skipped
  int penalty = 0;             // Knuth–Plass penalty of breaking here
  bool forced = false;         // a <br/> or the paragraph's end
  bool paragraph_end = false;
  // > 0: a flagged break inside a word; the line ends with a hyphen this wide.
  double hyphen_width = 0;
  bool hyphenated() const { return hyphen_width > 0; }
};

// A line as the breakers chose it.
struct LineSpan {
  std::size_t start = 0, end = 0;  // slots [start, end), no leading/trailing space
  bool ends_paragraph = false;
  bool ends_with_line_break = false;
  double hyphen_width = 0;  // > 0: the line ends inside a word, with a hyphen
};

// The widths the lines have: the first line loses its indent.
struct LineWidths {
  double first = 0, other = 0;
  double of(std::size_t line_index) const { return line_index == 0 ? first : other; }
};

// Break candidates in slot order, from ICU's opportunities with kinsoku,
// and the hyphenation points of the slots (Slot::hyphen_width).
// A stretch of text without an opportunity that is wider than
// `narrowest_line` (a very long word, URL or number) gets emergency
// candidates between its characters — where kinsoku allows if that is
// enough, anywhere otherwise — so that no line has to overflow.
std::vector<BreakCandidate> break_candidates(const std::vector<Slot>& slots, const LineMetrics& metrics,
                                             model::Language language, double narrowest_line);

// Where the first line starts: after any leading spaces.
std::size_t paragraph_start(const std::vector<Slot>& slots);

// First fit: each line takes the last candidate whose line still fits at
// its minimum width (line-end punctuation set half width, word spaces
// shrunk). A single unbreakable piece wider than the line goes alone.
// Hyphenation points are not used: only the total fit weighs them.
std::vector<LineSpan> break_greedy(const std::vector<Slot>& slots, const std::vector<BreakCandidate>& candidates,
                                   const LineMetrics& metrics, const LineWidths& widths);

// The spans of a chosen set of candidates (indices into `candidates`).
std::vector<LineSpan> spans_of(const std::vector<Slot>& slots, const std::vector<BreakCandidate>& candidates,
                               const std::vector<std::size_t>& chosen);

}  // namespace ucap::layout
