#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "font/registry_measurer.h"
#include "shared_registry.h"
#include "support/scratch.h"

using namespace ucap::font;
using namespace ucap::font::testing;

TEST_CASE("registry: each choice resolves to the manifest's face") {
  const auto& reg = shared_registry();
  auto name = [&](const FontChoice& c) { return reg.face(reg.primary_face(c)).file().postscript_name(); };
  CHECK(name(latin_serif) == "LiberationSerif");
  CHECK(name({Script::latin, Family::sans, true, true}) == "LiberationSans-BoldItalic");
  CHECK(name(japanese_serif) == "IPAexMincho");
  CHECK(name(japanese_sans) == "IPAexGothic");
  // IPAex has no bold: a bold Japanese request is set in IPAexGothic; no italic either.
  CHECK(name({Script::japanese, Family::serif, true, false}) == "IPAexGothic");
  CHECK(name({Script::japanese, Family::serif, false, true}) == "IPAexMincho");
  // IPAexGothic is one file, loaded once.
  CHECK(reg.face_count() == 10);
}

TEST_CASE("registry: fallback Latin → Japanese and Japanese → Latin") {
  const auto& reg = shared_registry();
  auto kanji = reg.resolve(latin_serif, U'年');
  CHECK_FALSE(kanji.missing);
  CHECK(reg.face(kanji.face).file().postscript_name() == "IPAexMincho");
  auto sans_kanji = reg.resolve(latin_sans, U'年');
  CHECK(reg.face(sans_kanji.face).file().postscript_name() == "IPAexGothic");
  auto shikaru = reg.resolve(latin_serif, U'\U00020B9F');
  CHECK_FALSE(shikaru.missing);
  CHECK(shikaru.glyph != 0);
  // ASCII in a Japanese run stays in IPAex (it has Latin glyphs); a character
  // only Liberation has falls back to it.
  auto a = reg.resolve(japanese_serif, U'A');
  CHECK(reg.face(a.face).file().postscript_name() == "IPAexMincho");
  auto only_latin = reg.resolve(japanese_serif, U'\u20AB');  // ₫: in Liberation, not in IPAex
  CHECK_FALSE(only_latin.missing);
  CHECK(reg.face(only_latin.face).file().postscript_name() == "LiberationSerif");
}

TEST_CASE("registry: a character in no font is a reported placeholder") {
  const auto& reg = shared_registry();
  auto pua = reg.resolve(latin_serif, U'\uE000');
  CHECK(pua.missing);
  CHECK(pua.glyph == 0);
  CHECK(pua.face == reg.primary_face(latin_serif));
  CHECK(reg.resolve(latin_serif, U'\U0002FFFD').missing);
  CHECK(code_point_name(U'\uE000') == "U+E000");
  CHECK(code_point_name(U'\U0002FFFD') == "U+2FFFD");
  CHECK(reg.resolve(latin_serif, U'\u200B').ignorable);
}

TEST_CASE("measurer: the glyph layout places is the registry's, a missing one a blank of the box's face") {
  const auto& reg = shared_registry();
  const RegistryMeasurer measurer(reg);
  const ResolvedGlyph kanji = reg.resolve(latin_serif, U'年');
  CHECK(measurer.glyph(latin_serif, U'年', 0) == DrawnGlyph{kanji.face, kanji.glyph, Drawn::glyph});
  // A soft hyphen reaches a line only where a word broke: its glyph is the hyphen's.
  const ResolvedGlyph hyphen = reg.resolve(latin_serif, U'-');
  CHECK(measurer.glyph(latin_serif, 0xAD, 0) == DrawnGlyph{hyphen.face, hyphen.glyph, Drawn::glyph});
  CHECK(measurer.glyph(latin_serif, U'\u200B', 0).drawn == Drawn::nothing);
  // 辻 followed by a selector: the variant; the selector draws nothing.
  const ResolvedGlyph variant = reg.resolve_sequence(japanese_serif, U'辻', 0xE0100);
  CHECK(measurer.glyph(japanese_serif, U'辻', 0xE0100) == DrawnGlyph{variant.face, variant.glyph, Drawn::glyph});
  CHECK(measurer.glyph(japanese_serif, 0xE0100, 0).drawn == Drawn::nothing);
  // U+E000: the box of the primary face, with that face's blank to carry the character.
  const DrawnGlyph pua = measurer.glyph(latin_serif, U'\uE000', 0);
  CHECK(pua.drawn == Drawn::missing);
  CHECK(pua.missing());
  CHECK(pua.face == reg.primary_face(latin_serif));
  const ResolvedGlyph blank = *missing_stand_in(reg, latin_serif, reg.resolve(latin_serif, U'\uE000'));
  CHECK(pua.glyph == blank.glyph);
  CHECK(pua.glyph != 0);
}

TEST_CASE("registry: a missing manifest or font file is an error with a message") {
  auto none = FontRegistry::load_from_data_dir("/nonexistent");
  CHECK_FALSE(none.ok());
  CHECK(none.error().find("/nonexistent/fonts/manifest.xml") != std::string::npos);

  auto dir = ucap::test::scratch_path("font-test-manifest");
  std::filesystem::create_directories(dir / "fonts");
  std::ofstream(dir / "fonts" / "manifest.xml") << R"(<font-manifest version="1">
    <face id="gone"><file>gone.ttf</file></face>
    <choice script="latin" family="serif" bold="false" italic="false" face="gone"/>
    <choice script="japanese" family="serif" bold="false" italic="false" face="gone"/>
  </font-manifest>)";
  auto broken = FontRegistry::load_from_data_dir(dir.string());
  CHECK_FALSE(broken.ok());
  CHECK(broken.error().find("gone.ttf") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("measurer: advances match hmtx, kerning from GPOS") {
  const auto& reg = shared_registry();
  RegistryMeasurer m(reg);
  // Liberation Serif 'A' = 1479/2048 em.
  CHECK(m.advance(latin_serif, U'A', 10) == doctest::Approx(14.79 * 1000 / 2048));
  const auto& mincho = reg.face(reg.primary_face(japanese_serif)).file();
  CHECK(m.advance(japanese_serif, U'る', 10) ==
        doctest::Approx(mincho.advance(mincho.glyph_for(U'る')) * 10.0 / mincho.metrics().units_per_em));
  CHECK(m.advance(japanese_serif, U'年', 10) == doctest::Approx(10.0));  // full width
  CHECK(m.advance(latin_serif, U'\U00020B9F', 10) == doctest::Approx(10.0));
  CHECK(m.advance(latin_serif, U'\u200B', 10) == 0);
  double av = m.kerning(latin_serif, U'A', U'V', 10);
  CHECK(av < -0.5);
  CHECK(m.kerning(latin_serif, U'A', U'V', 10) == av);  // cached, same answer
  CHECK(m.kerning(latin_sans, U'A', U'V', 12) < 0);
  CHECK(m.kerning(latin_serif, U'o', U'o', 10) == 0);
  CHECK(m.kerning(latin_serif, U'A', U'年', 10) == 0);  // different faces
  CHECK(m.kerning(japanese_serif, U'ほ', U'っ', 10) == 0);
  CHECK(m.kerning(latin_serif, U'f', U'i', 10) == doctest::Approx(0.0));  // no ligature swallowed the pair
}

TEST_CASE("registry: ideographic variation sequences resolve through the format-14 cmap") {
  const FontRegistry& registry = shared_registry();
  const ResolvedGlyph tsuji = registry.resolve(japanese_serif, U'辻');
  const ResolvedGlyph one_dot = registry.resolve_sequence(japanese_serif, U'辻', 0xE0100);
  const ResolvedGlyph two_dots = registry.resolve_sequence(japanese_serif, U'辻', 0xE0101);
  CHECK(one_dot.face == tsuji.face);
  CHECK(one_dot.glyph != two_dots.glyph);
  CHECK(two_dots.glyph == tsuji.glyph);  // IPAex's default form
  CHECK(registry.resolve_sequence(japanese_serif, U'葛', 0xE0100).glyph != registry.resolve(japanese_serif, U'葛').glyph);
  // A sequence the font lacks: the base glyph, not a placeholder.
  const ResolvedGlyph unknown = registry.resolve_sequence(japanese_serif, U'辻', 0xE01EF);
  CHECK(unknown.glyph == tsuji.glyph);
  CHECK_FALSE(unknown.missing);
  CHECK(is_variation_selector(0xFE0F));
  CHECK(is_variation_selector(0xE0100));
  CHECK_FALSE(is_variation_selector(U'辻'));
  CHECK(registry.resolve(japanese_serif, 0xE0100).ignorable);  // the selector alone draws nothing
}
