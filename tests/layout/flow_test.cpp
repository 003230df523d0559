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

namespace {

// A table row of `count` lines of 10 pt in one column, with rules at its
// sides, cuttable between any two lines (as block_layout's row_cuts gives).
Strip tall_row(int count) {
  Strip row;
  row.table = 0;
  row.height = 10.0 * count;
  for (int i = 0; i < count; ++i) {
    PlacedText placed;
    placed.text = "line" + std::to_string(i);
    placed.x_positions = {0};
    placed.baseline_y = 10.0 * i + 8;
    row.texts.push_back(placed);
    if (i >= 2 && i <= count - 2) row.cuts.push_back(10.0 * i);
  }
  row.lines.push_back({0, 0, 100, 0, {}, 0.5});                    // top rule
  row.lines.push_back({0, 0, 0, row.height, {}, 0.5});             // left side
  row.lines.push_back({0, row.height, 100, row.height, {}, 0.5});  // bottom rule
  return row;
}

}  // namespace

TEST_CASE("a table row taller than a page is cut between lines, under the repeated header, nothing lost") {
  Strip header = line(10, "header", true);
  header.table = 0, header.table_header = true;
  std::vector<Strip> strips{line(30, "before"), header, tall_row(25)};
  Pagination result = paginate(strips, small_page());
  // Page 1: 30 + 10 of header leave 60 pt: six lines; then nine lines under
  // the header (90 pt); then eight, not nine, so that the last page has two
  // (no widow).
  REQUIRE(result.pages.size() == 4);
  CHECK(texts_on(result.pages[0]) ==
        std::vector<std::string>{"before", "header", "line0", "line1", "line2", "line3", "line4", "line5"});
  CHECK(texts_on(result.pages[1]).front() == "header");
  CHECK(texts_on(result.pages[1])[1] == "line6");
  CHECK(texts_on(result.pages[2]).front() == "header");
  CHECK(texts_on(result.pages[3]) == std::vector<std::string>{"header", "line23", "line24"});
  std::vector<std::string> lines;
  for (const Page& page : result.pages)
    for (const std::string& text : texts_on(page))
      if (text.rfind("line", 0) == 0) lines.push_back(text);
  REQUIRE(lines.size() == 25);
  for (int i = 0; i < 25; ++i) CHECK(lines[std::size_t(i)] == "line" + std::to_string(i));
  for (const Page& page : result.pages) {
    for (const PlacedText& text : page.texts) CHECK(text.baseline_y <= 110);
    for (const PlacedLine& rule : page.lines) CHECK(std::max(rule.y1, rule.y2) <= 110 + 0.01);
  }
  // The first part is closed by a rule at the cut, at the page's foot.
  bool closed = false;
  for (const PlacedLine& rule : result.pages[0].lines) closed |= rule.y1 == 110 && rule.y2 == 110;
  CHECK(closed);
}

TEST_CASE("a row taller than a page without cuts still places all its text (it overflows)") {
  std::vector<Strip> strips{tall_row(12)};
  strips[0].cuts.clear();
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() == 1);
  CHECK(result.pages[0].texts.size() == 12);
}

TEST_CASE("a table's header is not left alone above a tall row that cannot start on the page") {
  Strip header = line(10, "header", true);
  header.table = 0, header.table_header = true;
  // 75 pt used: the header (10) fits, but not the tall row's first two lines (20).
  std::vector<Strip> strips{line(75, "before"), header, tall_row(25)};
  Pagination result = paginate(strips, small_page());
  REQUIRE(result.pages.size() >= 2);
  CHECK(texts_on(result.pages[0]) == std::vector<std::string>{"before"});
  CHECK(texts_on(result.pages[1])[0] == "header");
  CHECK(texts_on(result.pages[1])[1] == "line0");
}

namespace {

// A two-column row with texts, rules, tints, a link and an image at many
// heights, some exactly at the cuts.
Strip busy_row() {
  Strip strip;
  strip.height = 100;
  strip.space_before = 3;
  strip.keep_with_next = true;
  strip.table = 2;
  strip.bookmarks.push_back({"row", 1});
  for (int i = 0; i < 10; ++i) {
    for (double x : {0.0, 50.0}) {
      if (x == 50 && i > 5) continue;  // the right column ends early
      PlacedText text;
      text.text = std::to_string(i) + (x == 0 ? "L" : "R");
      text.x_positions = {x, x + 5};
      text.baseline_y = 10.0 * i + 8;
      strip.texts.push_back(text);
    }
    strip.cuts.push_back(10.0 * i + 10);
  }
  strip.cuts.pop_back();
  strip.lines = {{0, 0, 100, 0}, {0, 100, 100, 100}, {0, 0, 0, 100}, {50, 0, 50, 100}, {0, 30, 100, 30}, {10, 25, 10, 75}};
  strip.rects = {{0, 0, 100, 100, {1, 0, 0}, true, {}, 0}, {20, 35, 10, 40, {0, 1, 0}, true, {}, 0},
                 {0, 60, 5, 0, {0, 0, 1}, true, {}, 0}};
  strip.links.push_back({});
  strip.links.back().y = 42;
  strip.images.push_back({});
  strip.images.back().y = 70;
  return strip;
}

void check_same(const Strip& a, const Strip& b) {
  CHECK(a.height == doctest::Approx(b.height));
  CHECK(a.space_before == b.space_before);
  CHECK(a.keep_with_next == b.keep_with_next);
  CHECK(a.bookmarks.size() == b.bookmarks.size());
  REQUIRE(a.cuts.size() == b.cuts.size());
  for (std::size_t i = 0; i < a.cuts.size(); ++i) CHECK(a.cuts[i] == doctest::Approx(b.cuts[i]));
  REQUIRE(a.texts.size() == b.texts.size());
  for (std::size_t i = 0; i < a.texts.size(); ++i) {
    CHECK(a.texts[i].text == b.texts[i].text);
    CHECK(a.texts[i].baseline_y == doctest::Approx(b.texts[i].baseline_y));
  }
  REQUIRE(a.lines.size() == b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    CHECK(a.lines[i].x1 == b.lines[i].x1);
    CHECK(a.lines[i].y1 == doctest::Approx(b.lines[i].y1));
    CHECK(a.lines[i].y2 == doctest::Approx(b.lines[i].y2));
  }
  REQUIRE(a.rects.size() == b.rects.size());
  for (std::size_t i = 0; i < a.rects.size(); ++i) {
    CHECK(a.rects[i].y == doctest::Approx(b.rects[i].y));
    CHECK(a.rects[i].height == doctest::Approx(b.rects[i].height));
  }
  REQUIRE(a.links.size() == b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) CHECK(a.links[i].y == doctest::Approx(b.links[i].y));
  REQUIRE(a.images.size() == b.images.size());
  for (std::size_t i = 0; i < a.images.size(); ++i) CHECK(a.images[i].y == doctest::Approx(b.images[i].y));
}

}  // namespace

TEST_CASE("cutting a strip at several cuts at once equals cutting it at each in turn") {
  const Strip strip = busy_row();
  for (const std::vector<double>& cuts : {std::vector<double>{30}, {20, 60}, {10, 30, 50, 70, 90}, {40, 50}}) {
    CAPTURE(cuts.size());
    std::vector<Strip> in_turn;
    Strip rest = strip;
    double top = 0;
    for (double cut : cuts) {
      auto [upper, lower] = split_strip(rest, cut - top);
      in_turn.push_back(std::move(upper));
      rest = std::move(lower);
      top = cut;
    }
    in_turn.push_back(std::move(rest));
    const std::vector<Strip> at_once = split_strip(strip, cuts);
    REQUIRE(at_once.size() == in_turn.size());
    for (std::size_t k = 0; k < at_once.size(); ++k) {
      CAPTURE(k);
      check_same(at_once[k], in_turn[k]);
    }
  }
}
