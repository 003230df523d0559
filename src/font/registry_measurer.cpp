#include "font/registry_measurer.h"

#include <mutex>

#include <hb.h>

namespace ucap::font {

RegistryMeasurer::RegistryMeasurer(const FontRegistry& registry)
    : registry_(registry), english_(hb_language_from_string("en", -1)) {}

double RegistryMeasurer::advance(const FontChoice& font, char32_t c, double size) const {
  ResolvedGlyph g = registry_.resolve(font, c);
  if (g.ignorable) return 0;
  const auto& file = registry_.face(g.face).file();
  return file.advance(g.glyph) * size / file.metrics().units_per_em;
}

double RegistryMeasurer::kerning(const FontChoice& font, char32_t left, char32_t right, double size) const {
  ResolvedGlyph l = registry_.resolve(font, left), r = registry_.resolve(font, right);
  if (l.face != r.face || l.missing || r.missing || l.ignorable || r.ignorable) return 0;
  const auto& face = registry_.face(l.face);
  if (face.script() != Script::latin) return 0;
  std::uint64_t key = std::uint64_t(l.face) << 32 | std::uint64_t(l.glyph) << 16 | r.glyph;
  {
    std::shared_lock lock(cache_mutex_);
    if (auto it = pair_cache_.find(key); it != pair_cache_.end())
      return it->second * size / face.file().metrics().units_per_em;
  }
  std::int16_t units = face.file().has_table("GPOS") ? shape_pair(face, l.glyph, r.glyph, left, right)
                                                     : face.file().kern_table_pair(l.glyph, r.glyph);
  {
    std::unique_lock lock(cache_mutex_);
    pair_cache_.emplace(key, units);
  }
  return units * size / face.file().metrics().units_per_em;
}

std::int16_t RegistryMeasurer::shape_pair(const LoadedFace& face, GlyphId left, GlyphId right, char32_t l,
                                          char32_t r) const {
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add(buffer, l, 0);
  hb_buffer_add(buffer, r, 1);
  hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_UNICODE);
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
  hb_buffer_set_language(buffer, english_);
  // Only kerning: ligatures would merge the pair into a glyph we never draw.
  static constexpr const char* feature_text[] = {"kern", "-liga", "-clig", "-calt", "-dlig"};
  hb_feature_t features[5];
  for (int i = 0; i < 5; ++i) hb_feature_from_string(feature_text[i], -1, &features[i]);
  hb_shape(face.hb_font(), buffer, features, 5);
  unsigned count = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);
  std::int16_t units = 0;
  if (count == 2 && info[0].codepoint == left && info[1].codepoint == right)
    units = std::int16_t(pos[0].x_advance - face.file().advance(left));
  hb_buffer_destroy(buffer);
  return units;
}

}  // namespace ucap::font
