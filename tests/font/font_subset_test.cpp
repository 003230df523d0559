#include <doctest/doctest.h>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <hb.h>

#include "font/font_subset.h"
#include "font/truetype_face.h"
#include "shared_registry.h"
#include "support/scratch.h"

using namespace ucap::font;
using namespace ucap::font::testing;

namespace {

// The subset written out and parsed again by our own reader.
std::unique_ptr<TrueTypeFace> reread(const FontSubset& subset, const char* name) {
  auto path = ucap::test::scratch_path(name);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  std::fwrite(subset.bytes.data(), 1, subset.bytes.size(), f);
  std::fclose(f);
  auto face = TrueTypeFace::load(path.string());
  std::filesystem::remove(path);
  REQUIRE_MESSAGE(face.ok(), face.error());
  return std::move(face.value());
}

std::uint16_t u16(std::span<const std::uint8_t> d, std::size_t at) { return std::uint16_t(d[at] << 8 | d[at + 1]); }

// One glyph's glyf record, through loca (short or long, as head says).
std::span<const std::uint8_t> glyph_record(const TrueTypeFace& face, GlyphId g) {
  auto loca = face.table("loca");
  bool long_offsets = u16(face.table("head"), 50) != 0;
  auto offset = [&](std::size_t i) -> std::size_t {
    return long_offsets ? (std::size_t(u16(loca, 4 * i)) << 16 | u16(loca, 4 * i + 2)) : 2 * std::size_t(u16(loca, 2 * i));
  };
  return face.table("glyf").subspan(offset(g), offset(g + 1) - offset(g));
}

// The table tags of the subset, as HarfBuzz reads its directory.
std::vector<std::string> table_tags(const FontSubset& subset) {
  hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(subset.bytes.data()), unsigned(subset.bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  hb_tag_t tags[64];
  unsigned count = 64;
  hb_face_get_table_tags(face, 0, &count, tags);
  hb_face_destroy(face);
  std::vector<std::string> names;
  for (unsigned i = 0; i < count; ++i) {
    char name[4];
    hb_tag_to_string(tags[i], name);
    names.emplace_back(name, 4);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("subset: only the used glyphs, ids remapped, metrics kept") {
  const auto& reg = shared_registry();
  const LoadedFace& mincho = reg.face(reg.primary_face(japanese_serif));
  std::vector<GlyphId> used;
  for (char32_t c : {U'𠮟', U'る', U'𩸽', U'ほ', U'っ', U'け', U'年'}) used.push_back(mincho.file().glyph_for(c));
  auto subset = subset_face(mincho, used);
  REQUIRE_MESSAGE(subset.ok(), subset.error());
  CHECK(subset->bytes.size() < 30000);
  CHECK(subset->old_to_new.size() == used.size() + 1);  // + .notdef
  CHECK(subset->map(0) == 0);

  // The subset parses, and each glyph keeps its advance under its new id.
  auto face = reread(*subset, "ucap-subset-test.ttf");
  CHECK(face->glyph_count() <= used.size() + 1);
  for (GlyphId g : used) CHECK(face->advance(subset->map(g)) == mincho.file().advance(g));
}

TEST_CASE("subset: retaining glyph ids keeps old ids") {
  const auto& reg = shared_registry();
  const LoadedFace& serif = reg.face(reg.primary_face(latin_serif));
  std::vector<GlyphId> used{serif.file().glyph_for(U'H'), serif.file().glyph_for(U'i')};
  auto subset = subset_face(serif, used, {.retain_glyph_ids = true});
  REQUIRE(subset.ok());
  for (GlyphId g : used) CHECK(subset->map(g) == g);
}

TEST_CASE("subset: a composite glyph brings the glyphs it is built from, under their new ids") {
  const auto& reg = shared_registry();
  const TrueTypeFace& serif = reg.face(reg.primary_face(latin_serif)).file();
  GlyphId e_acute = serif.glyph_for(U'\u00E9');
  REQUIRE(std::int16_t(u16(glyph_record(serif, e_acute), 0)) < 0);  // Liberation builds é from parts
  auto subset = subset_face(reg.face(reg.primary_face(latin_serif)), std::vector<GlyphId>{e_acute},
                            {.keep_hinting = false});
  REQUIRE(subset.ok());
  auto face = reread(*subset, "ucap-subset-composite.ttf");
  auto record = glyph_record(*face, subset->map(e_acute));
  REQUIRE(record.size() > 10);
  CHECK(std::int16_t(u16(record, 0)) < 0);
  std::size_t components = 0;
  for (std::size_t at = 10;;) {
    std::uint16_t flags = u16(record, at);
    GlyphId part = u16(record, at + 2);
    CHECK(part < face->glyph_count());
    CHECK(glyph_record(*face, part).size() > 10);  // the part's outline is there
    CHECK((flags & 0x0100) == 0);                    // no instructions without hinting
    ++components;
    at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) break;
  }
  CHECK(components >= 2);
}

TEST_CASE("subset: outlines are the face's own, with the instructions dropped unless hinting is kept") {
  const auto& reg = shared_registry();
  const LoadedFace& serif = reg.face(reg.primary_face(latin_serif));
  GlyphId h = serif.file().glyph_for(U'H');
  auto original = glyph_record(serif.file(), h);
  std::int16_t contours = std::int16_t(u16(original, 0));
  REQUIRE(contours > 0);
  const std::size_t instructions_at = 10 + 2 * std::size_t(contours);
  const std::size_t instruction_length = u16(original, instructions_at);
  REQUIRE(instruction_length > 0);  // Liberation is hinted

  auto unhinted = subset_face(serif, std::vector<GlyphId>{h}, {.keep_hinting = false});
  REQUIRE(unhinted.ok());
  auto face = reread(*unhinted, "ucap-subset-unhinted.ttf");
  auto record = glyph_record(*face, unhinted->map(h));
  CHECK(u16(record, instructions_at) == 0);
  // Header, end points and the outline after the instructions are unchanged
  // (the record may carry one byte of padding).
  CHECK(std::equal(original.begin(), original.begin() + std::ptrdiff_t(instructions_at), record.begin()));
  auto outline = original.subspan(instructions_at + 2 + instruction_length);
  REQUIRE(record.size() >= instructions_at + 2 + outline.size());
  CHECK(std::equal(outline.begin(), outline.end(), record.begin() + std::ptrdiff_t(instructions_at + 2)));
  CHECK_FALSE(face->has_table("fpgm"));
  CHECK(u16(face->table("maxp"), 14) == 1);  // maxZones: no twilight zone
  CHECK(u16(face->table("maxp"), 26) == 0);  // maxSizeOfInstructions

  auto hinted = subset_face(serif, std::vector<GlyphId>{h}, {.keep_hinting = true});
  REQUIRE(hinted.ok());
  auto hinted_face = reread(*hinted, "ucap-subset-hinted.ttf");
  auto hinted_record = glyph_record(*hinted_face, hinted->map(h));
  CHECK(std::equal(original.begin(), original.end(), hinted_record.begin()));
  CHECK(hinted_face->has_table("fpgm"));
  CHECK(hinted_face->has_table("prep"));
}

TEST_CASE("subset: the file's checksums hold (head.checkSumAdjustment)") {
  const auto& reg = shared_registry();
  const LoadedFace& mincho = reg.face(reg.primary_face(japanese_serif));
  std::vector<GlyphId> used;
  for (char32_t c : std::u32string(U"都市間協力アクションプラン")) used.push_back(mincho.file().glyph_for(c));
  auto subset = subset_face(mincho, used);
  REQUIRE(subset.ok());
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < subset->bytes.size(); i += 4)
    sum += std::uint32_t(subset->bytes[i]) << 24 | std::uint32_t(subset->bytes[i + 1]) << 16 |
           std::uint32_t(subset->bytes[i + 2]) << 8 | subset->bytes[i + 3];
  CHECK(subset->bytes.size() % 4 == 0);
  CHECK(sum == 0xB1B0AFBA);
  // Each glyph's advance in the subset is the face's.
  auto face = reread(*subset, "ucap-subset-mincho.ttf");
  for (GlyphId g : used) CHECK(face->advance(subset->map(g)) == mincho.file().advance(g));
}

TEST_CASE("subset: only the tables a PDF CIDFontType2 reads, hinting programs only with hinting") {
  const auto& reg = shared_registry();
  for (const FontChoice& choice : {latin_serif, japanese_serif}) {
    const LoadedFace& face = reg.face(reg.primary_face(choice));
    std::vector<GlyphId> used{face.file().glyph_for(U'A')};
    auto unhinted = subset_face(face, used, {.keep_hinting = false});
    REQUIRE(unhinted.ok());
    CHECK(table_tags(*unhinted) == std::vector<std::string>{"OS/2", "glyf", "head", "hhea", "hmtx", "loca", "maxp"});
    auto hinted = subset_face(face, used, {.keep_hinting = true});
    REQUIRE(hinted.ok());
    auto tags = table_tags(*hinted);
    for (const char* tag : {"cmap", "GSUB", "GPOS", "GDEF", "name", "post", "kern", "DSIG"})
      CHECK(std::count(tags.begin(), tags.end(), tag) == 0);
    for (const char* tag : {"glyf", "fpgm", "prep"}) CHECK(std::count(tags.begin(), tags.end(), tag) == 1);
  }
}

TEST_CASE("subset: the same bytes before and after the face is preprocessed for a long-lived engine") {
  auto loaded = FontRegistry::load_from_data_dir(UCAP_SOURCE_DIR);  // its own faces, never subset yet
  REQUIRE(loaded.ok());
  const LoadedFace& serif = loaded->face(loaded->primary_face(latin_serif));
  std::vector<GlyphId> used;
  for (char32_t c : std::u32string(U"Action plan: Zürich–Kōbe, ﬁnal")) used.push_back(serif.file().glyph_for(c));
  auto first = subset_face(serif, used, {.keep_hinting = false});
  REQUIRE(first.ok());
  for (int n = 0; n < 260; ++n) {  // past the point where the face is preprocessed
    auto again = subset_face(serif, used, {.keep_hinting = false});
    REQUIRE(again.ok());
    REQUIRE(again->bytes == first->bytes);
  }
}

TEST_CASE("subset: the same bytes from every call and from threads at once") {
  const auto& reg = shared_registry();
  const LoadedFace& gothic = reg.face(reg.primary_face(japanese_sans));
  std::vector<GlyphId> used;
  for (char32_t c : std::u32string(U"進捗報告書 2026")) used.push_back(gothic.file().glyph_for(c));
  std::vector<std::vector<std::uint8_t>> bytes(4);
  {
    std::vector<std::jthread> threads;
    for (auto& out : bytes)
      threads.emplace_back([&] {
        auto subset = subset_face(gothic, used, {.keep_hinting = false});
        if (subset.ok()) out = subset->bytes;
      });
  }
  auto again = subset_face(gothic, used, {.keep_hinting = false});
  REQUIRE(again.ok());
  for (const auto& b : bytes) CHECK(b == again->bytes);
}
