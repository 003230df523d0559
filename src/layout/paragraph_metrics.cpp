#include "layout/paragraph_metrics.h"

namespace ucap::layout {

LineMetrics::LineMetrics(const std::vector<Slot>& slots)
    : slots_(slots), width_(slots.size() + 1), stretch_(slots.size() + 1), shrink_(slots.size() + 1) {
  for (std::size_t i = 0; i < slots.size(); ++i) {
    width_[i + 1] = width_[i] + slots[i].advance + slots[i].gap_after;
    stretch_[i + 1] = stretch_[i] + slots[i].stretch;
    shrink_[i + 1] = shrink_[i] + slots[i].shrink;
  }
}

double LineMetrics::natural_width(std::size_t start, std::size_t end) const {
  if (end <= start) return 0;
  return width_[end] - width_[start] - slots_[end - 1].gap_after;
}

double LineMetrics::stretch(std::size_t start, std::size_t end) const {
  if (end <= start) return 0;
  return stretch_[end] - stretch_[start];
}

double LineMetrics::shrink(std::size_t start, std::size_t end) const {
  if (end <= start) return 0;
  return shrink_[end] - shrink_[start] + slots_[end - 1].end_shrink;
}

}  // namespace ucap::layout
