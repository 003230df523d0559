// Pass one of writing: which glyphs of which faces the document draws, the
// character each glyph stands for (for ToUnicode), and every character no
// font has, as layout placed them (PlacedText::glyphs): nothing is resolved
// again. Fonts are then subset to exactly this.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "font/font_registry.h"
#include "layout/page_boxes.h"

namespace ucap::pdf {

// A character that no font could draw; it was drawn as the placeholder box
// (font::Drawn::missing).
struct MissingGlyphFinding {
  std::size_t page = 0;        // 0-based
  std::size_t text_index = 0;  // index into Page::texts
  std::size_t code_point_index = 0;
  char32_t code_point = 0;
  std::string message;         // "missing code point U+E000 (no font has it)"
};

// A glyph drawn under a CID of its own whose ToUnicode entry gives `text`:
// MuPDF and pdf.js ignore /ActualText and read only ToUnicode. The hyphen
// added where a word is broken reads U+00AD (pdf.js drops it, MuPDF keeps
// an invisible soft hyphen: neither reads a hyphen inside the word), and a
// missing character's blank stand-in reads as that character.
struct GlyphAlias {
  font::GlyphId glyph = 0;  // old glyph id
  std::u32string text;
  auto operator<=>(const GlyphAlias&) const = default;
};

struct GlyphUsage {
  // face → old glyph id → the characters it was first drawn for.
  std::map<font::FaceIndex, std::map<font::GlyphId, std::u32string>> faces;
  std::map<font::FaceIndex, std::set<GlyphAlias>> aliases;
  std::vector<MissingGlyphFinding> missing;
};

// The character whose glyph is drawn for `c`. A soft hyphen reaches the
// writer only where the layout broke a word at it: it is drawn as a
// hyphen, and kept out of the text layer (page_content.h).
inline char32_t drawn_character(char32_t c) { return c == 0xAD ? U'-' : c; }
// The alias a glyph is drawn under for code point `c` (the glyph `g`
// resolved for it, the stand-in's when `g` is missing), if any.
inline std::optional<GlyphAlias> glyph_alias(char32_t c, font::GlyphId drawn, bool missing) {
  if (c == 0xAD || missing) return GlyphAlias{drawn, std::u32string(1, c)};
  return std::nullopt;
}

GlyphUsage collect_glyph_usage(const layout::LaidOutDocument& document, const font::FontRegistry& registry);

}  // namespace ucap::pdf
