#include "pdf/glyph_usage.h"

#include <cmath>

#include "font/utf8_decode.h"

namespace ucap::pdf {

std::optional<font::ResolvedGlyph> missing_stand_in(const font::FontRegistry& registry, const font::FontChoice& choice,
                                                    const font::ResolvedGlyph& missing) {
  const font::TrueTypeFace& face = registry.face(missing.face).file();
  const double box = face.advance(missing.glyph);
  std::optional<font::ResolvedGlyph> best;  // the widest that fits, else the narrowest
  const auto better = [&](double width, double best_width) {
    return width <= box ? best_width > box || width > best_width : width < best_width;
  };
  // U+0020 SPACE, U+2002 EN SPACE, U+2003 EM SPACE, U+3000 IDEOGRAPHIC SPACE
  for (char32_t space : {U' ', U'\u2002', U'\u2003', U'\u3000'}) {
    font::ResolvedGlyph g = registry.resolve(choice, space);
    if (g.missing || g.ignorable || g.face != missing.face) continue;
    if (!best || better(face.advance(g.glyph), face.advance(best->glyph))) best = g;
  }
  return best;
}

GlyphUsage collect_glyph_usage(const layout::LaidOutDocument& document, const font::FontRegistry& registry) {
  GlyphUsage usage;
  // Glyphs already recorded, per face: most characters repeat, and a look
  // in the face's map for each was most of this pass.
  std::vector<std::vector<bool>> seen(registry.face_count());
  for (std::size_t p = 0; p < document.pages.size(); ++p) {
    const auto& texts = document.pages[p].texts;
    for (std::size_t t = 0; t < texts.size(); ++t) {
      auto code_points = font::decode_utf8(texts[t].text);
      for (std::size_t i = 0; i < code_points.size(); ++i) {
        char32_t c = drawn_character(code_points[i]);
        font::ResolvedGlyph g = drawn_glyph(registry, texts[t].font, code_points, i);
        if (g.ignorable) continue;
        if (g.missing) {
          usage.missing.push_back({p, t, i, c,
                                   "missing code point " + font::code_point_name(c) +
                                       " (no font has it; drawn as a box)"});
          if (auto stand_in = missing_stand_in(registry, texts[t].font, g)) {
            usage.faces[stand_in->face].try_emplace(stand_in->glyph, 1, U' ');
            usage.aliases[stand_in->face].insert(*glyph_alias(c, stand_in->glyph, true));
          }
          continue;
        }
        if (auto alias = glyph_alias(code_points[i], g.glyph, false)) usage.aliases[g.face].insert(*alias);
        std::vector<bool>& seen_in_face = seen[g.face];
        if (seen_in_face.empty()) seen_in_face.resize(registry.face(g.face).file().glyph_count() + std::size_t(1));
        if (g.glyph < seen_in_face.size()) {
          if (seen_in_face[g.glyph]) continue;
          seen_in_face[g.glyph] = true;
        }
        // The first character drawn with it; a variant glyph stands for its
        // base and selector.
        std::u32string text(1, c);
        if (i + 1 < code_points.size() && font::is_variation_selector(code_points[i + 1])) text += code_points[i + 1];
        usage.faces[g.face].try_emplace(g.glyph, std::move(text));
      }
    }
  }
  return usage;
}

}  // namespace ucap::pdf
