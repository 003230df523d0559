// Pagination: strips of known heights on a small page, so every break is
// predictable.
#include <doctest/doctest.h>

#include "layout/flow.h"

using namespace ucap::layout;

namespace {

// A page with a 100 pt text area (top 10, bottom at 110).
PageGeometry small_page() {
  PageGeometry page;
  page.width = 200, page.height = 120, page.top = 10, page.bottom = 10, page.left = 20, page.right = 20;
  return page;
}

Strip line(double height, std::string text, bool keep = false) {
  Strip strip;
  strip.height = height;
  strip.keep_with_next = keep;
  PlacedText placed;
  placed.text = std::move(text);
  placed.x_positions = {0};
  placed.baseline_y = 8;
  strip.texts.push_back(placed);
  return strip;
}

std::vector<std::string> texts_on(const Page& page) {
  std::vector<std::string> out;
  for (const auto& t : page.texts) out.push_back(t.text);
  return out;
}

}  // namespace

TEST_CASE("strips fill a page, then move to the next; positions are on the page") {
  std::vector<Strip> strips;
  for (int i = 0; i < 12; ++i) strips.push_back(line(10, std::to_string(i)));
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() == 2);
  CHECK(result.pages[0].texts.size() == 10);
  CHECK(result.pages[1].texts.size() == 2);
  CHECK(result.pages[0].texts[0].baseline_y == doctest::Approx(18));   // top 10 + 8
  CHECK(result.pages[0].texts[0].x_positions[0] == doctest::Approx(20));  // left margin
  CHECK(result.pages[1].texts[0].baseline_y == doctest::Approx(18));
}

TEST_CASE("space before a strip is dropped at the top of a page") {
  std::vector<Strip> strips{line(95, "tall"), line(10, "next")};
  strips[1].space_before = 4;
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() == 2);
  CHECK(result.pages[1].texts[0].baseline_y == doctest::Approx(18));
}

TEST_CASE("a heading is never left alone at the bottom: the chain moves whole") {
  std::vector<Strip> strips;
  for (int i = 0; i < 8; ++i) strips.push_back(line(10, "body" + std::to_string(i)));
  strips.push_back(line(10, "heading", true));
  strips.push_back(line(10, "first", true));  // orphan guard
  strips.push_back(line(10, "second"));
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() == 2);
  CHECK(texts_on(result.pages[1]) == std::vector<std::string>{"heading", "first", "second"});
}

TEST_CASE("add_lines keeps the first two and the last two lines of a paragraph together") {
  ComposedParagraph paragraph;
  for (int i = 0; i < 5; ++i) paragraph.lines.push_back(ComposedLine{10, 8, 0, 0, {}, {}, i == 4, false});
  FlowBuilder flow;
  flow.add_lines(paragraph, 0);
  std::vector<Strip> strips = flow.take();
  REQUIRE(strips.size() == 5);
  CHECK(strips[0].keep_with_next);
  CHECK_FALSE(strips[1].keep_with_next);
  CHECK_FALSE(strips[2].keep_with_next);
  CHECK(strips[3].keep_with_next);
  CHECK_FALSE(strips[4].keep_with_next);
}

TEST_CASE("a chain taller than a page breaks where it must instead of looping") {
  std::vector<Strip> strips;
  for (int i = 0; i < 25; ++i) strips.push_back(line(10, std::to_string(i), i < 24));
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() == 3);
  CHECK(result.pages[0].texts.size() == 10);
}

TEST_CASE("table header rows are repeated on the next page, body rows are not lost") {
  std::vector<Strip> strips;
  Strip header = line(10, "header", true);
  header.table = 0, header.table_header = true;
  strips.push_back(header);
  for (int i = 0; i < 14; ++i) {
    Strip row = line(10, "row" + std::to_string(i));
    row.table = 0;
    strips.push_back(row);
  }
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() == 2);
  CHECK(texts_on(result.pages[1]).front() == "header");
  CHECK(texts_on(result.pages[1])[1] == "row9");
  CHECK(result.pages[0].texts.size() + result.pages[1].texts.size() == 16);
}

TEST_CASE("bookmarks become outline entries with their page and y") {
  std::vector<Strip> strips{line(95, "first"), line(10, "second")};
  strips[1].bookmarks.push_back({"Section", 0});
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.outline.size() == 1);
  CHECK(result.outline[0].page == 1);
  CHECK(result.outline[0].y == doctest::Approx(10));
  CHECK(result.outline[0].title == "Section");
}
