// The whole flow in-process: a fixture plan laid out and written, checked
// where a reader looks (page furniture, margins, outline, bytes).
#include <doctest/doctest.h>

#include <memory>

#include "layout/charts.h"
#include "render/engine.h"
#include "render/shared_engine.h"
#include "text/normalize.h"

using namespace ucap;

namespace {

const render::Engine& engine() { return render::testing::shared_engine(); }

// A plan under the source tree (tests/fixtures/…, samples/…), valid.
model::ActionPlan plan_at(const std::string& relative) { return render::testing::checked_plan(relative); }

model::ActionPlan fixture_plan(const std::string& name) { return plan_at("tests/fixtures/" + name); }
model::ActionPlan sample_plan(const std::string& name) { return plan_at("samples/plans/" + name); }

double right_edge(const layout::PlacedText& text) { return text.x_positions.back(); }

}  // namespace

TEST_CASE("every page has its number at the footer baseline; pages after the first a running header") {
  model::ActionPlan plan = fixture_plan("plans/minimal.xml");
  for (model::Language language : {model::Language::en, model::Language::ja}) {
    layout::LaidOutDocument doc = engine().layout_plan(plan, language, "");
    REQUIRE(!doc.pages.empty());
    const std::string total = std::to_string(doc.pages.size());
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
      const auto& texts = doc.pages[i].texts;
      bool footer = false;
      for (const auto& t : texts) footer |= t.text == std::to_string(i + 1) + " / " + total && t.baseline_y == 806;
      CHECK_MESSAGE(footer, "page ", i + 1);
    }
  }
}

TEST_CASE("text stays inside the text column and the body inside the top and bottom margins") {
  // tall-row.xml: a table row taller than a page, cut across pages.
  for (const char* fixture : {"render/stress.xml", "render/tall-row.xml"})
  for (model::Language language : {model::Language::en, model::Language::ja}) {
    CAPTURE(fixture);
    model::ActionPlan plan = fixture_plan(fixture);
    layout::LaidOutDocument doc = engine().layout_plan(plan, language, "");
    CHECK(doc.pages.size() >= 2);
    for (const auto& page : doc.pages)
      for (const auto& text : page.texts) {
        CHECK(text.x_positions.front() >= 72.638 - 0.01);
        CHECK(right_edge(text) <= 595.276 - 72.638);
        const bool furniture = text.baseline_y == 44 || text.baseline_y == 806;
        if (!furniture) CHECK((text.baseline_y > 76 && text.baseline_y <= 841.89 - 70));
      }
  }
}

TEST_CASE("the outline holds the summary, each section and each activity; info comes from the plan") {
  model::ActionPlan plan = fixture_plan("plans/minimal.xml");
  layout::LaidOutDocument doc = engine().layout_plan(plan, model::Language::ja, "2024-01-02");
  std::size_t activities = 0;
  for (const auto& entry : doc.outline) activities += entry.level == 1;
  CHECK(doc.outline.size() == 1 + plan.sections.size() + activities);
  CHECK(activities == 1);
  CHECK(doc.outline.front().title == "概要");
  CHECK(doc.outline[1].title == "1．目的");
  CHECK(doc.info.title == "ブラティスラバのグリーンインフラ");
  CHECK(doc.info.author == "ブラティスラバ市");
  CHECK(doc.info.keywords == "SDG 11.7, SDG 13");
  CHECK(doc.info.language == "ja");
  CHECK(doc.info.creation_date == "2019-11-15");  // <issued>, not the fallback
}

TEST_CASE("rendering twice gives the same bytes") {
  model::ActionPlan plan = fixture_plan("plans/minimal.xml");
  render::RenderedPdf first = engine().render_plan(plan, model::Language::ja, "");
  render::RenderedPdf second = engine().render_plan(plan, model::Language::ja, "");
  REQUIRE(first.error.empty());
  CHECK(!first.bytes.empty());
  CHECK(first.bytes == second.bytes);
}

namespace {

bool is_bar(const layout::PlacedRect& r) { return r.height == 8 && r.fill == layout::Color{0.16, 0.38, 0.66}; }

}  // namespace

TEST_CASE("the timeline draws one bar per activity, its length in months") {
  layout::LaidOutDocument doc = engine().layout_plan(sample_plan("bratislava-tokorozawa.xml"), model::Language::en, "");
  std::vector<layout::PlacedRect> bars;
  for (const auto& page : doc.pages)
    for (const auto& r : page.rects)
      if (is_bar(r)) bars.push_back(r);
  REQUIRE(bars.size() == 6);
  // tree-inventory 2020-03..2021-06 (16 months), hazard-maps 2020-10..2021-12 (15),
  // green-awareness 2020-09..2023-06 (34); the axis starts in January 2020.
  const double month = bars[0].width / 16;
  CHECK(bars[1].width == doctest::Approx(15 * month));
  CHECK(bars[4].width == doctest::Approx(34 * month));
  CHECK(bars[1].x - bars[0].x == doctest::Approx(7 * month));
}

TEST_CASE("the risk matrix puts each risk's number in its likelihood × impact cell") {
  layout::LaidOutDocument doc = engine().layout_plan(sample_plan("bratislava-tokorozawa.xml"), model::Language::en, "");
  // Risk 1 is high/high: the top-right cell, the reddest tint.
  for (const auto& page : doc.pages)
    for (const auto& r : page.rects)
      if (r.fill == layout::Color{0.98, 0.76, 0.74} && r.height == 26) {
        bool found = false;
        for (const auto& t : page.texts)
          found |= t.text == "1" && t.x_positions[0] > r.x && t.x_positions[0] < r.x + r.width && t.baseline_y > r.y &&
                   t.baseline_y < r.y + r.height;
        CHECK(found);
        return;
      }
  FAIL("no high × high cell drawn");
}

TEST_CASE("month_index reads YYYY-MM and YYYY-MM-DD") {
  CHECK(layout::month_index("2020-03") == 2020 * 12 + 2);
  CHECK(layout::month_index("2020-03-15") == 2020 * 12 + 2);
  CHECK(layout::month_index("2020") == -1);
  CHECK(layout::month_index("2020-13") == -1);
}

TEST_CASE("the contents list every outline entry with its page number and a link to it") {
  layout::LaidOutDocument doc = engine().layout_plan(sample_plan("bratislava-tokorozawa.xml"), model::Language::en, "");
  std::vector<const layout::LinkArea*> internal;
  for (const auto& page : doc.pages)
    for (const auto& link : page.links)
      if (link.target_page >= 0) internal.push_back(&link);
  REQUIRE(internal.size() == doc.outline.size());
  for (std::size_t i = 0; i < internal.size(); ++i) {
    CHECK(internal[i]->target_page == doc.outline[i].page);
    CHECK(internal[i]->target_y == doctest::Approx(doc.outline[i].y));
  }
  // The last entry's number is printed at the right of its line.
  const std::string last_page = std::to_string(doc.outline.back().page + 1);
  bool number_found = false;
  for (const auto& t : doc.pages[0].texts)
    number_found |= t.text == last_page && t.x_positions.back() > 500 && t.baseline_y > internal.back()->y &&
                    t.baseline_y < internal.back()->y + internal.back()->height;
  CHECK(number_found);
}

TEST_CASE("the bilingual edition: both languages section by section, the outline in both, headers left and right") {
  model::ActionPlan plan = sample_plan("frankfurt-yokohama.xml");
  const std::vector<model::Language> both{model::Language::en, model::Language::ja};
  layout::LaidOutDocument doc = engine().layout_plan(plan, both, "");
  layout::LaidOutDocument en = engine().layout_plan(plan, model::Language::en, "");
  layout::LaidOutDocument ja = engine().layout_plan(plan, model::Language::ja, "");
  REQUIRE(doc.outline.size() == en.outline.size() + ja.outline.size());
  // Top-level entries in turn: English, then Japanese, for each of them.
  std::vector<std::string> top, top_en, top_ja;
  for (const auto& entry : doc.outline) if (entry.level == 0) top.push_back(entry.title);
  for (const auto& entry : en.outline) if (entry.level == 0) top_en.push_back(entry.title);
  for (const auto& entry : ja.outline) if (entry.level == 0) top_ja.push_back(entry.title);
  REQUIRE(top.size() == 2 * top_en.size());
  for (std::size_t i = 0; i < top_en.size(); ++i) {
    CHECK(top[2 * i] == top_en[i]);
    CHECK(top[2 * i + 1] == top_ja[i]);
  }
  // Each entry points below the one before it: the body reads in that order.
  for (std::size_t i = 1; i < doc.outline.size(); ++i)
    CHECK(std::pair(doc.outline[i].page, doc.outline[i].y) > std::pair(doc.outline[i - 1].page, doc.outline[i - 1].y));
  // Page 2's running header: English at the left margin, Japanese ending at the right.
  REQUIRE(doc.pages.size() > 2);
  std::vector<const layout::PlacedText*> header;
  for (const auto& text : doc.pages[1].texts) if (text.baseline_y == 44) header.push_back(&text);
  REQUIRE(header.size() >= 2);
  CHECK(header.front()->x_positions.front() == doctest::Approx(72.638));
  CHECK(header.front()->text.find("Frankfurt") != std::string::npos);
  const layout::PlacedText& last = *header.back();
  CHECK(last.x_positions.back() + last.size >= 595.276 - 72.638 - 0.5);
  CHECK(last.x_positions.back() + 0.1 <= 595.276 - 72.638);
  CHECK(doc.info.title.find(" / ") != std::string::npos);
  CHECK(doc.info.language == "en");
}

TEST_CASE("a table of four rows or more leaves no single row at a page's foot or top") {
  // Ancona–Ikoma's financing table used to start with its header and first
  // row alone at the foot of page 3.
  layout::LaidOutDocument doc = engine().layout_plan(sample_plan("ancona-ikoma.xml"), model::Language::en, "");
  auto page_of = [&](const std::string& text) {
    for (std::size_t i = 0; i < doc.pages.size(); ++i)
      for (const auto& t : doc.pages[i].texts)
        if (t.text.find(text) != std::string::npos) return int(i);
    return -1;
  };
  REQUIRE(page_of("Sustainable tourism") >= 0);
  CHECK(page_of("Sustainable tourism") == page_of("1. Slow routes"));
  CHECK(page_of("Region / ERDF") == page_of("Sustainable tourism"));  // its header
}

namespace {

void set_text(model::LocalizedTexts& texts, model::Language language, const std::string& text) {
  for (model::LocalizedText& localized : texts)
    if (localized.language == language) localized.inlines = {model::TextRun{text}};
}

// The texts at the running header's baseline on page 2.
std::vector<const layout::PlacedText*> header_of(const layout::LaidOutDocument& doc) {
  std::vector<const layout::PlacedText*> header;
  for (const auto& text : doc.pages.at(1).texts)
    if (text.baseline_y == 44) header.push_back(&text);
  return header;
}

}  // namespace

TEST_CASE("a running header too long for its line is cut with an ellipsis, inside the margins") {
  model::ActionPlan plan = sample_plan("frankfurt-yokohama.xml");
  const std::string long_name(70, 'W');  // a city name far wider than half the line
  for (model::City& city : plan.pairing->cities) {
    set_text(city.names, model::Language::en, long_name);
    set_text(city.names, model::Language::ja, long_name);
  }
  const double left = 72.638, right = 595.276 - 72.638;
  SUBCASE("one language") {
    layout::LaidOutDocument doc = engine().layout_plan(plan, model::Language::en, "");
    const auto header = header_of(doc);
    REQUIRE(!header.empty());
    std::string text;
    for (const auto* piece : header) text += piece->text;
    CHECK(text.rfind("…") == text.size() - std::string("…").size());
    CHECK(text.find(long_name.substr(0, 20)) == 0);
    CHECK(header.back()->x_positions.back() + header.back()->size <= right + 0.5);
  }
  SUBCASE("both languages: each in its half, neither over the other") {
    layout::LaidOutDocument doc = engine().layout_plan(plan, {model::Language::en, model::Language::ja}, "");
    const auto header = header_of(doc);
    REQUIRE(header.size() >= 2);
    const layout::PlacedText& first = *header.front();
    const layout::PlacedText& last = *header.back();
    CHECK(first.x_positions.front() == doctest::Approx(left));
    CHECK(last.x_positions.back() <= right);
    double first_end = 0, last_start = right;
    for (const auto* piece : header) {
      if (piece->x_positions.front() < (left + right) / 2) first_end = std::max(first_end, piece->x_positions.back() + piece->size);
      else last_start = std::min(last_start, piece->x_positions.front());
    }
    CHECK(first_end + 20 <= last_start);  // the gap between the halves
    CHECK(first.text.find("…") != std::string::npos);
    CHECK(last.text.find("…") != std::string::npos);
  }
}

TEST_CASE("a table header taller than half a page is set once, cut between lines, inside the pages") {
  const model::ActionPlan plan = fixture_plan("render/tall-header.xml");
  for (model::Language language : {model::Language::en, model::Language::ja}) {
    const layout::LaidOutDocument doc = engine().layout_plan(plan, language, "");
    // "Step 01" (en) or "01" after "手順" (ja: the digits are a run of their own).
    const std::string first_step = language == model::Language::en ? "Step 01" : "01";
    int headers = 0;
    for (const layout::Page& page : doc.pages)
      for (const layout::PlacedText& text : page.texts) {
        if (text.baseline_y < 800) CHECK(text.baseline_y <= 841.89 - 70);  // above the bottom margin
        if (text.text.rfind(first_step, 0) == 0 && text.baseline_y > 100) ++headers;
      }
    CHECK(headers == 2);  // the header's first line and the body row's, once each
  }
}
