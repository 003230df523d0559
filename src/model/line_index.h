// Byte offsets of a text to 1-based line and code-point column: how every
// finding about a file (a document, the font manifest) names its place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/source_position.h"

namespace ucap::model {

// Maps byte offsets to 1-based line and code-point column, in time that does
// not grow with the length of the line: a minified file is one long line,
// and every element's position is asked for.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  SourcePosition position(std::size_t offset) const;

 private:
  // Counts kept at every `stride`-th byte, so that a query scans at most
  // one stride of bytes, twice, plus a binary search.
  static constexpr std::size_t stride = 64;
  struct Checkpoint {
    std::uint32_t newlines;     // line ends (LF, CR LF, lone CR) before this checkpoint
    std::uint32_t code_points;  // code points that start before it
  };
  bool ends_line(std::size_t i) const;
  Checkpoint count_before(std::size_t offset) const;
  std::size_t line_start(std::size_t offset) const;

  std::string_view text_;
  std::vector<Checkpoint> checkpoints_;  // checkpoints_[k] is at byte k * stride
};

}  // namespace ucap::model
