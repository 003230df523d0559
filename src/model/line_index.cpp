#include "model/line_index.h"

#include <algorithm>

namespace ucap::model {

namespace {

bool starts_code_point(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

// A line ends at LF, at CR LF (counted at the LF) and at a CR alone, as
// old Mac files end their lines.
bool LineIndex::ends_line(std::size_t i) const {
  return text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / stride + 1);
  Checkpoint running{0, 0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % stride == 0) checkpoints_.push_back(running);
    running.newlines += ends_line(i);
    running.code_points += starts_code_point(text[i]);
  }
  if (text.size() % stride == 0) checkpoints_.push_back(running);
}

LineIndex::Checkpoint LineIndex::count_before(std::size_t offset) const {
  Checkpoint count = checkpoints_[offset / stride];
  for (std::size_t i = offset / stride * stride; i < offset; ++i) {
    count.newlines += ends_line(i);
    count.code_points += starts_code_point(text_[i]);
  }
  return count;
}

// Offset of the first byte of the line that holds `offset`.
std::size_t LineIndex::line_start(std::size_t offset) const {
  std::size_t block = offset / stride;
  for (std::size_t i = offset; i > block * stride; --i)
    if (ends_line(i - 1)) return i;
  // The line began before this block: in the block just before the first
  // checkpoint that has as many newlines before it as this one has.
  auto first = std::lower_bound(checkpoints_.begin(), checkpoints_.begin() + static_cast<std::ptrdiff_t>(block),
                                checkpoints_[block].newlines,
                                [](const Checkpoint& c, std::uint32_t n) { return c.newlines < n; });
  std::size_t first_block = static_cast<std::size_t>(first - checkpoints_.begin());
  if (first_block == 0) return 0;
  for (std::size_t i = first_block * stride; i > (first_block - 1) * stride; --i)
    if (ends_line(i - 1)) return i;
  return 0;  // unreachable: the newline counts differ across that block
}

SourcePosition LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  Checkpoint here = count_before(offset);
  Checkpoint start = count_before(line_start(offset));
  return {here.newlines + 1, here.code_points - start.code_points + 1};
}

}  // namespace ucap::model
