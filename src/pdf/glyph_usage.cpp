#include "pdf/glyph_usage.h"

#include "font/utf8_decode.h"

namespace ucap::pdf {

GlyphUsage collect_glyph_usage(const layout::LaidOutDocument& document, const font::FontRegistry& registry) {
  GlyphUsage usage;
  for (std::size_t p = 0; p < document.pages.size(); ++p) {
    const auto& texts = document.pages[p].texts;
    for (std::size_t t = 0; t < texts.size(); ++t) {
      auto code_points = font::decode_utf8(texts[t].text);
      for (std::size_t i = 0; i < code_points.size(); ++i) {
        char32_t c = code_points[i];
        font::ResolvedGlyph g = registry.resolve(texts[t].font, c);
        if (g.ignorable) continue;
        auto& glyphs = usage.faces[g.face];
        if (g.missing) {
          usage.missing.push_back({p, t, i, c,
                                   "missing code point " + font::code_point_name(c) +
                                       " (no font has it; drawn as a box)"});
          // The placeholder extracts as U+FFFD: the character is not there.
          glyphs.try_emplace(0, 1, U'\uFFFD');
          continue;
        }
        glyphs.try_emplace(g.glyph, 1, c);  // no node allocated for a glyph seen before
      }
    }
  }
  return usage;
}

}  // namespace ucap::pdf
