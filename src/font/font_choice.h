// The contract between layout and fonts: which face a piece of text asks
// for, how wide its characters are, and which glyph of which face draws
// each. The layout measures through TextMeasurer and never sees a font
// file; the font room implements it. The glyphs layout places are the ones
// the PDF writer draws: nothing downstream resolves a character again.
#pragma once

#include <cstdint>

#include "text/script.h"

namespace ucap::font {

using Script = text::Script;
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

using FaceIndex = std::uint16_t;  // into the registry's faces
using GlyphId = std::uint16_t;    // of that face's font file

// What is drawn for one character.
enum class Drawn : std::uint8_t {
  glyph,    // the glyph
  nothing,  // a default-ignorable character (or a variation selector): no width, no mark
  // No face has the character: a box over the .notdef advance of `face`,
  // and `glyph` is a blank of that face to carry the character into the
  // text layer (PDF/A forbids showing glyph 0).
  missing,
  missing_without_blank,  // the same, but `face` has no blank: the box alone
};

struct DrawnGlyph {
  FaceIndex face = 0;
  GlyphId glyph = 0;
  Drawn drawn = Drawn::glyph;
  bool missing() const { return drawn == Drawn::missing || drawn == Drawn::missing_without_blank; }
  friend bool operator==(const DrawnGlyph&, const DrawnGlyph&) = default;
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // Advance width of `c` at `size` points, in points.
  virtual double advance(const FontChoice& font, char32_t c, double size) const = 0;
  // Kerning adjustment (usually negative) between two adjacent characters
  // of one run, in points.
  virtual double kerning(const FontChoice& font, char32_t left, char32_t right, double size) const = 0;
  // The glyph drawn for `c` when `next` follows it in the same run: the
  // variant of an ideographic variation sequence when `next` is a
  // selector, a hyphen for a soft hyphen (drawn only where a word broke).
  virtual DrawnGlyph glyph(const FontChoice& font, char32_t c, char32_t next) const = 0;
  // advance() and glyph(font, c, 0) at once: what layout keeps of each
  // character it sets. A measurer may answer both from one lookup.
  struct Measured {
    DrawnGlyph glyph;
    double advance = 0;
  };
  virtual Measured measure(const FontChoice& font, char32_t c, double size) const {
    return {glyph(font, c, 0), advance(font, c, size)};
  }
};

}  // namespace ucap::font
