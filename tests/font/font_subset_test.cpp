#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "font/font_subset.h"
#include "font/truetype_face.h"
#include "shared_registry.h"

using namespace ucap::font;
using namespace ucap::font::testing;

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
  auto path = std::filesystem::temp_directory_path() / "ucap-subset-test.ttf";
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f);
    std::fwrite(subset->bytes.data(), 1, subset->bytes.size(), f);
    std::fclose(f);
  }
  auto reread = TrueTypeFace::load(path.string());
  REQUIRE_MESSAGE(reread.ok(), reread.error());
  CHECK(reread.value()->glyph_count() <= used.size() + 1);
  for (GlyphId g : used) CHECK(reread.value()->advance(subset->map(g)) == mincho.file().advance(g));
  std::filesystem::remove(path);
}

TEST_CASE("subset: retaining glyph ids keeps old ids") {
  const auto& reg = shared_registry();
  const LoadedFace& serif = reg.face(reg.primary_face(latin_serif));
  std::vector<GlyphId> used{serif.file().glyph_for(U'H'), serif.file().glyph_for(U'i')};
  auto subset = subset_face(serif, used, {.retain_glyph_ids = true});
  REQUIRE(subset.ok());
  for (GlyphId g : used) CHECK(subset->map(g) == g);
}
