#include <doctest/doctest.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "font/truetype_face.h"

using namespace ucap::font;

namespace {
const char* ipaex_mincho = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf";
const char* liberation_serif = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
}  // namespace

TEST_CASE("TrueType reader: cmap format 4 and 12 lookups") {
  auto face = TrueTypeFace::load(ipaex_mincho);
  REQUIRE_MESSAGE(face.ok(), face.error());
  const TrueTypeFace& f = *face.value();
  CHECK(f.glyph_for(U'A') != 0);
  CHECK(f.glyph_for(U'る') != 0);      // kana
  CHECK(f.glyph_for(U'年') != 0);      // kanji
  CHECK(f.glyph_for(U'\U00020B9F') != 0);  // 𠮟, beyond the BMP (format 12)
  CHECK(f.glyph_for(U'\U00029E3D') != 0);  // 𩸽
  CHECK(f.glyph_for(U'\uE000') == 0);  // private use: absent
  CHECK(f.metrics().units_per_em == 2048);
  CHECK(f.postscript_name() == "IPAexMincho");
}

TEST_CASE("TrueType reader: metrics from head, hhea/hmtx, OS/2 and post") {
  auto face = TrueTypeFace::load(liberation_serif);
  REQUIRE_MESSAGE(face.ok(), face.error());
  const TrueTypeFace& f = *face.value();
  const auto& m = f.metrics();
  CHECK(m.units_per_em == 2048);
  CHECK(m.ascender > 0);
  CHECK(m.descender < 0);
  CHECK(m.cap_height > 1000);
  CHECK(m.cap_height < m.ascender);
  CHECK(m.x_min < 0);
  CHECK(m.italic_angle == 0);
  CHECK_FALSE(m.fixed_pitch);
  // Liberation Serif is metric-compatible with Times New Roman: space 512, 'A' 1479 units.
  CHECK(f.advance(f.glyph_for(U' ')) == 512);
  CHECK(f.advance(f.glyph_for(U'A')) == 1479);

  auto italic = TrueTypeFace::load("/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf");
  REQUIRE(italic.ok());
  CHECK(italic.value()->metrics().italic_angle < 0);
  auto mono = TrueTypeFace::load("/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf");
  REQUIRE(mono.ok());
  CHECK(mono.value()->metrics().fixed_pitch);
}

TEST_CASE("TrueType reader: a missing or non-font file is an error with a message, not a crash") {
  auto missing = TrueTypeFace::load("/nonexistent/font.ttf");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error().find("/nonexistent/font.ttf") != std::string::npos);
  auto not_a_font = TrueTypeFace::load(UCAP_SOURCE_DIR "/CMakeLists.txt");
  CHECK_FALSE(not_a_font.ok());
  CHECK(not_a_font.error().find("TrueType") != std::string::npos);
}

TEST_CASE("TrueType reader: the cmap decoded on first use gives every thread the same glyphs") {
  auto face = TrueTypeFace::load(ipaex_mincho);
  REQUIRE_MESSAGE(face.ok(), face.error());
  const TrueTypeFace& fresh = *face.value();  // no lookup yet: the first ones race to decode
  const std::u32string text = U"都市間協力アクションプラン 2050 𠮟る𩸽";
  std::vector<std::vector<GlyphId>> seen(4);
  std::vector<std::thread> threads;
  for (auto& glyphs : seen)
    threads.emplace_back([&] {
      for (char32_t c : text) glyphs.push_back(fresh.glyph_for(c));
    });
  for (auto& t : threads) t.join();
  auto reference = TrueTypeFace::load(ipaex_mincho);
  REQUIRE(reference.ok());
  std::vector<GlyphId> expected;
  for (char32_t c : text) expected.push_back(reference.value()->glyph_for(c));
  CHECK(std::count(expected.begin(), expected.end(), GlyphId(0)) == 0);
  for (const auto& glyphs : seen) CHECK(glyphs == expected);
}

TEST_CASE("TrueType reader: every code point maps as HarfBuzz reads the cmap, from any thread") {
  for (const char* path : {ipaex_mincho, liberation_serif}) {
    auto face = TrueTypeFace::load(path);
    REQUIRE_MESSAGE(face.ok(), face.error());
    const TrueTypeFace& f = *face.value();
    hb_font_t* reference = hb_font_create(f.hb_face());
    // Blocks are decoded on first use: two threads start on the same ones.
    std::vector<char32_t> mismatches;
    std::mutex mutex;
    auto compare = [&](char32_t from, char32_t to) {
      for (char32_t c = from; c < to; ++c) {
        hb_codepoint_t expected = 0;
        if (!hb_font_get_nominal_glyph(reference, c, &expected) || expected >= f.glyph_count()) expected = 0;
        if (f.glyph_for(c) != expected) {
          std::lock_guard lock(mutex);
          mismatches.push_back(c);
        }
      }
    };
    std::thread other(compare, 0, 0x30000);
    compare(0, 0x30000);
    other.join();
    hb_font_destroy(reference);
    CHECK_MESSAGE(mismatches.empty(), path, ": first mismatch U+", std::hex, unsigned(mismatches.empty() ? 0 : mismatches[0]));
  }
}
