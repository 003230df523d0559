// Layout's output carries the glyphs it measured: one per code point, from
// the registry's fallback, with the variant of a variation sequence, the
// hyphen of a broken word and a box for a character no font has. The PDF
// writer draws exactly these (tests/pdf) and resolves nothing again.
#include <doctest/doctest.h>

#include <string>

#include "../font/shared_registry.h"
#include "font/registry_measurer.h"
#include "layout/paragraph.h"
#include "layout/placed_text.h"
#include "paragraph_test_support.h"

using namespace ucap;
using font::Drawn;
using font::DrawnGlyph;
using font::testing::shared_registry;

namespace {

layout::ComposedParagraph compose(const std::string& text, model::Language language, double measure = 400) {
  static const font::RegistryMeasurer measurer(shared_registry());
  layout::ParagraphStyle style;
  style.alignment = layout::Alignment::justify;
  style.measure = measure;
  style.font_size = 10;
  style.leading = 14;
  return layout::compose_paragraph(test::runs(text), style, language, measurer);
}

DrawnGlyph registry_glyph(const font::FontChoice& choice, char32_t c) {
  const font::ResolvedGlyph g = shared_registry().resolve(choice, c);
  return {g.face, g.glyph, Drawn::glyph};
}

}  // namespace

TEST_CASE("every placed code point carries its character and the registry's glyph for the piece's face") {
  const auto paragraph = compose("Plan 2020年 𠮟る Tōkyō", model::Language::en);
  REQUIRE(paragraph.lines.size() == 1);
  std::size_t placed = 0;
  for (const layout::PlacedText& piece : paragraph.lines[0].pieces) {
    const std::vector<char32_t> characters = text::decode_utf8(piece.text);
    REQUIRE(piece.glyphs.size() == characters.size());
    REQUIRE(piece.x_positions.size() == characters.size());
    for (std::size_t i = 0; i < characters.size(); ++i) {
      CHECK(piece.glyphs[i].character == characters[i]);
      CHECK(piece.glyphs[i].drawn == registry_glyph(piece.font, characters[i]));
      ++placed;
    }
  }
  CHECK(placed == 19);  // every code point of the input, spaces included
  // 𠮟 (above U+FFFF) is drawn from IPAex by fallback, not as a box.
  for (const layout::PlacedText& piece : paragraph.lines[0].pieces)
    for (const layout::PlacedGlyph& g : piece.glyphs)
      if (g.character == U'\U00020B9F')
        CHECK(shared_registry().face(g.drawn.face).file().postscript_name() == "IPAexMincho");
}

TEST_CASE("a variation sequence places the variant on its base and nothing for the selector") {
  const auto paragraph = compose("\u8FBB\U000E0100\u753A", model::Language::ja);  // 辻󠄀町
  REQUIRE(paragraph.lines.size() == 1);
  REQUIRE(paragraph.lines[0].pieces.size() == 1);
  const layout::PlacedText& piece = paragraph.lines[0].pieces[0];
  REQUIRE(piece.glyphs.size() == 3);
  const font::ResolvedGlyph variant = shared_registry().resolve_sequence(piece.font, U'\u8FBB', 0xE0100);
  CHECK(piece.glyphs[0].drawn == DrawnGlyph{variant.face, variant.glyph, Drawn::glyph});
  CHECK(piece.glyphs[0].drawn != registry_glyph(piece.font, U'\u8FBB'));
  CHECK(piece.glyphs[1].character == 0xE0100);
  CHECK(piece.glyphs[1].drawn.drawn == Drawn::nothing);
}

TEST_CASE("a character no font has is placed as a box with a blank of the box's face") {
  const auto paragraph = compose("a\uE000b", model::Language::en);
  REQUIRE(paragraph.lines.size() == 1);
  const layout::PlacedText& piece = paragraph.lines[0].pieces.at(0);
  REQUIRE(piece.glyphs.size() == 3);
  const layout::PlacedGlyph& box = piece.glyphs[1];
  CHECK(box.character == U'\uE000');
  CHECK(box.drawn.drawn == Drawn::missing);
  CHECK(box.drawn.face == shared_registry().primary_face(piece.font));
  // One of the face's spaces (which one: font::missing_stand_in, tests/font).
  bool blank = false;
  for (char32_t space : {U' ', U'\u2002', U'\u2003', U'\u3000'})
    blank |= registry_glyph(piece.font, space) == DrawnGlyph{box.drawn.face, box.drawn.glyph, Drawn::glyph};
  CHECK(blank);
}

TEST_CASE("the hyphen of a word broken at a soft hyphen is the hyphen's glyph, kept as U+00AD") {
  const auto paragraph = compose("see super\u00ADcali\u00ADfragi\u00ADlistic here and there once more and again",
                                 model::Language::en, 60);
  bool broken = false;
  for (const auto& line : paragraph.lines) {
    const layout::PlacedText& last = line.pieces.back();
    if (last.glyphs.empty() || last.glyphs.back().character != 0xAD) continue;
    broken = true;
    CHECK(last.glyphs.back().drawn == registry_glyph(last.font, U'-'));
  }
  CHECK(broken);
}
