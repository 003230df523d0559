// Pass one of writing: which glyphs of which faces the document draws, the
// character each glyph stands for (for ToUnicode), and every character no
// font has. Fonts are then subset to exactly this.
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

// A character that no font could draw; it was drawn as the placeholder box.
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

// What a character no font has is shown as: a blank glyph (a space) of its
// font choice's face, inside an /ActualText span that gives the character
// to text extraction, with the box drawn over it as a path. PDF/A forbids
// showing .notdef (glyph 0). Of the spaces the face has, the widest that is
// no wider than the box (`missing` is the character as resolved): poppler
// reads a wide gap after the span as a word break, and a span wider than
// its box as covering the next space. nullopt when the face has no space.
std::optional<font::ResolvedGlyph> missing_stand_in(const font::FontRegistry& registry, const font::FontChoice& choice,
                                                    const font::ResolvedGlyph& missing);
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

// The glyph drawn for code_points[i]: the variant of an ideographic
// variation sequence when a selector follows (the selector itself draws
// nothing), else the character's own. Pass one and pass two both ask this.
inline font::ResolvedGlyph drawn_glyph(const font::FontRegistry& registry, const font::FontChoice& choice,
                                       const std::vector<char32_t>& code_points, std::size_t i) {
  if (i + 1 < code_points.size() && font::is_variation_selector(code_points[i + 1]))
    return registry.resolve_sequence(choice, code_points[i], code_points[i + 1]);
  return registry.resolve(choice, drawn_character(code_points[i]));
}

GlyphUsage collect_glyph_usage(const layout::LaidOutDocument& document, const font::FontRegistry& registry);

}  // namespace ucap::pdf
