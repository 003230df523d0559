#include "layout/paragraph_knuth_plass.h"

#include <array>
#include <cmath>
#include <limits>

namespace ucap::layout {

namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double awful_badness = 10000;  // TeX's inf_bad: a line that cannot stretch enough
constexpr std::size_t no_node = static_cast<std::size_t>(-1);

struct Node {
  std::size_t candidate = no_node;  // no_node: the paragraph's start
  std::size_t line_count = 0;       // lines before the one that starts here
  int fitness = 1;
  int hyphens_in_a_row = 0;  // hyphenated lines ending here, this one included
  double demerits = 0;
  std::size_t previous = no_node;  // index into the node pool
};

// TeX's fitness classes: tight, decent, loose, very loose.
int fitness_class(double ratio) {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

}  // namespace

std::optional<std::vector<std::size_t>> break_knuth_plass(const std::vector<Slot>& slots,
                                                          const std::vector<BreakCandidate>& candidates,
                                                          const LineMetrics& metrics, const LineWidths& widths,
                                                          const KnuthPlassParameters& parameters) {
  if (candidates.empty()) return std::vector<std::size_t>{};
  std::vector<Node> pool;
  pool.reserve(candidates.size() * 4);
  pool.push_back(Node{});
  std::vector<std::size_t> active{0}, survivors;
  active.reserve(64);
  survivors.reserve(64);
  const std::size_t first_start = paragraph_start(slots);
  auto start_of = [&](const Node& node) {
    return node.candidate == no_node ? first_start : candidates[node.candidate].next_start;
  };

  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const BreakCandidate& candidate = candidates[k];
    // The best way to reach this candidate per fitness class and per
    // count of hyphenated lines in a row ending here (0 when unflagged).
    constexpr std::size_t classes = 4 * (most_hyphens_in_a_row + 1);
    std::array<double, classes> best_demerits;
    best_demerits.fill(infinity);
    std::array<std::size_t, classes> best_node{};
    survivors.clear();
    for (std::size_t index : active) {
      const Node& node = pool[index];
      const std::size_t start = start_of(node);
      const bool empty = candidate.line_end <= start;
      if (empty && !candidate.forced) {
        survivors.push_back(index);
        continue;
      }
      const double available = widths.of(node.line_count);
      const double width = empty ? 0 : metrics.natural_width(start, candidate.line_end) + candidate.hyphen_width;
      double ratio;
      if (width > available) {
        const double shrink = empty ? 0 : metrics.shrink(start, candidate.line_end);
        ratio = shrink > 0 ? (available - width) / shrink : -infinity;
      } else if (candidate.forced) {
        ratio = 0;  // a ragged last line: any shortfall is fine
      } else {
        const double stretch = metrics.stretch(start, candidate.line_end);
        ratio = stretch > 0 ? (available - width) / stretch : (width == available ? 0 : infinity);
      }
      if (ratio < -1 - 1e-9) continue;  // overfull now, and later candidates only make it longer
      if (!candidate.forced) survivors.push_back(index);
      if (ratio > parameters.tolerance) continue;
      const int hyphens_in_a_row = candidate.hyphenated() ? node.hyphens_in_a_row + 1 : 0;
      if (hyphens_in_a_row > most_hyphens_in_a_row) continue;
      // A word's tail on the last line: never alone there, and at a cost.
      const bool final_hyphen = candidate.forced && node.hyphens_in_a_row > 0;
      if (final_hyphen && metrics.stretch(start, candidate.line_end) <= 0 && !parameters.lone_tail) continue;

      const double badness = std::isinf(ratio) ? awful_badness
                                               : std::min(awful_badness, 100 * std::pow(std::abs(ratio), 3));
      double demerits = std::pow(parameters.line_penalty + badness, 2);
      if (candidate.penalty > 0) demerits += double(candidate.penalty) * candidate.penalty;
      const int fitness = fitness_class(std::isinf(ratio) ? 10 : ratio);
      if (std::abs(fitness - node.fitness) > 1) demerits += parameters.fitness_demerits;
      if (hyphens_in_a_row > 1) demerits += parameters.double_hyphen_demerits;
      if (final_hyphen) demerits += parameters.final_hyphen_demerits;
      const double total = node.demerits + demerits;
      const std::size_t slot = std::size_t(hyphens_in_a_row) * 4 + std::size_t(fitness);
      if (total < best_demerits[slot]) {
        best_demerits[slot] = total;
        best_node[slot] = index;
      }
    }
    active.swap(survivors);
    for (std::size_t slot = 0; slot < classes; ++slot) {
      if (std::isinf(best_demerits[slot])) continue;
      Node node;
      node.candidate = k;
      node.line_count = pool[best_node[slot]].line_count + 1;
      node.fitness = int(slot % 4);
      node.hyphens_in_a_row = int(slot / 4);
      node.demerits = best_demerits[slot];
      node.previous = best_node[slot];
      pool.push_back(node);
      active.push_back(pool.size() - 1);
    }
    if (active.empty()) return std::nullopt;
  }

  // After the paragraph's end (a forced candidate) only nodes at it remain.
  std::size_t best = no_node;
  for (std::size_t index : active)
    if (pool[index].candidate == candidates.size() - 1 &&
        (best == no_node || pool[index].demerits < pool[best].demerits))
      best = index;
  if (best == no_node) return std::nullopt;
  std::vector<std::size_t> chosen;
  for (std::size_t index = best; pool[index].candidate != no_node; index = pool[index].previous)
    chosen.push_back(pool[index].candidate);
  return std::vector<std::size_t>(chosen.rbegin(), chosen.rend());
}

std::vector<LineSpan> break_total_fit(const std::vector<Slot>& slots, const std::vector<BreakCandidate>& candidates,
                                      const LineMetrics& metrics, const LineWidths& widths) {
  for (double tolerance : {1.0, 2.5, infinity}) {
    KnuthPlassParameters parameters;
    parameters.tolerance = tolerance;
    parameters.lone_tail = std::isinf(tolerance);
    if (auto chosen = break_knuth_plass(slots, candidates, metrics, widths, parameters))
      return spans_of(slots, candidates, *chosen);
  }
  return break_greedy(slots, candidates, metrics, widths);
}

}  // namespace ucap::layout
