// The structure layout gives beside the boxes (structure.h): every box
// tagged, headings agreeing with the outline, a table cell cut across pages
// one element, repeated table headers and page furniture as artifacts, the
// charts' alternative text naming every activity and risk.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "layout/page_boxes.h"
#include "render/engine.h"
#include "render/shared_engine.h"
#include "xml/source_file.h"

using namespace ucap;
using layout::Artifact;
using layout::Role;

namespace {

const render::Engine& engine() { return render::testing::shared_engine(); }

model::ActionPlan plan_at(const std::string& relative) { return render::testing::checked_plan(relative); }

bool tagged(const layout::StructureRef& tag, const layout::Structure& structure) {
  return tag.artifact != Artifact::none || (tag.node >= 0 && std::size_t(tag.node) < structure.nodes.size());
}

// Every box names its node or its artifact kind; every link area a Link.
void check_every_box_tagged(const layout::LaidOutDocument& doc) {
  const layout::Structure& s = doc.structure;
  REQUIRE(!s.empty());
  CHECK(s.nodes[0].role == Role::document);
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    CAPTURE(p);
    const layout::Page& page = doc.pages[p];
    for (const auto& t : page.texts) CHECK_MESSAGE(tagged(t.tag, s), t.text);
    for (const auto& r : page.rects) CHECK(tagged(r.tag, s));
    for (const auto& l : page.lines) CHECK(tagged(l.tag, s));
    for (const auto& i : page.images) CHECK(tagged(i.tag, s));
    for (const auto& link : page.links) {
      REQUIRE(link.tag.node >= 0);
      CHECK(s.nodes[std::size_t(link.tag.node)].role == Role::link);
    }
  }
}

// The headings in the tree's order.
void headings(const layout::Structure& s, int node, std::vector<int>& out) {
  const Role role = s.nodes[std::size_t(node)].role;
  if (role == Role::h1 || role == Role::h2 || role == Role::h3) out.push_back(node);
  for (int child : s.nodes[std::size_t(node)].children) headings(s, child, out);
}

// The text each node owns, page by page.
std::map<int, std::set<std::size_t>> pages_of_nodes(const layout::LaidOutDocument& doc) {
  std::map<int, std::set<std::size_t>> out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& t : doc.pages[p].texts)
      if (t.tag.node >= 0) out[t.tag.node].insert(p);
  return out;
}

std::string text_of(const layout::LaidOutDocument& doc, int node) {
  std::string out;
  for (const auto& page : doc.pages)
    for (const auto& t : page.texts)
      if (t.tag.node == node) out += t.text;
  return out;
}

std::vector<const layout::StructureNode*> figures(const layout::Structure& s) {
  std::vector<const layout::StructureNode*> out;
  for (const auto& node : s.nodes)
    if (node.role == Role::figure) out.push_back(&node);
  return out;
}

// The alternative text of the figure whose text starts with `start`.
std::string alt_starting(const layout::Structure& s, const std::string& start) {
  for (const auto* figure : figures(s))
    if (figure->alt.rfind(start, 0) == 0) return figure->alt;
  return {};
}

std::string squeezed(std::string text) {
  std::erase(text, ' ');
  return text;
}

}  // namespace

TEST_CASE("structure: every box of the sample plans and the stress fixtures is tagged") {
  for (const char* plan : {"samples/plans/frankfurt-yokohama.xml", "samples/plans/marseille-kobe.xml",
                           "tests/fixtures/render/stress.xml", "tests/fixtures/render/tall-row.xml"}) {
    CAPTURE(plan);
    model::ActionPlan parsed = plan_at(plan);
    for (model::Language language : {model::Language::en, model::Language::ja})
      check_every_box_tagged(engine().layout_plan(parsed, language, "2024-01-01"));
    check_every_box_tagged(engine().layout_plan(parsed, {model::Language::en, model::Language::ja}, "2024-01-01"));
  }
}

TEST_CASE("structure: H1 the title, then H2 and H3 as the outline nests its entries") {
  model::ActionPlan plan = plan_at("samples/plans/frankfurt-yokohama.xml");
  for (model::Language language : {model::Language::en, model::Language::ja}) {
    layout::LaidOutDocument doc = engine().layout_plan(plan, language, "");
    std::vector<int> found;
    headings(doc.structure, 0, found);
    REQUIRE(found.size() == doc.outline.size() + 2);  // the title and the contents' heading besides
    CHECK(doc.structure.nodes[std::size_t(found[0])].role == Role::h1);
    CHECK(doc.structure.nodes[std::size_t(found[1])].role == Role::h2);  // "Contents", before the TOC
    for (std::size_t i = 0; i < doc.outline.size(); ++i) {
      const int node = found[i + 2];
      CAPTURE(doc.outline[i].title);
      CHECK(doc.structure.nodes[std::size_t(node)].role == (doc.outline[i].level == 0 ? Role::h2 : Role::h3));
      CHECK(squeezed(text_of(doc, node)) == squeezed(doc.outline[i].title));  // lines join without their space
    }
  }
}

TEST_CASE("structure: a cell cut across pages is one TD; the header repeated there an artifact") {
  layout::LaidOutDocument doc = engine().layout_plan(plan_at("tests/fixtures/render/tall-row.xml"), model::Language::en, "");
  bool cut_cell = false;
  for (const auto& [node, pages] : pages_of_nodes(doc))
    cut_cell |= doc.structure.nodes[std::size_t(node)].role == Role::td && pages.size() >= 2;
  CHECK(cut_cell);
  // "Description", the header cell, is content where the table starts and
  // an artifact on each page it continues on.
  int content = 0, repeated = 0;
  for (const auto& page : doc.pages)
    for (const auto& t : page.texts)
      if (t.text == "Description") {
        if (t.tag.node >= 0) {
          ++content;
          const auto& th = doc.structure.nodes[std::size_t(t.tag.node)];
          CHECK(th.role == Role::th);
          CHECK(th.scope == layout::Scope::column);
          CHECK(doc.structure.nodes[std::size_t(doc.structure.nodes[std::size_t(th.parent)].parent)].role == Role::thead);
        } else {
          CHECK(t.tag.artifact == Artifact::layout);
          ++repeated;
        }
      }
  CHECK(content == 1);
  CHECK(repeated >= 1);
}

TEST_CASE("structure: running headers and page numbers are pagination artifacts, rules layout ones") {
  layout::LaidOutDocument doc = engine().layout_plan(plan_at("samples/plans/marseille-kobe.xml"), model::Language::en, "");
  REQUIRE(doc.pages.size() >= 2);
  const std::string total = std::to_string(doc.pages.size());
  for (std::size_t p = 0; p < doc.pages.size(); ++p)
    for (const auto& t : doc.pages[p].texts) {
      if (t.text == std::to_string(p + 1) + " / " + total) CHECK(t.tag.artifact == Artifact::footer);
      if (t.baseline_y < 60) CHECK(t.tag.artifact == Artifact::header);
    }
  for (const auto& page : doc.pages)
    for (const auto& line : page.lines) CHECK(line.tag.artifact != Artifact::none);  // rules: all arrangement
}

TEST_CASE("structure: the timeline and the risk matrix are Figures whose /Alt names every activity and risk") {
  model::ActionPlan plan = plan_at("samples/plans/frankfurt-yokohama.xml");
  layout::LaidOutDocument en = engine().layout_plan(plan, model::Language::en, "");
  REQUIRE(figures(en.structure).size() == 3);  // the timeline, the sample's image, the matrix
  const std::string timeline = alt_starting(en.structure, "Timeline");
  CHECK(timeline.find("Timeline of 4 activities, April 2019 – March 2022: Activity 1, Renewable-electricity "
                      "partnership with Tohoku municipalities, April 2019 – March 2022, ") == 0);
  for (const char* title : {"Household electricity-saving bonus", "Energy-saving teams in municipal schools",
                            "Frankfurt–Yokohama online seminars on city networks"})
    CHECK_MESSAGE(timeline.find(title) != std::string::npos, title);
  const std::string matrix = alt_starting(en.structure, "Risk matrix of 4 risks by likelihood and impact: ");
  CAPTURE(matrix);
  CHECK(matrix.find("Risk 1, Limited grid capacity in the partner regions, likelihood medium, impact high") !=
        std::string::npos);
  CHECK(matrix.find("Risk 2, Low participation in the saving bonus, likelihood high, impact medium") !=
        std::string::npos);

  layout::LaidOutDocument ja = engine().layout_plan(plan, model::Language::ja, "");
  CHECK(!alt_starting(ja.structure, "4件の活動の日程表（2019年4月～2022年3月）：活動1「東北地方の市町村との再生可能エネルギー連携」").empty());
  const std::string ja_matrix = alt_starting(ja.structure, "4件のリスクの発生可能性・影響度マトリクス：");
  CAPTURE(ja_matrix);
  CHECK(ja_matrix.find("リスク1「連携地域における送電網の容量不足」発生可能性：中、影響度：高") != std::string::npos);
}

TEST_CASE("structure: the bilingual edition's parts say their language") {
  model::ActionPlan plan = plan_at("samples/plans/frankfurt-yokohama.xml");
  layout::LaidOutDocument doc = engine().layout_plan(plan, {model::Language::en, model::Language::ja}, "");
  std::vector<std::string> languages;
  for (int child : doc.structure.nodes[0].children)
    if (doc.structure.nodes[std::size_t(child)].role == Role::sect)
      languages.push_back(doc.structure.nodes[std::size_t(child)].language);
  REQUIRE(languages.size() >= 4);
  CHECK(languages[0] == "en");
  CHECK(languages[1] == "ja");
  CHECK(languages[2] == "en");  // the summary in English, then in Japanese
  CHECK(languages[3] == "ja");
  // "Contents / 目次": the Japanese word a Span in Japanese inside the H2.
  bool span = false;
  for (const auto& page : doc.pages)
    for (const auto& t : page.texts)
      if (t.text == "目次" && t.tag.node >= 0) {
        const layout::StructureNode& node = doc.structure.nodes[std::size_t(t.tag.node)];
        span = node.role == Role::span && node.language == "ja" &&
               doc.structure.nodes[std::size_t(node.parent)].role == Role::h2;
      }
  CHECK(span);
}
