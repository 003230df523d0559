#include "font/registry_measurer.h"

#include <array>
#include <atomic>
#include <mutex>
#include <optional>

#include <hb.h>

namespace ucap::font {

namespace {

constexpr char32_t soft_hyphen = 0xAD;

// Only kerning: ligatures would merge the pair into a glyph we never draw.
const std::array<hb_feature_t, 5>& kerning_features() {
  static const std::array<hb_feature_t, 5> features = [] {
    std::array<hb_feature_t, 5> parsed{};
    const char* text[] = {"kern", "-liga", "-clig", "-calt", "-dlig"};
    for (std::size_t i = 0; i < parsed.size(); ++i) hb_feature_from_string(text[i], -1, &parsed[i]);
    return parsed;
  }();
  return features;
}

// One buffer per thread, reused for every pair it shapes.
hb_buffer_t* thread_buffer() {
  struct Owner {
    hb_buffer_t* buffer = hb_buffer_create();
    ~Owner() { hb_buffer_destroy(buffer); }
  };
  thread_local Owner owner;
  hb_buffer_reset(owner.buffer);
  return owner.buffer;
}

}  // namespace

RegistryMeasurer::RegistryMeasurer(const FontRegistry& registry)
    : registry_(registry), english_(hb_language_from_string("en", -1)),
      pair_cache_(std::make_unique<std::atomic<std::uint64_t>[]>(std::size_t(1) << pair_cache_bits)),
      plans_(std::make_unique<KerningPlan[]>(registry.face_count())) {}

RegistryMeasurer::~RegistryMeasurer() {
  for (std::size_t f = 0; f < registry_.face_count(); ++f) hb_shape_plan_destroy(plans_[f].plan);
}

hb_shape_plan_t* RegistryMeasurer::kerning_plan(FaceIndex index) const {
  KerningPlan& entry = plans_[index];
  std::call_once(entry.once, [&] {
    hb_segment_properties_t props = HB_SEGMENT_PROPERTIES_DEFAULT;
    props.direction = HB_DIRECTION_LTR;
    props.script = HB_SCRIPT_LATIN;
    props.language = english_;
    const auto& features = kerning_features();
    entry.plan = hb_shape_plan_create(registry_.face(index).hb_face(), &props, features.data(),
                                      unsigned(features.size()), nullptr);
  });
  return entry.plan;
}

double RegistryMeasurer::advance_of(const ResolvedGlyph& g, double size) const {
  if (g.ignorable) return 0;
  const auto& file = registry_.face(g.face).file();
  return file.advance(g.glyph) * size / file.metrics().units_per_em;
}

DrawnGlyph RegistryMeasurer::drawn(const FontChoice& font, const ResolvedGlyph& g) const {
  if (g.ignorable) return {g.face, g.glyph, Drawn::nothing};
  if (!g.missing) return {g.face, g.glyph, Drawn::glyph};
  const std::optional<ResolvedGlyph> blank = missing_stand_in(registry_, font, g);
  return blank ? DrawnGlyph{blank->face, blank->glyph, Drawn::missing} : DrawnGlyph{g.face, g.glyph, Drawn::missing_without_blank};
}

double RegistryMeasurer::advance(const FontChoice& font, char32_t c, double size) const {
  return advance_of(registry_.resolve(font, c), size);
}

DrawnGlyph RegistryMeasurer::glyph(const FontChoice& font, char32_t c, char32_t next) const {
  return drawn(font, is_variation_selector(next) ? registry_.resolve_sequence(font, c, next)
                                                 : registry_.resolve(font, c == soft_hyphen ? U'-' : c));
}

TextMeasurer::Measured RegistryMeasurer::measure(const FontChoice& font, char32_t c, double size) const {
  // A soft hyphen measures as itself but is drawn as a hyphen.
  if (c == soft_hyphen) return TextMeasurer::measure(font, c, size);
  const ResolvedGlyph g = registry_.resolve(font, c);
  return {drawn(font, g), advance_of(g, size)};
}

double RegistryMeasurer::kerning(const FontChoice& font, char32_t left, char32_t right, double size) const {
  ResolvedGlyph l = registry_.resolve(font, left), r = registry_.resolve(font, right);
  if (l.face != r.face || l.missing || r.missing || l.ignorable || r.ignorable) return 0;
  const auto& face = registry_.face(l.face);
  if (face.script() != Script::latin) return 0;
  // Cache entry: face (15 bits), the two glyphs, the kerning (16 bits) and
  // a bit that marks the slot as filled.
  const std::uint64_t pair = std::uint64_t(l.face & 0x7FFF) << 32 | std::uint64_t(l.glyph) << 16 | r.glyph;
  std::atomic<std::uint64_t>& slot = pair_cache_[(pair * 0x9E3779B97F4A7C15ull) >> (64 - pair_cache_bits)];
  const std::uint64_t seen = slot.load(std::memory_order_relaxed);
  std::int16_t units;
  if ((seen & 1) && (seen >> 17) == pair) {
    units = std::int16_t(std::uint16_t(seen >> 1));
  } else {
    units = face.file().has_table("GPOS") ? shape_pair(l.face, l.glyph, r.glyph, left, right)
                                          : face.file().kern_table_pair(l.glyph, r.glyph);
    slot.store(pair << 17 | std::uint64_t(std::uint16_t(units)) << 1 | 1, std::memory_order_relaxed);
  }
  return units * size / face.file().metrics().units_per_em;
}

std::int16_t RegistryMeasurer::shape_pair(FaceIndex index, GlyphId left, GlyphId right, char32_t l,
                                          char32_t r) const {
  const LoadedFace& face = registry_.face(index);
  hb_buffer_t* buffer = thread_buffer();
  hb_buffer_add(buffer, l, 0);
  hb_buffer_add(buffer, r, 1);
  hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_UNICODE);
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
  hb_buffer_set_language(buffer, english_);
  const auto& features = kerning_features();
  hb_shape_plan_execute(kerning_plan(index), face.hb_font(), buffer, features.data(), unsigned(features.size()));
  unsigned count = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);
  std::int16_t units = 0;
  if (count == 2 && info[0].codepoint == left && info[1].codepoint == right)
    units = std::int16_t(pos[0].x_advance - face.file().advance(left));
  return units;
}

}  // namespace ucap::font
