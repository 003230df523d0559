// Prefix sums over the slots, so that the natural width, stretch and
// shrink of any candidate line come in O(1): the breakers ask this for
// every (line start, line end) pair they consider.
#pragma once

#include <cstddef>
#include <vector>

#include "layout/paragraph_slots.h"

namespace ucap::layout {

class LineMetrics {
 public:
  explicit LineMetrics(const std::vector<Slot>& slots);

  // Slots [start, end) set on one line: the gap after the last slot does
  // not count (nothing follows it on the line).
  double natural_width(std::size_t start, std::size_t end) const;
  double stretch(std::size_t start, std::size_t end) const;  // word spaces
  // Word-space shrink plus the line-end shrink of the last slot.
  double shrink(std::size_t start, std::size_t end) const;
  double min_width(std::size_t start, std::size_t end) const {
    return natural_width(start, end) - shrink(start, end);
  }

 private:
  const std::vector<Slot>& slots_;
  std::vector<double> width_, stretch_, shrink_;  // sums over slots [0, i)
};

}  // namespace ucap::layout
