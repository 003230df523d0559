// Each validation rule of FORMAT.md §1–3 and its diagnostic, with the exact
// line:column a user sees, on the minimal fixture plan changed one way.
#include <doctest/doctest.h>

#include "support/check.h"
#include "validate/dates.h"

using namespace ucap;
using test::briefs;
using test::check;
using test::fixture;
using test::replace_once;
using V = std::vector<std::string>;

namespace {
const std::string minimal = fixture("plans/minimal.xml");
const std::string roster_text = fixture("plans/minimal-roster.xml");

model::Roster roster_of(const std::string& text) {
  auto parsed = test::parse_text(text, "roster.xml");
  REQUIRE(std::holds_alternative<model::Roster>(parsed.document));
  return std::get<model::Roster>(parsed.document);
}

std::string remove_section(const std::string& text, const std::string& ref) {
  std::size_t start = text.find("  <section ref=\"" + ref + "\">");
  std::size_t end = text.find("</section>\n", start) + 11;
  std::string out = text;
  return out.erase(start, end - start);
}
}  // namespace

TEST_CASE("the minimal plan and roster are clean") {
  CHECK(check(minimal).empty());
  CHECK(check(roster_text).empty());
}

TEST_CASE("every sample validates clean against the sample roster") {
  model::Roster roster = roster_of(test::read_text(std::string(UCAP_SOURCE_DIR) + "/samples/roster.xml"));
  CHECK(check(test::read_text(std::string(UCAP_SOURCE_DIR) + "/samples/roster.xml")).empty());
  for (const char* id : {"frankfurt-yokohama", "essen-koriyama", "donostia-hirosaki", "ioannina-ichinomiya",
                         "ancona-ikoma", "bratislava-tokorozawa", "grenoble-toyota", "umea-kamakura",
                         "marseille-kobe", "turku-nagano-obuse"}) {
    CAPTURE(id);
    // Named by its path: its figures' images are found beside it.
    const std::string path = std::string(UCAP_SOURCE_DIR) + "/samples/plans/" + id + ".xml";
    auto findings = test::check_as(path, test::read_text(path), &roster);
    for (const auto& d : findings) MESSAGE(format_text(d));
    CHECK(findings.empty());
  }
}

TEST_CASE("sections follow the template") {
  SUBCASE("a required section missing is reported where it belongs") {
    auto findings = check(remove_section(minimal, "risks"));
    CHECK(briefs(findings) == V{"error UCAP012 45:3"});
    CHECK(findings[0].message ==
          "section 'risks' (6. Risk analysis) is missing; it is required by template 'ucap'");
  }
  SUBCASE("the optional joint-actions section may be absent, but not empty") {
    auto findings = check(replace_once(minimal, "</action-plan>", "  <section ref=\"joint-actions\"/>\n</action-plan>"));
    CHECK(briefs(findings) == V{"error UCAP016 57:3"});
  }
  SUBCASE("swapped sections") {
    std::string text = replace_once(minimal, "<section ref=\"objectives\">", "<section ref=\"TMP\">");
    text = replace_once(text, "<section ref=\"context\">", "<section ref=\"objectives\">");
    text = replace_once(text, "<section ref=\"TMP\">", "<section ref=\"context\">");
    auto findings = check(text);
    CHECK(briefs(findings) == V{"error UCAP015 27:3"});
  }
  SUBCASE("an unknown ref suggests the nearest and is not also reported missing") {
    auto findings = check(replace_once(minimal, "ref=\"follow-up\"", "ref=\"folow-up\""));
    CHECK(briefs(findings) == V{"error UCAP014 51:17"});
    CHECK(findings[0].hint == "did you mean 'follow-up'?");
  }
  SUBCASE("a duplicated section") {
    auto findings = check(replace_once(minimal, "</action-plan>",
                                       "  <section ref=\"inputs\"><p>again</p></section>\n</action-plan>"));
    CHECK(briefs(findings) == V{"error UCAP013 57:17"});
  }
  SUBCASE("activities needs at least one activity") {
    std::string text = replace_once(minimal, "<activity id=\"tree-inventory\"", "<!--");
    text = replace_once(text, "</activity>", "-->");
    text = replace_once(text, "    <!--", "    <p>Nothing yet.</p><!--");
    CHECK(briefs(check(text)) == V{"error UCAP017 35:3"});
  }
  SUBCASE("an activity outside the activities section") {
    auto findings = check(replace_once(minimal, "<p xml:lang=\"en\">Inputs.</p>",
                                       "<p xml:lang=\"en\">Inputs.</p><activity id=\"x\" start=\"2020-01\" end=\"2020-02\">"
                                       "<title xml:lang=\"en\">X</title><title xml:lang=\"ja\">X</title></activity>"));
    CHECK(briefs(findings) == V{"error UCAP019 32:33"});
    CHECK(findings[0].hint == "it belongs in section 'activities'");
  }
  SUBCASE("unknown template and version") {
    auto findings = check(replace_once(minimal, "template=\"ucap\" version=\"1\"", "template=\"ucapp\" version=\"2\""));
    CHECK(briefs(findings) == V{"error UCAP020 2:24"});
  }
}

TEST_CASE("SDG goals and targets are checked against the UN list") {
  CHECK(test::rules().sdgs().goals.size() == 17);
  CHECK(test::rules().sdgs().target_count() == 169);
  SUBCASE("a target that does not exist, with the goal's valid targets") {
    auto findings = check(replace_once(minimal, "<target id=\"11.7\"/>", "<target id=\"11.8\"/>"));
    CHECK(briefs(findings) == V{"error UCAP031 16:17"});
    CHECK(findings[0].message == "SDG target '11.8' does not exist (goal 11 has targets 11.1–11.7, 11.a–11.c)");
  }
  SUBCASE("lettered targets") {
    CHECK(check(replace_once(minimal, "\"11.7\"", "\"11.b\"")).empty());
    CHECK(briefs(check(replace_once(minimal, "\"11.7\"", "\"11.d\""))) == V{"error UCAP031 16:17"});
    CHECK(check(replace_once(minimal, "\"11.7\"", "\"17.19\"")).empty());
  }
  SUBCASE("a goal that does not exist") {
    CHECK(briefs(check(replace_once(minimal, "<goal id=\"13\"/>", "<goal id=\"18\"/>"))) == V{"error UCAP030 17:15"});
  }
  SUBCASE("no SDG at all") {
    std::string text = replace_once(minimal, "    <target id=\"11.7\"/>\n    <goal id=\"13\"/>\n", "");
    CHECK(briefs(check(text)) == V{"error UCAP032 15:3"});
  }
}

TEST_CASE("dates, activity ids and periods") {
  SUBCASE("issued must exist") {
    CHECK(briefs(check(replace_once(minimal, "2019-11-15", "2019-02-29"))) == V{"error UCAP033 14:11"});
    CHECK(check(replace_once(minimal, "2019-11-15", "2020-02-29")).empty());
  }
  SUBCASE("end before start, at the end attribute") {
    auto findings = check(replace_once(minimal, "start=\"2020-01\" end=\"2020-12\"", "start=\"2021-01\" end=\"2020-12\""));
    CHECK(briefs(findings) == V{"error UCAP034 36:56"});
  }
  SUBCASE("a month-only end covers its whole month") {
    CHECK(check(replace_once(minimal, "start=\"2020-01\" end=\"2020-12\"", "start=\"2020-12-31\" end=\"2020-12\"")).empty());
  }
  SUBCASE("malformed start") {
    CHECK(briefs(check(replace_once(minimal, "start=\"2020-01\"", "start=\"2020-13\""))) == V{"error UCAP033 36:42"});
  }
  SUBCASE("duplicate activity id") {
    std::string text = replace_once(minimal, "    </activity>\n  </section>",
                                    "    </activity>\n    <activity id=\"tree-inventory\" start=\"2020-01\" end=\"2020-02\">"
                                    "<title xml:lang=\"en\">B</title><title xml:lang=\"ja\">B</title></activity>\n  </section>");
    auto findings = check(text);
    CHECK(briefs(findings) == V{"error UCAP035 40:19"});
    CHECK(findings[0].message == "activity id 'tree-inventory' is already used at line 36");
  }
  SUBCASE("budget and currency") {
    CHECK(briefs(check(replace_once(minimal, "budget=\"45000\"", "budget=\"45,000\""))) == V{"error UCAP044 36:73"});
    CHECK(briefs(check(replace_once(minimal, "currency=\"EUR\"", "currency=\"EUX\""))) == V{"error UCAP037 36:90"});
    CHECK(briefs(check(replace_once(minimal, " currency=\"EUR\"", ""))) == V{"warning UCAP046 36:73"});
  }
  SUBCASE("non-numbers that std::from_chars reads are not budgets") {
    for (const char* budget : {"Infinity", "inf", "INF", "nan", "1e30", "-0", "+5", "1.", ".5", "0x10",
                               "1000000000000000"}) {
      CAPTURE(budget);
      auto findings = check(replace_once(minimal, "budget=\"45000\"", std::string("budget=\"") + budget + "\""));
      CHECK(briefs(findings) == V{"error UCAP044 36:73"});
      CHECK(findings.at(0).message == std::string("budget '") + budget + "' is not an amount");
    }
    for (const char* budget : {"0", "45000.50", "007", "999999999999999"})
      CHECK(check(replace_once(minimal, "budget=\"45000\"", std::string("budget=\"") + budget + "\"")).empty());
  }
}

TEST_CASE("enumerated values, codes and the pairing") {
  SUBCASE("likelihood with a suggestion") {
    auto findings = check(replace_once(minimal, "likelihood=\"medium\"", "likelihood=\"meduim\""));
    CHECK(briefs(findings) == V{"error UCAP036 46:23"});
    CHECK(findings[0].hint == "did you mean 'medium'?");
  }
  SUBCASE("impact") { CHECK(briefs(check(replace_once(minimal, "impact=\"high\"", "impact=\"huge\""))) == V{"error UCAP036 46:39"}); }
  SUBCASE("country code") {
    auto findings = check(replace_once(minimal, "country=\"SK\"", "country=\"sk\""));
    CHECK(briefs(findings) == V{"error UCAP038 6:30"});
    CHECK(findings[0].hint == "country codes are upper case: 'SK'");
  }
  SUBCASE("pairing id shape") {
    CHECK(briefs(check(replace_once(minimal, "id=\"bratislava-tokorozawa\"", "id=\"Bratislava_Tokorozawa\""))) ==
          V{"error UCAP039 5:16"});
  }
  SUBCASE("two cities on one side, none on the other") {
    auto findings = check(replace_once(minimal, "<city side=\"jp\"", "<city side=\"eu\""));
    CHECK(briefs(findings) == V{"error UCAP012 5:3", "error UCAP013 7:5"});
  }
  SUBCASE("since must be YYYY-MM") {
    CHECK(briefs(check(replace_once(minimal, "since=\"2018-10\"", "since=\"2018-10-01\""))) == V{"error UCAP033 5:72"});
  }
}

TEST_CASE("language completeness") {
  SUBCASE("a missing Japanese title is an error at the English one") {
    auto findings = check(replace_once(minimal, "  <title xml:lang=\"ja\">ブラティスラバのグリーンインフラ</title>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP041 3:3"});
  }
  SUBCASE("a paragraph without its English counterpart is a warning") {
    auto findings = check(replace_once(minimal, "    <p xml:lang=\"en\">Context.</p>\n", ""));
    REQUIRE(briefs(findings) == V{"warning UCAP040 28:5"});
    CHECK(findings[0].message == "<p xml:lang=\"ja\"> has no English counterpart");
  }
  SUBCASE("an activity title in one language only") {
    auto findings = check(replace_once(minimal, "      <title xml:lang=\"ja\">デジタル樹木台帳</title>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP041 37:7"});
  }
  SUBCASE("a city name missing") {
    auto findings = check(replace_once(minimal, "<name xml:lang=\"ja\">所沢市</name>", ""));
    CHECK(briefs(findings) == V{"error UCAP041 7:34"});
  }
  SUBCASE("an English-only plan needs no Japanese") {
    std::string text = replace_once(minimal, "languages=\"en ja\"", "languages=\"en\"");
    auto findings = check(text);
    // Japanese elements are allowed but never rendered: one warning each.
    CHECK(findings.size() == 12);
    for (const auto& d : findings) CHECK(d.code == "UCAP043");
  }
  SUBCASE("a bad languages attribute") {
    CHECK(briefs(check(replace_once(minimal, "languages=\"en ja\"", "languages=\"en de\"")))[0] == "error UCAP021 2:53");
  }
}

TEST_CASE("the roster: the plan's pairing exists there and its cities match") {
  model::Roster roster = roster_of(roster_text);
  CHECK(check(minimal, &roster).empty());
  SUBCASE("unknown pairing with a suggestion") {
    auto findings = check(replace_once(minimal, "id=\"bratislava-tokorozawa\"", "id=\"bratislava-tokorozava\""), &roster);
    CHECK(briefs(findings) == V{"error UCAP050 5:16"});
    CHECK(findings[0].hint == "did you mean 'bratislava-tokorozawa'?");
  }
  SUBCASE("a city name that differs") {
    auto findings = check(replace_once(minimal, ">所沢市<", ">所沢<"), &roster);
    CHECK(briefs(findings) == V{"error UCAP051 7:71"});
  }
  SUBCASE("a country that differs") {
    CHECK(briefs(check(replace_once(minimal, "country=\"SK\"", "country=\"CZ\""), &roster)) == V{"error UCAP051 6:30"});
  }
}

TEST_CASE("roster rules") {
  SUBCASE("duplicate pairing and meeting, bad date and status") {
    std::string text = replace_once(roster_text, "  <meeting n=\"3\" city=\"Brussels\" date=\"2018-10-11\"/>",
                                     "  <meeting n=\"3\" city=\"Brussels\" date=\"2018-10-32\"/>\n"
                                     "  <meeting n=\"3\" city=\"Tokyo\" status=\"cancelled\"/>");
    CHECK(briefs(check(text)) == V{"error UCAP033 11:40", "error UCAP013 12:15", "error UCAP036 12:39"});
  }
  SUBCASE("a topic in one language only") {
    auto findings = check(replace_once(roster_text, "      <topic xml:lang=\"ja\">グリーンインフラ</topic>\n", ""));
    CHECK(briefs(findings) == V{"error UCAP041 7:7"});
  }
}

TEST_CASE("dates") {
  using validate::DateForm;
  CHECK(validate::parse_date("2024-02-29", DateForm::day_only));
  CHECK_FALSE(validate::parse_date("2023-02-29", DateForm::day_only));
  CHECK_FALSE(validate::parse_date("2023-04-31", DateForm::day_only));
  CHECK_FALSE(validate::parse_date("2023-04", DateForm::day_only));
  CHECK(validate::parse_date("2023-04", DateForm::month_only));
  CHECK_FALSE(validate::parse_date("2023-4-01", DateForm::month_or_day));
  auto a = *validate::parse_date("2020-12", DateForm::month_or_day);
  auto b = *validate::parse_date("2020-12-31", DateForm::month_or_day);
  CHECK(a.ordinal(true) == b.ordinal(false));
  CHECK(a.ordinal(false) + 30 == a.ordinal(true));
}

TEST_CASE("CDATA where text is not allowed gets the finding plain text gets, at its <![CDATA[") {
  // Line 32 is "    <p xml:lang=\"en\">Inputs.</p>"; the block goes after it, at column 33.
  const auto after_inputs = [](const std::string& block) {  // the errors (the block has no Japanese: UCAP040)
    std::vector<Diagnostic> errors;
    for (Diagnostic& d :
         check(replace_once(minimal, "<p xml:lang=\"en\">Inputs.</p>", "<p xml:lang=\"en\">Inputs.</p>" + block)))
      if (d.severity == Severity::error) errors.push_back(std::move(d));
    return errors;
  };
  for (const char* text : {"lost", "<![CDATA[lost]]>"}) {
    CAPTURE(text);
    const std::string t(text);
    CHECK(briefs(after_inputs("<ul xml:lang=\"en\">" + t + "<li>x</li></ul>")) == V{"error UCAP019 32:51"});
    CHECK(briefs(after_inputs("<ol xml:lang=\"en\"><li>x</li>" + t + "</ol>")) == V{"error UCAP019 32:61"});
    CHECK(briefs(after_inputs("<table xml:lang=\"en\">" + t + "<tr><td>x</td></tr></table>")) == V{"error UCAP019 32:54"});
    CHECK(briefs(after_inputs("<table xml:lang=\"en\"><tr>" + t + "<td>x</td></tr></table>")) == V{"error UCAP019 32:58"});
    CHECK(briefs(after_inputs("<table xml:lang=\"en\"><tbody>" + t + "<tr><td>x</td></tr></tbody></table>")) ==
          V{"error UCAP019 32:61"});
    CHECK(briefs(after_inputs("<figure xml:lang=\"en\">" + t + "<img src=\"x.png\"/></figure>")).at(0) ==
          "error UCAP019 32:55");
  }
}

TEST_CASE("an empty title, name or organisation is an error at it") {
  auto findings = check(replace_once(minimal, "<title xml:lang=\"en\">Green Infrastructure for Bratislava</title>",
                                     "<title xml:lang=\"en\">  </title>"));
  CHECK(briefs(findings) == V{"error UCAP016 3:3"});
  CHECK(findings.at(0).message == "<title xml:lang=\"en\"> is empty");
  CHECK(briefs(check(replace_once(minimal, "<title xml:lang=\"ja\">デジタル樹木台帳</title>", "<title xml:lang=\"ja\"/>"))) ==
        V{"error UCAP016 38:7"});
  CHECK(briefs(check(replace_once(minimal, "<name xml:lang=\"en\">Tokorozawa</name>", "<name xml:lang=\"en\"></name>"))) ==
        V{"error UCAP016 7:34"});
}

TEST_CASE("a title longer than a PDF string can hold is a warning at it; a link too long, too") {
  const std::string long_title(40'000, 'x');
  auto findings = check(replace_once(minimal, "Digital tree inventory", long_title));
  CHECK(briefs(findings) == V{"warning UCAP047 37:7"});
  CHECK(findings.at(0).message == "<title> is 40000 UTF-16 units long; the PDF's outline and document info hold at "
                                  "most 32766: it is cut there");
  CHECK(check(replace_once(minimal, "Digital tree inventory", std::string(32'766, 'x'))).empty());
  const std::string long_link = "<a href=\"https://example.org/" + std::string(70'000, 'a') + "\">trees</a>";
  auto link = check(replace_once(minimal, "More trees, fewer floods.", long_link));
  CHECK(briefs(link) == V{"warning UCAP047 20:31"});
}

TEST_CASE("U+2028, U+2029 and U+0085 are white space like a line end, not characters") {
  const auto text_of_summary = [](const std::string& words) {
    auto parsed = test::parse_text(replace_once(minimal, "More trees, fewer floods.", words));
    const model::ActionPlan& plan = std::get<model::ActionPlan>(parsed.document);
    return model::plain_text(std::get<model::Paragraph>(plan.summary.at(0).content).inlines);
  };
  CHECK(text_of_summary("More trees,\u2028fewer floods.") == "More trees, fewer floods.");
  CHECK(text_of_summary("More trees.\u2029Fewer floods.\u0085") == "More trees. Fewer floods.");
  CHECK(text_of_summary("木を\u2028増やす") == "木を増やす");  // a line end between Japanese is no space
}
