// Documents for the writer tests, laid out the way the layout room does it:
// x positions from RegistryMeasurer advances plus kerning.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "font/registry_measurer.h"
#include "text/normalize.h"
#include "layout/page_boxes.h"
#include "layout/placed_text.h"

namespace ucap::pdf::testing {

inline layout::PlacedText place_text(const font::TextMeasurer& measurer, font::FontChoice choice, double size,
                                     double x, double baseline, const std::string& text) {
  layout::PlacedText placed{choice, size, baseline, {}, {}, {}};
  auto code_points = ucap::text::decode_utf8(text);
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    layout::place_character(placed, code_points[i], x, measurer);
    x += measurer.advance(choice, code_points[i], size);
    if (i + 1 < code_points.size()) x += measurer.kerning(choice, code_points[i], code_points[i + 1], size);
  }
  return placed;
}

inline const std::string mixed_sample = "𠮟る𩸽ほっけ 2020年 Hello, World AV";

// Runs a shell command; returns its exit status, stdout and stderr.
struct CommandResult {
  int status = -1;
  std::string out, err;
};

inline std::string read_whole_file(const std::string& path) {
  std::string data;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    std::array<char, 65536> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) data.append(buf.data(), n);
    std::fclose(f);
  }
  return data;
}

inline CommandResult run_command(const std::string& command, const std::string& scratch) {
  std::string out = scratch + ".out", err = scratch + ".err";
  CommandResult r;
  r.status = std::system((command + " >" + out + " 2>" + err).c_str());
  r.out = read_whole_file(out);
  r.err = read_whole_file(err);
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

}  // namespace ucap::pdf::testing
