// The parser on progress reports (FORMAT.md §4): the model with positions,
// and the structural diagnostics, each at its exact line:column.
#include <doctest/doctest.h>

#include "support/check.h"

using namespace ucap;
using test::briefs;
using test::replace_once;
using V = std::vector<std::string>;

namespace {
const std::string report_file = std::string(UCAP_TEST_DIR) + "/fixtures/reports/minimal.xml";
const std::string minimal = test::read_text(report_file);

std::vector<Diagnostic> check_report(const std::string& text) { return test::check_as(report_file, text); }

model::ProgressReport parse_report(const std::string& text) {
  auto parsed = test::parse_text(text, report_file);
  REQUIRE(std::holds_alternative<model::ProgressReport>(parsed.document));
  CHECK(parsed.diagnostics.empty());
  return std::get<model::ProgressReport>(parsed.document);
}
}  // namespace

TEST_CASE("the minimal report is read into the model with positions") {
  model::ProgressReport report = parse_report(minimal);
  CHECK(report.file == report_file);
  CHECK(report.template_id.value == "progress-report");
  CHECK(report.languages == std::vector{model::Language::en, model::Language::ja});
  CHECK(model::text_in(report.titles, model::Language::ja) == "第3回交流会議");
  CHECK(report.subtitles.size() == 2);
  CHECK(model::text_in(report.authors, model::Language::ja) == "IUC-Japan");
  CHECK(report.meeting_number.value == "3");
  CHECK(report.meeting_number.position == model::SourcePosition{7, 15});
  CHECK(report.roster_href.value == "../plans/minimal-roster.xml");
  CHECK(report.roster_href.position == model::SourcePosition{9, 17});
  CHECK(report.plans_href.position == model::SourcePosition{10, 16});

  // Generated parts and sections stay in document order.
  REQUIRE(report.body.size() == 7);
  const auto& first = std::get<model::GeneratedPart>(report.body[0]);
  CHECK(first.kind() == model::ReportPart::pairings);
  CHECK(first.position == model::SourcePosition{11, 3});
  CHECK(first.part.position == model::SourcePosition{11, 20});
  const auto& round_table = std::get<model::ReportSection>(report.body[1]);
  CHECK(round_table.titles.size() == 2);
  CHECK(round_table.blocks.size() == 2);
  CHECK(round_table.position == model::SourcePosition{12, 3});
  CHECK(std::get<model::GeneratedPart>(report.body[2]).kind() == model::ReportPart::plan_status);
  const auto& next_steps = std::get<model::ReportSection>(report.body[3]);
  CHECK(next_steps.language == model::Language::en);
  CHECK(next_steps.blocks[0].language == model::Language::en);  // inherited from the section
  CHECK(std::get<model::GeneratedPart>(report.body[6]).kind() == model::ReportPart::meetings);
}

TEST_CASE("report part names round-trip") {
  for (std::string_view name : model::report_part_names)
    CHECK(model::report_part_name(*model::parse_report_part(name)) == name);
  CHECK_FALSE(model::parse_report_part("budget"));
}

TEST_CASE("the report header keeps its order") {
  SUBCASE("a subtitle after the meeting") {
    std::string text = replace_once(minimal, "  <subtitle xml:lang=\"ja\">進捗報告書</subtitle>\n", "");
    text = replace_once(text, "  <author>", "  <subtitle xml:lang=\"ja\">進捗報告書</subtitle>\n  <author>");
    auto findings = check_report(text);
    CHECK(briefs(findings) == V{"error UCAP011 7:3"});
    CHECK(findings[0].message == "<subtitle> is out of order: it belongs before <meeting>");
    CHECK(findings[0].hint == "header order: title, subtitle, meeting, author, roster, plans");
  }
  SUBCASE("a header element after the first generated part") {
    std::string text = replace_once(minimal, "  <author>IUC-Japan</author>\n", "");
    text = replace_once(text, "  <section>\n", "  <author>IUC-Japan</author>\n  <section>\n");
    auto findings = check_report(text);
    CHECK(briefs(findings) == V{"error UCAP011 11:3"});
    CHECK(findings[0].message == "<author> is out of order: the header comes before the first <generated>");
  }
  SUBCASE("a second meeting") {
    auto findings = check_report(replace_once(minimal, "  <author>", "  <meeting n=\"4\"/>\n  <author>"));
    CHECK(briefs(findings) == V{"error UCAP013 8:3"});
    CHECK(findings[0].message == "<meeting> appears more than once; the first one is used");
  }
  SUBCASE("a missing roster is reported where it belongs, at <plans>") {
    auto findings = check_report(replace_once(minimal, "  <roster href=\"../plans/minimal-roster.xml\"/>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP012 9:3"});
    CHECK(findings[0].message == "<roster> is missing; the header needs title, meeting, roster and plans");
  }
  SUBCASE("a missing plans folder is reported at the first generated part") {
    auto findings = check_report(replace_once(minimal, "  <plans href=\"plans/\"/>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP012 10:3"});
  }
  SUBCASE("subtitle and author are optional") {
    std::string text = replace_once(minimal, "  <author>IUC-Japan</author>\n", "");
    text = replace_once(text, "  <subtitle xml:lang=\"en\">Progress Report</subtitle>\n", "");
    CHECK(check_report(replace_once(text, "  <subtitle xml:lang=\"ja\">進捗報告書</subtitle>\n", "")).empty());
  }
  SUBCASE("a missing attribute") {
    auto findings = check_report(replace_once(minimal, "<meeting n=\"3\"/>", "<meeting/>"));
    CHECK(briefs(findings) == V{"error UCAP018 7:3"});
    CHECK(findings[0].message == "<meeting> has no 'n' attribute; it is required");
  }
}

TEST_CASE("report elements out of place are named, with a suggestion") {
  SUBCASE("a misspelt generated part") {
    auto findings = check_report(replace_once(minimal, "<generated part=\"pairings\"/>", "<generate part=\"pairings\"/>"));
    CHECK(briefs(findings) == V{"error UCAP010 11:3"});
    CHECK(findings[0].message == "<generate> is not allowed inside <progress-report>");
    CHECK(findings[0].hint == "did you mean <generated>?");
  }
  SUBCASE("a misspelt attribute, and the required one then missing") {
    auto findings = check_report(replace_once(minimal, "<generated part=\"pairings\"/>", "<generated parts=\"pairings\"/>"));
    CHECK(briefs(findings) == V{"error UCAP018 11:3", "warning UCAP009 11:14"});
    CHECK(findings[1].hint == "did you mean 'part'?");
  }
  SUBCASE("text directly in the report") {
    auto findings = check_report(replace_once(minimal, "  <generated part=\"pairings\"/>", "  Pairings:"));
    CHECK(briefs(findings) == V{"error UCAP019 11:3"});
  }
  SUBCASE("content in an empty element") {
    auto findings = check_report(replace_once(minimal, "<meeting n=\"3\"/>", "<meeting n=\"3\">third <b/></meeting>"));
    CHECK(briefs(findings) == V{"error UCAP019 7:18", "error UCAP010 7:24"});
    CHECK(findings[0].hint == "<meeting> is empty; its value is in attributes");
    CHECK(findings[1].message == "<b> is not allowed inside <meeting>, which is empty");
  }
  SUBCASE("an unknown element in a section") {
    auto findings = check_report(replace_once(minimal, "<p>Meet in Tokyo.</p>", "<para>Meet in Tokyo.</para>"));
    CHECK(briefs(findings) == V{"error UCAP010 21:5"});
    CHECK(findings[0].hint == "expected <title>, <p>, <ul>, <ol>, <table>, <figure> or <note>");
  }
  SUBCASE("a section title after its text") {
    auto findings = check_report(replace_once(minimal, "    <title>Next steps</title>\n    <p>Meet in Tokyo.</p>",
                                              "    <p>Meet in Tokyo.</p>\n    <title>Next steps</title>"));
    CHECK(briefs(findings) == V{"error UCAP011 21:5"});
    CHECK(findings[0].message == "<title> is out of order: it belongs before the text of <section>");
  }
  SUBCASE("an xml:lang that is not a document language") {
    auto findings = check_report(replace_once(minimal, "<section xml:lang=\"en\">", "<section xml:lang=\"fr\">"));
    CHECK(briefs(findings).front() == "error UCAP042 19:22");
  }
  SUBCASE("a misspelt root element") {
    auto findings = check_report(replace_once(replace_once(minimal, "<progress-report ", "<progress-reprot "),
                                              "</progress-report>", "</progress-reprot>"));
    CHECK(briefs(findings) == V{"error UCAP007 2:1"});
    CHECK(findings[0].hint == "did you mean <progress-report>?");
  }
}

TEST_CASE("a plan's activity title after its text is out of order, as in the schema") {
  auto findings = test::check(replace_once(test::fixture("plans/minimal.xml"),
                                           "      <title xml:lang=\"ja\">デジタル樹木台帳</title>",
                                           "      <p>Text first.</p>\n      <title xml:lang=\"ja\">デジタル樹木台帳</title>"));
  CHECK(briefs(findings) == V{"error UCAP011 39:7"});
  CHECK(findings[0].message == "<title> is out of order: it belongs before the text of <activity>");
}

TEST_CASE("a Japanese sample report: source line breaks between Japanese characters leave no space") {
  std::string path = std::string(UCAP_SOURCE_DIR) + "/samples/reports/meeting-3.ja.xml";
  auto parsed = test::parse_text(test::read_text(path), path);
  REQUIRE(std::holds_alternative<model::ProgressReport>(parsed.document));
  const auto& report = std::get<model::ProgressReport>(parsed.document);
  const auto& first = std::get<model::ReportSection>(report.body.front());
  std::string text = model::plain_text(std::get<model::Paragraph>(first.blocks[0].content).inlines);
  CHECK(text.find("8組の都市ペアが参加している") != std::string::npos);
  CHECK(text.find("2018年に加わったブラティスラバと所沢市") != std::string::npos);
}
