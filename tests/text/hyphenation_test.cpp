#include <doctest/doctest.h>

#include <vector>

#include "text/hyphenation.h"

using ucap::model::EnglishRegion;
using ucap::text::Hyphenator;
using Points = std::vector<std::size_t>;

namespace {

const Hyphenator& hyphenator() {
  static const auto loaded = Hyphenator::load();
  return *loaded;
}

}  // namespace

TEST_CASE("English patterns: British by default, American for en-US") {
  const auto* british = hyphenator().english(EnglishRegion::unset);
  const auto* american = hyphenator().english(EnglishRegion::us);
  REQUIRE(british);
  REQUIRE(american);
  CHECK(hyphenator().english(EnglishRegion::gb) == british);
  CHECK(american != british);
  // hyph_en_GB: rep-res-ent-at-ives; hyph_en_US: rep-re-sen-ta-tives
  CHECK(british->points(U"representatives") == Points{3, 6, 9, 11});
  CHECK(american->points(U"representatives") == Points{3, 5, 8, 10});
}

TEST_CASE("hyphenation points keep two letters before and three after, whatever the case") {
  const auto* british = hyphenator().english(EnglishRegion::gb);
  REQUIRE(british);
  CHECK(british->points(U"hyphenation") == Points{2, 6, 7});  // hy-phen-a-tion
  CHECK(british->points(U"Hyphenation") == british->points(U"hyphenation"));
  CHECK(british->points(U"infrastructure") == Points{2, 5, 10});  // in-fra-struc-ture
  for (std::size_t k : british->points(U"municipality")) {
    CHECK(k >= 2);
    CHECK(k + 3 <= 12);
  }
  CHECK(british->points(U"city").empty());
  CHECK(british->points(U"").empty());
}

TEST_CASE("a missing pattern directory leaves English unhyphenated, not broken") {
  const auto none = Hyphenator::load("/nonexistent");
  REQUIRE(none);
  CHECK(none->english(EnglishRegion::unset) == nullptr);
  CHECK(none->english(EnglishRegion::us) == nullptr);
}
