// The contract between layout and fonts: which face a piece of text asks
// for, and how wide its characters are. The layout measures through
// TextMeasurer and never sees a font file; the font room implements it.
#pragma once

#include <cstdint>

namespace ucap::font {

enum class Script : std::uint8_t { latin, japanese };
enum class Family : std::uint8_t { serif, sans };

// A face request. The registry resolves it to a file by the manifest in
// fonts/ (IPAexMincho/IPAexGothic for Japanese, Liberation Serif/Sans for
// Latin), falling back along the manifest's order for a missing character.
struct FontChoice {
  Script script = Script::latin;
  Family family = Family::serif;
  bool bold = false;
  bool italic = false;  // Latin only; Japanese has no italic face

  friend bool operator==(const FontChoice&, const FontChoice&) = default;
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Advance width of `c` at `size` points, in points.
  virtual double advance(const FontChoice& font, char32_t c, double size) const = 0;
  // Kerning adjustment (usually negative) between two adjacent characters
  // of one run, in points.
  virtual double kerning(const FontChoice& font, char32_t left, char32_t right, double size) const = 0;
};

}  // namespace ucap::font
