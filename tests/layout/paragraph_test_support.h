// Helpers for reading composed lines back in tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "layout/paragraph.h"
#include "model/blocks.h"
#include "text/normalize.h"

namespace ucap::test {

inline model::Inlines runs(std::string text) {
  model::TextRun run;
  run.text = std::move(text);
  return {run};
}

inline model::TextRun line_break() {
  model::TextRun run;
  run.line_break = true;
  return run;
}

struct PlacedChar {
  char32_t c;
  double x;
};

inline std::vector<PlacedChar> chars_of(const layout::ComposedLine& line) {
  std::vector<PlacedChar> out;
  for (const auto& piece : line.pieces) {
    std::size_t pos = 0, i = 0;
    while (pos < piece.text.size()) out.push_back({text::decode_utf8(piece.text, pos), piece.x_positions.at(i++)});
  }
  return out;
}

inline std::u32string u32_of(const layout::ComposedLine& line) {
  std::u32string out;
  for (auto pc : chars_of(line)) out += pc.c;
  return out;
}

inline std::string text_of(const layout::ComposedLine& line) {
  std::string out;
  for (const auto& piece : line.pieces) out += piece.text;
  return out;
}

inline std::u32string to_u32(const std::string& s) {
  std::u32string out;
  for (std::size_t pos = 0; pos < s.size();) out += text::decode_utf8(s, pos);
  return out;
}

// The input, consumed line by line: each line must be the next stretch of
// the input, and only spaces may lie between two lines.
inline void check_text_preserved(const std::string& input, const layout::ComposedParagraph& paragraph) {
  const std::u32string source = to_u32(input);
  std::size_t pos = 0;
  for (const auto& line : paragraph.lines) {
    while (pos < source.size() && source[pos] == U' ') ++pos;
    const std::u32string text = u32_of(line);
    REQUIRE(source.compare(pos, text.size(), text) == 0);
    pos += text.size();
  }
  CHECK(pos == source.size());
}

}  // namespace ucap::test
