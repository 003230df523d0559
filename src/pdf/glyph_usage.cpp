#include "pdf/glyph_usage.h"

#include "text/script.h"

namespace ucap::pdf {

GlyphUsage collect_glyph_usage(const layout::LaidOutDocument& document, const font::FontRegistry& registry) {
  GlyphUsage usage;
  // Glyphs already recorded, per face: most characters repeat, and a look
  // in the face's map for each was most of this pass.
  std::vector<std::vector<bool>> seen(registry.face_count());
  for (std::size_t p = 0; p < document.pages.size(); ++p) {
    const auto& texts = document.pages[p].texts;
    for (std::size_t t = 0; t < texts.size(); ++t) {
      const std::vector<layout::PlacedGlyph>& glyphs = texts[t].glyphs;
      for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const char32_t c = drawn_character(glyphs[i].character);
        const font::DrawnGlyph& g = glyphs[i].drawn;
        if (g.drawn == font::Drawn::nothing) continue;
        if (g.missing()) {
          usage.missing.push_back({p, t, i, c,
                                   "missing code point " + font::code_point_name(c) +
                                       " (no font has it; drawn as a box)"});
          if (g.drawn == font::Drawn::missing) {
            usage.faces[g.face].try_emplace(g.glyph, 1, U' ');
            usage.aliases[g.face].insert(*glyph_alias(c, g.glyph, true));
          }
          continue;
        }
        if (auto alias = glyph_alias(glyphs[i].character, g.glyph, false)) usage.aliases[g.face].insert(*alias);
        std::vector<bool>& seen_in_face = seen[g.face];
        if (seen_in_face.empty()) seen_in_face.resize(registry.face(g.face).file().glyph_count() + std::size_t(1));
        if (g.glyph < seen_in_face.size()) {
          if (seen_in_face[g.glyph]) continue;
          seen_in_face[g.glyph] = true;
        }
        // The first character drawn with it; a variant glyph stands for its
        // base and selector.
        std::u32string text(1, c);
        if (i + 1 < glyphs.size() && text::is_variation_selector(glyphs[i + 1].character))
          text += glyphs[i + 1].character;
        usage.faces[g.face].try_emplace(g.glyph, std::move(text));
      }
    }
  }
  return usage;
}

}  // namespace ucap::pdf
