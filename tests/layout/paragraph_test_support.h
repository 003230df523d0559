// Helpers for reading composed lines back in tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

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

}  // namespace ucap::test
