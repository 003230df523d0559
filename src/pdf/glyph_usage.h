// Pass one of writing: which glyphs of which faces the document draws, the
// character each glyph stands for (for ToUnicode), and every character no
// font has, as layout placed them (PlacedText::glyphs): nothing is resolved
// again. Fonts are then subset to exactly this.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
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

struct GlyphUsage {
  // face → old glyph id → the characters it was first drawn for.
  std::map<font::FaceIndex, std::map<font::GlyphId, std::u32string>> faces;
  std::vector<MissingGlyphFinding> missing;
};

// The character whose glyph is drawn for `c`. A soft hyphen reaches the
// writer only where the layout broke a word at it: it is drawn as a
// hyphen, and kept out of the text layer (page_content.h).
inline char32_t drawn_character(char32_t c) { return c == 0xAD ? U'-' : c; }

GlyphUsage collect_glyph_usage(const layout::LaidOutDocument& document, const font::FontRegistry& registry);

}  // namespace ucap::pdf
