// Each validation rule for progress reports (FORMAT.md §4) and its
// diagnostic, with the exact line:column, on the minimal report fixture
// changed one way; and the sources a report is computed from.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "support/check.h"
#include "report/report_sources.h"
#include "support/scratch.h"

using namespace ucap;
using test::briefs;
using test::replace_once;
using V = std::vector<std::string>;

namespace {
const std::string reports_dir = std::string(UCAP_TEST_DIR) + "/fixtures/reports";
const std::string report_file = reports_dir + "/minimal.xml";
const std::string minimal = test::read_text(report_file);
const std::string roster_href = "<roster href=\"../plans/minimal-roster.xml\"/>";

std::vector<Diagnostic> check_report(const std::string& text) { return test::check_as(report_file, text); }

std::vector<Diagnostic> with_roster(const std::string& href) {
  return check_report(replace_once(minimal, roster_href, "<roster href=\"" + href + "\"/>"));
}

std::vector<Diagnostic> with_plans(const std::string& href) {
  return check_report(replace_once(minimal, "<plans href=\"plans/\"/>", "<plans href=\"" + href + "\"/>"));
}

model::ProgressReport parse_report(const std::string& path) {
  auto parsed = test::parse_text(test::read_text(path), path);
  REQUIRE(std::holds_alternative<model::ProgressReport>(parsed.document));
  return std::get<model::ProgressReport>(parsed.document);
}

// A folder that exists only for one test.
struct TemporaryFolder {
  std::filesystem::path path;
  explicit TemporaryFolder(const std::string& name)
      : path(ucap::test::scratch_path(name)) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path); }
};
}  // namespace

TEST_CASE("the minimal report is clean, although its plans folder holds broken plans") {
  for (const auto& d : check_report(minimal)) MESSAGE(format_text(d));
  CHECK(check_report(minimal).empty());
}

TEST_CASE("every sample report validates clean") {
  for (const char* name : {"meeting-3.en.xml", "meeting-3.ja.xml", "meeting-6.en.xml", "meeting-6.ja.xml"}) {
    CAPTURE(name);
    std::string path = std::string(UCAP_SOURCE_DIR) + "/samples/reports/" + name;
    auto findings = test::check_as(path, test::read_text(path));
    for (const auto& d : findings) MESSAGE(format_text(d));
    CHECK(findings.empty());
  }
}

TEST_CASE("template and version") {
  SUBCASE("a plan template on a report") {
    auto findings = check_report(replace_once(minimal, "template=\"progress-report\"", "template=\"ucap\""));
    CHECK(briefs(findings) == V{"error UCAP020 2:28"});
    CHECK(findings[0].message == "template 'ucap' is not a progress-report template");
    CHECK(findings[0].hint == "progress reports use template=\"progress-report\"");
  }
  SUBCASE("an unsupported version") {
    auto findings = check_report(replace_once(minimal, "version=\"1\"", "version=\"2\""));
    CHECK(briefs(findings) == V{"error UCAP020 2:54"});
  }
}

TEST_CASE("languages: titles in every language, counterparts for the rest") {
  SUBCASE("the report title missing in Japanese") {
    auto findings = check_report(replace_once(minimal, "  <title xml:lang=\"ja\">第3回交流会議</title>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP041 3:3"});
    CHECK(findings[0].message == "no Japanese <title>: it is required in every declared language");
  }
  SUBCASE("a section title missing in Japanese") {
    auto findings = check_report(replace_once(minimal, "    <title xml:lang=\"ja\">円卓討議</title>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP041 13:5"});
  }
  SUBCASE("a section in one language needs its title in that language only") {
    auto findings = check_report(replace_once(minimal, "    <title>Next steps</title>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP041 19:3"});
    CHECK(findings[0].message == "no English <title>: it is required in every declared language");
  }
  SUBCASE("an English section without its Japanese counterpart") {
    std::string text = replace_once(minimal, "  <section xml:lang=\"ja\">\n    <title>今後の予定</title>\n    <p>東京で会う。</p>\n  </section>\n", "");
    auto findings = check_report(text);
    CHECK(briefs(findings) == V{"warning UCAP040 19:3"});
    CHECK(findings[0].message == "<section xml:lang=\"en\"> has no Japanese counterpart");
  }
  SUBCASE("a subtitle in English only") {
    auto findings = check_report(replace_once(minimal, "  <subtitle xml:lang=\"ja\">進捗報告書</subtitle>\n", ""));
    CHECK(briefs(findings) == V{"warning UCAP040 5:3"});
  }
  SUBCASE("a paragraph without its counterpart inside a section") {
    auto findings = check_report(replace_once(minimal, "    <p xml:lang=\"ja\">学んだこと。</p>\n", ""));
    CHECK(briefs(findings) == V{"warning UCAP040 15:5"});
  }
  SUBCASE("a generated part in one language only") {
    auto findings = check_report(replace_once(minimal, "<generated part=\"meetings\"/>",
                                              "<generated part=\"meetings\" xml:lang=\"en\"/>"));
    CHECK(briefs(findings) == V{"warning UCAP040 28:3"});
  }
  SUBCASE("an element in a language the report does not declare") {
    std::string text = replace_once(minimal, "languages=\"en ja\"", "languages=\"en\"");
    text = replace_once(text, "  <title xml:lang=\"ja\">第3回交流会議</title>\n", "");
    auto findings = check_report(text);
    REQUIRE(!findings.empty());
    CHECK(briefs(findings)[0] == "warning UCAP043 5:3");
  }
}

TEST_CASE("generated parts") {
  SUBCASE("a part not in the list, with a suggestion") {
    auto findings = check_report(replace_once(minimal, "part=\"plan-status\"", "part=\"plan-statu\""));
    CHECK(briefs(findings) == V{"error UCAP036 18:20"});
    CHECK(findings[0].message == "part 'plan-statu' is not one of pairings, plan-status, sdg-coverage, meetings");
    CHECK(findings[0].hint == "did you mean 'plan-status'?");
  }
  SUBCASE("a part listed twice is a warning") {
    auto findings = check_report(replace_once(minimal, "part=\"meetings\"", "part=\"pairings\""));
    CHECK(briefs(findings) == V{"warning UCAP013 28:20"});
    CHECK(findings[0].message == "generated part 'pairings' is listed twice (first at line 11)");
    CHECK(findings[0].hint == "it would appear twice; remove one, or give each its own xml:lang");
  }
  SUBCASE("one per language is not twice") {
    std::string text = replace_once(minimal, "<generated part=\"meetings\"/>",
                                    "<generated part=\"meetings\" xml:lang=\"en\"/>\n  "
                                    "<generated part=\"meetings\" xml:lang=\"ja\"/>");
    CHECK(check_report(text).empty());
  }
  SUBCASE("a language-neutral part and a Japanese one are twice in Japanese") {
    std::string text = replace_once(minimal, "<generated part=\"meetings\"/>",
                                    "<generated part=\"meetings\"/>\n  <generated part=\"meetings\" xml:lang=\"ja\"/>");
    // … and the Japanese one lacks an English counterpart.
    CHECK(briefs(check_report(text)) == V{"warning UCAP040 29:3", "warning UCAP013 29:20"});
  }
}

TEST_CASE("the meeting is one of the roster's") {
  SUBCASE("not a number") {
    auto findings = check_report(replace_once(minimal, "<meeting n=\"3\"/>", "<meeting n=\"third\"/>"));
    CHECK(briefs(findings) == V{"error UCAP044 7:15", "error UCAP073 7:15"});
  }
  SUBCASE("not in the roster, with the roster's meetings as a hint") {
    auto findings = check_report(replace_once(minimal, "<meeting n=\"3\"/>", "<meeting n=\"7\"/>"));
    CHECK(briefs(findings) == V{"error UCAP073 7:15"});
    CHECK(findings[0].message == "meeting 7 is not in the roster " + std::string(UCAP_TEST_DIR) +
                                     "/fixtures/plans/minimal-roster.xml");
    CHECK(findings[0].hint == "the roster lists meetings 3");
  }
}

TEST_CASE("the roster the report names") {
  SUBCASE("missing") {
    auto findings = with_roster("../roster.xml");
    CHECK(briefs(findings) == V{"error UCAP070 9:17"});
    CHECK(findings[0].message == "cannot read the roster '../roster.xml': file does not exist");
    CHECK(findings[0].hint == "looked for " + std::string(UCAP_TEST_DIR) +
                                  "/fixtures/roster.xml; the href is relative to the report's folder");
  }
  SUBCASE("a folder") {
    auto findings = with_roster("plans/");
    CHECK(briefs(findings) == V{"error UCAP070 9:17"});
    CHECK(findings[0].message == "cannot read the roster 'plans/': is a directory, not a file");
  }
  SUBCASE("empty") {
    auto findings = with_roster("");
    CHECK(briefs(findings) == V{"error UCAP070 9:17"});
    CHECK(findings[0].message == "<roster href=\"\"> names nothing");
  }
  SUBCASE("a roster with errors is one finding at the href, naming the roster and its first error") {
    auto findings = with_roster("roster-with-errors.xml");
    CHECK(briefs(findings) == V{"error UCAP072 9:17"});
    CHECK(findings[0].message == "the roster " + reports_dir +
                                     "/roster-with-errors.xml has 2 errors (first: 5:18: pairing id "
                                     "'Bratislava-Tokorozawa' is not of the form eu-city-jp-city)");
    CHECK(findings[0].hint == "run 'ucap validate " + reports_dir + "/roster-with-errors.xml' to see them all");
  }
  SUBCASE("a file that is not XML") {
    auto findings = with_roster("plans/notes.txt");
    CHECK(briefs(findings) == V{"error UCAP072 9:17"});
    CHECK(findings[0].message.find("has 1 error (first: 2:1: not well-formed XML") != std::string::npos);
  }
  SUBCASE("a plan instead of a roster") {
    auto findings = with_roster("../plans/minimal.xml");
    CHECK(briefs(findings) == V{"error UCAP053 9:17"});
    CHECK(findings[0].message ==
          "'../plans/minimal.xml' (" + std::string(UCAP_TEST_DIR) + "/fixtures/plans/minimal.xml) is not a <roster>");
  }
}

TEST_CASE("the plans folder the report names") {
  SUBCASE("missing") {
    auto findings = with_plans("../no-plans/");
    CHECK(briefs(findings) == V{"error UCAP071 10:16"});
    CHECK(findings[0].message == "the plans folder '../no-plans/' does not exist");
  }
  SUBCASE("a file") {
    auto findings = with_plans("minimal.xml");
    CHECK(briefs(findings) == V{"error UCAP071 10:16"});
    CHECK(findings[0].message == "'minimal.xml' is a file, not a folder of plans");
  }
  SUBCASE("empty href") {
    CHECK(briefs(with_plans("")) == V{"error UCAP071 10:16"});
  }
  SUBCASE("a folder with no plan is a warning") {
    TemporaryFolder root("empty-plans");
    std::filesystem::create_directories(root.path / "reports" / "empty");
    std::filesystem::create_directories(root.path / "plans");
    std::filesystem::copy_file(std::string(UCAP_TEST_DIR) + "/fixtures/plans/minimal-roster.xml",
                               root.path / "plans" / "minimal-roster.xml");
    auto findings = test::check_as((root.path / "reports" / "minimal.xml").string(),
                                   replace_once(minimal, "<plans href=\"plans/\"/>", "<plans href=\"empty/\"/>"));
    CHECK(briefs(findings) == V{"warning UCAP074 10:16"});
  }
}

TEST_CASE("a report's hrefs stay below its root, the folder above the report's folder") {
  const std::string hint =
      "write a path relative to the report's folder that stays within the folder above it, e.g. href=\"../roster.xml\"";
  SUBCASE("an absolute roster is not read, even one that exists") {
    auto findings = with_roster(std::string(UCAP_TEST_DIR) + "/fixtures/plans/minimal-roster.xml");
    CHECK(briefs(findings) == V{"error UCAP075 9:17"});
    CHECK(findings[0].message == "<roster href=\"" + std::string(UCAP_TEST_DIR) +
                                     "/fixtures/plans/minimal-roster.xml\"> is an absolute path; it is not read");
    CHECK(findings[0].hint == hint);
  }
  SUBCASE("/dev/stdin") {
    auto findings = with_roster("/dev/stdin");
    CHECK(briefs(findings) == V{"error UCAP075 9:17"});
  }
  SUBCASE("'..' beyond the root, even back into it") {
    auto findings = with_roster("../../fixtures/plans/minimal-roster.xml");
    CHECK(briefs(findings) == V{"error UCAP075 9:17"});
    CHECK(findings[0].message == "<roster href=\"../../fixtures/plans/minimal-roster.xml\"> leaves the folder above "
                                 "the report's folder; it is not read");
  }
  SUBCASE("a URL") {
    auto findings = with_roster("file:///etc/roster.xml");
    CHECK(briefs(findings) == V{"error UCAP075 9:17"});
    CHECK(findings[0].message == "<roster href=\"file:///etc/roster.xml\"> is a URL or drive, not a path; it is not read");
  }
  SUBCASE("the plans folder: absolute, or up two levels") {
    CHECK(briefs(with_plans("/etc/")) == V{"error UCAP075 10:16"});
    CHECK(briefs(with_plans("../../")) == V{"error UCAP075 10:16"});
    CHECK(briefs(with_plans("plans/../../plans/")) == V{});  // up to the root, tests/fixtures, and down
  }
}

TEST_CASE("a report never opens a pipe or a device it names") {
  TemporaryFolder root("report-fifo");
  std::filesystem::create_directories(root.path / "reports");
  REQUIRE(::mkfifo((root.path / "reports" / "roster.xml").c_str(), 0600) == 0);
  const std::string report = (root.path / "reports" / "minimal.xml").string();
  // Reading the FIFO would block here for ever: no writer ever comes.
  auto findings = test::check_as(report, replace_once(minimal, roster_href, "<roster href=\"roster.xml\"/>"));
  REQUIRE(!findings.empty());
  CHECK(test::brief(findings[0]) == "error UCAP070 9:17");
  CHECK(findings[0].message == "the roster 'roster.xml' is not a regular file (a pipe or a device); it is not read");
}

TEST_CASE("the sources of a report: its roster and its plan files, sorted") {
  SUBCASE("hrefs are relative to the report's folder") {
    CHECK(report::resolve_href("samples/reports/meeting-3.en.xml", "../roster.xml") == "samples/roster.xml");
    CHECK(report::resolve_href("samples/reports/meeting-3.en.xml", "../plans/") == "samples/plans/");
    CHECK(report::resolve_href("report.xml", "../roster.xml") == "../roster.xml");
    CHECK(report::resolve_href("reports/report.xml", "/data/roster.xml") == "/data/roster.xml");
  }
  SUBCASE("the fixture: a clean roster; every *.xml plan listed, however broken; other files left out") {
    report::ReportSources sources = report::load_report_sources(parse_report(report_file));
    CHECK(sources.findings.empty());
    REQUIRE(sources.roster);
    CHECK(sources.roster->meetings.size() == 1);
    CHECK(report::roster_findings(sources, test::rules()).empty());
    CHECK(sources.plans_path == reports_dir + "/plans/");
    CHECK(sources.plan_files == std::vector<std::string>{reports_dir + "/plans/a-not-well-formed.xml",
                                                         reports_dir + "/plans/b-empty-plan.xml"});
  }
  SUBCASE("the samples: the sample roster and the ten sample plans in name order") {
    std::string path = std::string(UCAP_SOURCE_DIR) + "/samples/reports/meeting-6.ja.xml";
    report::ReportSources sources = report::load_report_sources(parse_report(path));
    CHECK(sources.findings.empty());
    REQUIRE(sources.roster);
    CHECK(sources.roster->meetings.size() == 6);
    REQUIRE(sources.plan_files.size() == 10);
    CHECK(sources.plan_files.front() == std::string(UCAP_SOURCE_DIR) + "/samples/plans/ancona-ikoma.xml");
    CHECK(sources.plan_files.back() == std::string(UCAP_SOURCE_DIR) + "/samples/plans/umea-kamakura.xml");
  }
  SUBCASE("a roster with errors is still loaded, with its findings") {
    std::string text = replace_once(minimal, roster_href, "<roster href=\"roster-with-errors.xml\"/>");
    auto parsed = test::parse_text(text, report_file);
    auto sources = report::load_report_sources(std::get<model::ProgressReport>(parsed.document));
    REQUIRE(sources.roster);
    CHECK(briefs(report::roster_findings(sources, test::rules())) == V{"error UCAP039 5:18", "error UCAP033 10:40"});
  }
}
