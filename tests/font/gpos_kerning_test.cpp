#include <doctest/doctest.h>

#include <string>

#include <hb.h>

#include "font/gpos_kerning.h"
#include "shared_registry.h"

using namespace ucap::font;
using namespace ucap::font::testing;

namespace {

// What HarfBuzz makes of the pair shaped alone, as the measurer shaped it:
// the first glyph's advance change, kerning on and ligatures off.
int shaped_kerning(const LoadedFace& face, char32_t left, char32_t right) {
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add(buffer, left, 0);
  hb_buffer_add(buffer, right, 1);
  hb_buffer_set_content_type(buffer, HB_BUFFER_CONTENT_TYPE_UNICODE);
  hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
  hb_buffer_set_language(buffer, hb_language_from_string("en", -1));
  hb_feature_t features[5];
  const char* text[] = {"kern", "-liga", "-clig", "-calt", "-dlig"};
  for (int i = 0; i < 5; ++i) hb_feature_from_string(text[i], -1, &features[i]);
  hb_shape(face.hb_font(), buffer, features, 5);
  unsigned count = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);
  GlyphId l = face.file().glyph_for(left), r = face.file().glyph_for(right);
  int units = 0;
  if (count == 2 && info[0].codepoint == l && info[1].codepoint == r) units = pos[0].x_advance - face.file().advance(l);
  hb_buffer_destroy(buffer);
  return units;
}

}  // namespace

TEST_CASE("GPOS kerning: every Latin face gives HarfBuzz's value for every pair of Latin-1 letters and signs") {
  const auto& registry = shared_registry();
  std::u32string characters;
  for (char32_t c = 0x20; c < 0x7F; ++c) characters += c;
  for (char32_t c = 0xC0; c <= 0xFF; ++c) characters += c;
  characters += U"–—‘’“”…";
  int faces = 0;
  for (std::size_t f = 0; f < registry.face_count(); ++f) {
    const LoadedFace& face = registry.face(FaceIndex(f));
    if (face.script() != Script::latin || !face.file().has_table("GPOS")) continue;
    ++faces;
    auto kerning = GposKerning::load(face.file().table("GPOS"));
    REQUIRE_MESSAGE(kerning.has_value(), face.id());
    int kerned = 0, mismatches = 0;
    for (char32_t left : characters)
      for (char32_t right : characters) {
        GlyphId l = face.file().glyph_for(left), r = face.file().glyph_for(right);
        if (!l || !r) continue;
        int expected = shaped_kerning(face, left, right);
        int read = kerning->pair(l, r);
        if (expected != 0) ++kerned;
        if (read != expected && ++mismatches <= 3)
          FAIL_CHECK(face.id() << ": U+" << std::hex << unsigned(left) << " U+" << unsigned(right) << std::dec
                               << " read " << read << ", HarfBuzz " << expected);
      }
    CHECK_MESSAGE(mismatches == 0, face.id());
    CHECK_MESSAGE(kerned > 50, face.id());  // the fonts do kern: A V, T o, …
  }
  CHECK(faces >= 4);
}

TEST_CASE("GPOS kerning: a table it cannot read is refused, not guessed") {
  const std::uint8_t truncated[] = {0, 1, 0, 0, 0, 10};
  CHECK_FALSE(GposKerning::load(truncated).has_value());
  const std::uint8_t version_two[] = {0, 2, 0, 0, 0, 10, 0, 12, 0, 14, 0, 0, 0, 0, 0, 0};
  CHECK_FALSE(GposKerning::load(version_two).has_value());
}
