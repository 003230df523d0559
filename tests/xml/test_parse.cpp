// The parser: model contents, positions, whitespace, encodings and the
// structural diagnostics it owns.
#include <doctest/doctest.h>

#include "support/check.h"
#include "xml/element_reader.h"

using namespace ucap;
using test::briefs;
using test::check;
using test::fixture;
using test::replace_once;

namespace {
const std::string minimal = fixture("plans/minimal.xml");

model::ActionPlan parse_plan(const std::string& text) {
  auto parsed = test::parse_text(text);
  REQUIRE(std::holds_alternative<model::ActionPlan>(parsed.document));
  return std::get<model::ActionPlan>(parsed.document);
}
}  // namespace

TEST_CASE("the minimal plan is read into the model with positions") {
  model::ActionPlan plan = parse_plan(minimal);
  CHECK(plan.titles.size() == 2);
  CHECK(model::text_in(plan.titles, model::Language::ja) == "ブラティスラバのグリーンインフラ");
  CHECK(plan.titles[1].position == model::SourcePosition{4, 3});
  REQUIRE(plan.pairing);
  CHECK(plan.pairing->id.value == "bratislava-tokorozawa");
  CHECK(plan.pairing->id.position == model::SourcePosition{5, 16});
  CHECK(plan.pairing->cities[0].country.position == model::SourcePosition{6, 30});
  CHECK(plan.issued->value == "2019-11-15");
  CHECK(plan.issued->position == model::SourcePosition{14, 11});
  CHECK(plan.sdgs.size() == 2);
  CHECK(plan.sdgs[1].is_goal);
  CHECK(plan.sections.size() == 7);
  CHECK(plan.sections[3].ref.value == "activities");
  CHECK(plan.sections[3].position == model::SourcePosition{35, 3});
  const auto& activity = std::get<model::Activity>(plan.sections[3].items[0]);
  CHECK(activity.start.position == model::SourcePosition{36, 42});
  CHECK(activity.budget.value == "45000");
  CHECK(plan.languages == std::vector{model::Language::en, model::Language::ja});
}

TEST_CASE("columns count code points, not bytes") {
  std::string text = replace_once(minimal, "<p xml:lang=\"ja\">樹木を増やし、洪水を減らす。</p>",
                                  "<p xml:lang=\"ja\">樹木を増やし、<bogus/>洪水を減らす。</p>");
  // "    <p xml:lang="ja">" is 21 columns, then 7 Japanese characters.
  CHECK(briefs(check(text)) == std::vector<std::string>{"error UCAP010 21:29"});
}

TEST_CASE("whitespace collapses; a line break between Japanese characters vanishes") {
  std::string text = replace_once(minimal, "<p xml:lang=\"en\">More trees, fewer floods.</p>",
                                  "<p xml:lang=\"en\">  More   trees,\n      <em>fewer</em>\n floods. </p>");
  text = replace_once(text, "<p xml:lang=\"ja\">樹木を増やし、洪水を減らす。</p>",
                      "<p xml:lang=\"ja\">樹木を増やし、\n      洪水を減らす。\n      2020年 から\nSDGs</p>");
  model::ActionPlan plan = parse_plan(text);
  const auto& en = std::get<model::Paragraph>(plan.summary[0].content);
  CHECK(model::plain_text(en.inlines) == "More trees, fewer floods.");
  REQUIRE(en.inlines.size() == 3);
  CHECK(en.inlines[1].style == model::style_emphasis);
  const auto& ja = std::get<model::Paragraph>(plan.summary[1].content);
  CHECK(model::plain_text(ja.inlines) == "樹木を増やし、洪水を減らす。 2020年 から SDGs");
}

TEST_CASE("text is normalised to NFC") {
  // "が" written as か + combining voiced mark (U+3099).
  std::string text = replace_once(minimal, "目的。", "\xE3\x81\x8B\xE3\x82\x99目的。");
  model::ActionPlan plan = parse_plan(text);
  const auto& block = std::get<model::Block>(plan.sections[0].items[1]);
  CHECK(model::plain_text(std::get<model::Paragraph>(block.content).inlines) == "が目的。");
}

TEST_CASE("inline markup becomes styled runs, links keep their target, br is a break") {
  std::string text = replace_once(minimal, "More trees, fewer floods.",
                                  "More <strong>trees <em>now</em></strong>, see <a href=\"https://example.org\">this</a><br/>end");
  model::ActionPlan plan = parse_plan(text);
  const auto& runs = std::get<model::Paragraph>(plan.summary[0].content).inlines;
  REQUIRE(runs.size() == 7);
  CHECK(runs[1].text == "trees ");
  CHECK(runs[1].style == model::style_strong);
  CHECK(runs[2].style == (model::style_strong | model::style_emphasis));
  CHECK(runs[4].href == "https://example.org");
  CHECK(runs[5].line_break);
  CHECK(runs[6].text == "end");
}

TEST_CASE("lists, nested lists and tables are read") {
  std::string text = replace_once(minimal, "<p xml:lang=\"en\">Objectives.</p>",
                                  "<ul xml:lang=\"en\"><li>One</li><li>Two<ol><li>Sub</li></ol></li></ul>"
                                  "<table xml:lang=\"en\" cols=\"3* 1*\"><thead><tr><th>A</th><th align=\"right\">B</th></tr></thead>"
                                  "<tbody><tr><td colspan=\"2\">wide</td></tr></tbody></table>");
  text = replace_once(text, "<p xml:lang=\"ja\">目的。</p>",
                      "<ul xml:lang=\"ja\"><li>一</li><li>二<ol><li>下</li></ol></li></ul><table xml:lang=\"ja\"><tbody><tr><td>表</td></tr></tbody></table>");
  model::ActionPlan plan = parse_plan(text);
  CHECK(check(text).empty());
  const auto& list = std::get<model::List>(std::get<model::Block>(plan.sections[0].items[0]).content);
  CHECK_FALSE(list.ordered);
  REQUIRE(list.items.size() == 2);
  CHECK(model::plain_text(list.items[1].inlines) == "Two");
  REQUIRE(list.items[1].blocks.size() == 1);
  CHECK(std::get<model::List>(list.items[1].blocks[0].content).ordered);
  const auto& table = std::get<model::Table>(std::get<model::Block>(plan.sections[0].items[1]).content);
  CHECK(table.column_weights == std::vector<double>{3, 1});
  CHECK(table.head_rows[0].cells[1].align == model::CellAlign::right);
  CHECK(table.body_rows[0].cells[0].colspan == 2);
}

TEST_CASE("files that are not plans get one clear diagnostic") {
  SUBCASE("not well-formed: the parser's position and reason") {
    auto findings = check(replace_once(minimal, "</summary>", "</sumary>"));
    REQUIRE(findings.size() == 1);
    CHECK(test::brief(findings[0]) == "error UCAP005 22:5");
    CHECK(findings[0].message.find("not well-formed XML") == 0);
  }
  SUBCASE("empty") { CHECK(briefs(check("  \n")) == std::vector<std::string>{"error UCAP004 0:0"}); }
  SUBCASE("invalid UTF-8 at its position") {
    CHECK(briefs(check(replace_once(minimal, "Objectives.", "Obj\xC3\x28"))) ==
          std::vector<std::string>{"error UCAP002 24:25"});
  }
  SUBCASE("UTF-16") {
    std::string utf16("\xFF\xFE<\0?\0", 6);
    CHECK(briefs(check(utf16)) == std::vector<std::string>{"error UCAP003 1:1"});
  }
  SUBCASE("declared Shift_JIS") {
    CHECK(briefs(check(replace_once(minimal, "UTF-8", "Shift_JIS"))) == std::vector<std::string>{"error UCAP003 1:1"});
  }
  SUBCASE("a DOCTYPE is refused") {
    auto findings = check(replace_once(minimal, "<action-plan", "<!DOCTYPE x [<!ENTITY a \"b\">]>\n<action-plan"));
    CHECK(briefs(findings) == std::vector<std::string>{"error UCAP006 2:1"});
  }
  SUBCASE("an unknown root") {
    auto findings = check("<action-plna/>");
    REQUIRE(findings.size() == 1);
    CHECK(test::brief(findings[0]) == "error UCAP007 1:1");
    CHECK(findings[0].hint == "did you mean <action-plan>?");
  }
}

TEST_CASE("reading files: missing, a directory, and a UTF-8 byte-order mark") {
  xml::SourceRead missing = xml::read_source_file("/nonexistent/plan.xml");
  CHECK_FALSE(missing.source);
  REQUIRE(missing.source.diagnostics().size() == 1);
  CHECK(missing.source.diagnostics().front().code == "UCAP001");
  CHECK(missing.io_failure);
  xml::SourceRead folder = xml::read_source_file(UCAP_TEST_DIR);
  CHECK_FALSE(folder.source);
  CHECK(folder.source.diagnostics().front().message == "is a directory, not a file");
  CHECK(folder.io_failure);
  xml::SourceRead source = xml::check_source_bytes("bom.xml", "\xEF\xBB\xBF" + minimal);
  REQUIRE(source.source);
  CHECK_FALSE(source.io_failure);
  CHECK(test::check(source.source->bytes).empty());
}

TEST_CASE("a read failure is kept, and only the system's failures are I/O failures") {
  xml::ParsedDocument missing = xml::parse_file("/nonexistent/plan.xml");
  CHECK(std::holds_alternative<std::monostate>(missing.document));
  CHECK(briefs(missing.diagnostics) == std::vector<std::string>{"error UCAP001 0:0"});
  CHECK(missing.io_failure);
  xml::ParsedDocument empty = xml::parse_bytes("empty.xml", "  \n");
  CHECK(briefs(empty.diagnostics) == std::vector<std::string>{"error UCAP004 0:0"});
  CHECK_FALSE(empty.io_failure);
  xml::ParsedDocument not_utf8 = xml::parse_bytes("latin1.xml", "<action-plan>\xE9</action-plan>");
  CHECK(briefs(not_utf8.diagnostics) == std::vector<std::string>{"error UCAP002 1:14"});
  CHECK_FALSE(not_utf8.io_failure);
}

TEST_CASE("structure: unknown elements, order, duplicates, missing header parts, attributes") {
  SUBCASE("unknown element with a suggestion") {
    auto findings = check(replace_once(minimal, "<issued>2019-11-15</issued>", "<isued>2019-11-15</isued>"));
    CHECK(briefs(findings) == std::vector<std::string>{"error UCAP010 14:3", "error UCAP012 15:3"});
    CHECK(findings[0].hint == "did you mean <issued>?");
  }
  SUBCASE("header out of order") {
    std::string text = replace_once(minimal, "  <issued>2019-11-15</issued>\n", "");
    text = replace_once(text, "  </sdgs>\n", "  </sdgs>\n  <issued>2019-11-15</issued>\n");
    // issued moved below sdgs: line 17 now holds </sdgs>, line 18 <issued>.
    CHECK(briefs(check(text)) == std::vector<std::string>{"error UCAP011 18:3"});
  }
  SUBCASE("a header element after the first section") {
    std::string text = replace_once(minimal, "</action-plan>", "<issued>2019-11-15</issued></action-plan>");
    auto findings = check(text);
    CHECK(briefs(findings) == std::vector<std::string>{"error UCAP011 57:1", "error UCAP013 57:1"});
  }
  SUBCASE("missing required attribute") {
    auto findings = check(replace_once(minimal, " likelihood=\"medium\"", ""));
    CHECK(briefs(findings) == std::vector<std::string>{"error UCAP018 46:5"});
  }
  SUBCASE("unknown attribute is a warning with a suggestion") {
    auto findings = check(replace_once(minimal, "<p xml:lang=\"en\">Context.", "<p xml:lang=\"en\" clas=\"x\">Context."));
    REQUIRE(findings.size() == 1);
    CHECK(test::brief(findings[0]) == "warning UCAP009 28:22");
  }
  SUBCASE("text directly in a section") {
    auto findings = check(replace_once(minimal, "  <section ref=\"context\">\n", "  <section ref=\"context\">\n  Stray text\n"));
    CHECK(briefs(findings) == std::vector<std::string>{"error UCAP019 28:3"});
  }
  SUBCASE("bad xml:lang value") {
    auto findings = check(replace_once(minimal, "<p xml:lang=\"en\">Context.", "<p xml:lang=\"fr\">Context."));
    CHECK(briefs(findings)[0] == "error UCAP042 28:18");
  }
}

TEST_CASE("closest_match suggests only near misses") {
  static constexpr std::string_view refs[] = {"objectives", "follow-up", "risks"};
  CHECK(xml::closest_match("folow-up", refs) == "follow-up");
  CHECK(xml::closest_match("risk", refs) == "risks");
  CHECK(xml::closest_match("budget", refs).empty());
}

TEST_CASE("markup limits: nesting at the limit is read, one level deeper is UCAP084") {
  // The root (1), <section> (2), <note>s, then <p> and <em>: depth 100 in all.
  auto nested = [&](int notes) {
    std::string inner = "<p><em>deep</em></p>";
    for (int i = 0; i < notes; ++i) inner = "<note>" + inner + "</note>";
    return replace_once(minimal, "<p xml:lang=\"en\">Context.</p>", "<p xml:lang=\"en\">Context.</p>" + inner);
  };
  CHECK(briefs(check(nested(96))).empty());
  auto findings = check(nested(97));
  REQUIRE(briefs(findings) == std::vector<std::string>{"error UCAP084 28:619"});  // the <em>, 101st level
  CHECK(findings[0].message == "<em> is nested more than 100 elements deep; the file is not read further");
}

TEST_CASE("markup limits: more than 100,000 elements or attributes is UCAP086, nothing else") {
  std::string paragraphs;
  for (int i = 0; i < 100'000; ++i) paragraphs += "<br/>";
  auto findings = check(replace_once(minimal, "Context.", paragraphs));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "UCAP086");
  CHECK(findings[0].message == "the file has more than 100000 elements; the file is not read further");
}

TEST_CASE("NUL and other control characters are refused where they stand") {
  auto findings = check(replace_once(minimal, "Context.", std::string("Con\0text.", 9)));
  REQUIRE(briefs(findings) == std::vector<std::string>{"error UCAP005 28:25"});
  CHECK(findings[0].message == "not well-formed XML: character U+0000 is not allowed in XML");
}

TEST_CASE("xml:lang en-GB and en-US are English with a region, for hyphenation") {
  std::string text = replace_once(minimal, "<p xml:lang=\"en\">Objectives.</p>",
                                  "<p xml:lang=\"en-US\">Objectives.</p><p xml:lang=\"EN-gb\">Aims.</p>");
  auto parsed = test::parse_text(text);
  CHECK(briefs(parsed.diagnostics).empty());
  const auto& plan = std::get<model::ActionPlan>(parsed.document);
  const auto& items = plan.sections[0].items;
  REQUIRE(items.size() == 3);
  const auto& us = std::get<model::Block>(items[0]);
  const auto& gb = std::get<model::Block>(items[1]);
  CHECK(us.language == model::Language::en);
  CHECK(us.region == model::EnglishRegion::us);
  CHECK(gb.language == model::Language::en);
  CHECK(gb.region == model::EnglishRegion::gb);
  CHECK(std::get<model::Block>(items[2]).region == model::EnglishRegion::unset);  // xml:lang="ja"
  CHECK(plan.summary[0].region == model::EnglishRegion::unset);  // plain "en": British patterns
}
