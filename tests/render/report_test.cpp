// Progress reports laid out in-process (tests/fixtures/reports/status:
// Frankfurt–Yokohama has no plan, Essen–Koriyama's is invalid, the other
// two are valid): plans shown as the facts say (the facts themselves are
// tested in tests/report/), the SDG chart's marks under the right goal
// numbers, the title block and furniture.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include <unistd.h>

#include "layout/charts.h"
#include "render/engine.h"
#include "render/shared_engine.h"
#include "report/report_support.h"
#include "xml/parse.h"

using namespace ucap;

namespace {

const render::Engine& engine() { return render::testing::shared_engine(); }

using test::facts_of;
using test::report_at;
using test::status_report;

// The report's pages, from its roster and plans read as the API reads them.
layout::LaidOutDocument layout_of(const model::ProgressReport& report, model::Language language,
                                  const std::string& fallback_date = "") {
  return engine().layout_report(report, report::load_report_sources(report), language, fallback_date);
}

bool is_mark(const layout::PlacedRect& r) {
  return r.width == layout::sdg_mark_size && r.height == layout::sdg_mark_size;
}

struct Mark {
  std::string row;  // the text that opens the mark's row
  int goal = 0;     // the number printed above it
  layout::Color colour;
};

// The chart's marks: a mark belongs to the goal whose number is printed
// above its centre, and to the row label printed at its height.
std::vector<Mark> marks_of(const layout::LaidOutDocument& doc) {
  std::vector<Mark> marks;
  for (const layout::Page& page : doc.pages) {
    // The goal axis: the one baseline that holds all of "1" … "17".
    std::map<double, std::map<int, const layout::PlacedText*>> by_baseline;
    for (const auto& t : page.texts)
      if (!t.text.empty() && t.text.size() <= 2 && std::all_of(t.text.begin(), t.text.end(), ::isdigit))
        by_baseline[t.baseline_y][std::stoi(t.text)] = &t;
    std::map<int, const layout::PlacedText*> numbers;
    for (const auto& [baseline, found] : by_baseline)
      if (found.size() == 17 && found.begin()->first == 1) numbers = found;
    for (const auto& r : page.rects) {
      if (!is_mark(r)) continue;
      const double x = r.x + r.width / 2, y = r.y + r.height / 2;
      Mark mark{"", 0, r.fill};
      // The number centred over the mark starts just left of its centre
      // (half a digit or two), within a column's width.
      for (const auto& [number, text] : numbers) {
        const double before = x - text->x_positions.front();
        if (before > 0 && before < 6) mark.goal = number;
      }
      for (const auto& t : page.texts)
        if (t.x_positions.front() < r.x - 100 && std::abs(t.baseline_y - y) < 6) mark.row = t.text;
      marks.push_back(mark);
    }
  }
  return marks;
}

// The goals marked on each row, in order.
std::map<std::string, std::vector<int>> marks_by_row(const layout::LaidOutDocument& doc) {
  std::map<std::string, std::vector<int>> rows;
  for (const Mark& mark : marks_of(doc)) rows[mark.row].push_back(mark.goal);
  for (auto& [row, goals] : rows) std::sort(goals.begin(), goals.end());
  return rows;
}

std::string describe(const std::map<std::string, std::vector<int>>& rows) {
  std::string out;
  for (const auto& [row, goals] : rows) {
    out += row + ":";
    for (int goal : goals) out += " " + std::to_string(goal);
    out += "; ";
  }
  return out;
}

}  // namespace

// A copy of the status fixture's report and roster in a scratch folder,
// with a plans folder the test fills.
struct ScratchReport {
  std::filesystem::path folder = std::filesystem::temp_directory_path() / ("ucap-report-" + std::to_string(::getpid()));
  ScratchReport() {
    namespace fs = std::filesystem;
    fs::remove_all(folder);
    fs::create_directories(folder / "plans");
    const fs::path fixture = fs::path(status_report).parent_path();
    fs::copy_file(fixture / "report.xml", folder / "report.xml");
    fs::copy_file(fixture / "roster.xml", folder / "roster.xml");
  }
  ~ScratchReport() { std::filesystem::remove_all(folder); }
  void plan(const std::string& name, const std::string& text) const { std::ofstream(folder / "plans" / name) << text; }
  model::ProgressReport report() const { return report_at((folder / "report.xml").string()); }
};

bool shows(const layout::LaidOutDocument& doc, const std::string& text) {
  for (const auto& page : doc.pages)
    for (const auto& t : page.texts)
      if (t.text == text) return true;
  return false;
}

TEST_CASE("a plan that is not well-formed is found but unreadable: one error, nothing counted, listed in the annex") {
  ScratchReport scratch;
  scratch.plan("essen-koriyama.xml", "<action-plan>\n  <title>unclosed\n</action-plan>\n");
  const model::ProgressReport report = scratch.report();
  const report::ReportFacts facts = facts_of(report);
  const report::PlanFacts& broken = facts.plans[1];
  CHECK(broken.found());
  CHECK(broken.sections_total == 0);
  CHECK(broken.errors == 1);
  REQUIRE(broken.first_findings.size() == 1);
  CHECK(broken.first_findings[0].line == 3);
  CHECK(!facts.plans[0].found());
  CHECK(!facts.plans[2].found());

  const layout::LaidOutDocument doc = layout_of(report, model::Language::en);
  CHECK(shows(doc, "unreadable"));
  CHECK(doc.outline.back().title == "Essen – Koriyama: 1 error, 0 warnings");
}

TEST_CASE("a plan for no pairing of the roster (a mistyped id) is named under the status table and in the annex") {
  ScratchReport scratch;
  std::ifstream valid(std::filesystem::path(status_report).parent_path() / "plans" / "bratislava-tokorozawa.xml");
  std::string text((std::istreambuf_iterator<char>(valid)), {});
  text.replace(text.find("\"bratislava-tokorozawa\""), 23, "\"bratislava-tokorozava\"");
  scratch.plan("bratislava.xml", text);
  const model::ProgressReport report = scratch.report();
  const report::ReportFacts facts = facts_of(report);
  CHECK(!facts.plans[2].found());  // the pairing it meant shows as missing …
  REQUIRE(facts.unmatched.size() == 1);  // … and the plan is not lost
  CHECK(facts.unmatched[0].pairing.id.value == "bratislava-tokorozava");
  CHECK(facts.unmatched[0].errors >= 1);
  CHECK(facts.unmatched[0].first_findings[0].code == "UCAP050");

  const layout::LaidOutDocument doc = layout_of(report, model::Language::en);
  const std::string file = (scratch.folder / "plans" / "bratislava.xml").string();
  CHECK(doc.outline.back().title == file + ": " + std::to_string(facts.unmatched[0].errors) + " error" +
                                        (facts.unmatched[0].errors == 1 ? "" : "s") + ", 0 warnings");
}

TEST_CASE("the SDG chart marks, on each pairing's row, the goals its plan addresses, under their numbers") {
  const model::ProgressReport report = report_at(status_report);
  const layout::LaidOutDocument en = layout_of(report, model::Language::en);
  const std::map<std::string, std::vector<int>> expected_en{
      {"Essen – Koriyama", {7}}, {"Bratislava – Tokorozawa", {11, 13}}, {"Umeå – Kamakura", {11, 12, 17}}};
  CHECK(describe(marks_by_row(en)) == describe(expected_en));  // Frankfurt – Yokohama has no plan: no mark

  const layout::LaidOutDocument ja = layout_of(report, model::Language::ja);
  const std::map<std::string, std::vector<int>> expected_ja{
      {"エッセン・郡山市", {7}}, {"ブラティスラバ・所沢市", {11, 13}}, {"ウメオ・鎌倉市", {11, 12, 17}}};
  CHECK(describe(marks_by_row(ja)) == describe(expected_ja));
}

TEST_CASE("each mark has its goal's colour from the UN icons (templates/data/sdg.xml)") {
  const layout::LaidOutDocument doc = layout_of(report_at(status_report), model::Language::en);
  const std::map<int, layout::Color> un{{7, {0xFC / 255.0, 0xC3 / 255.0, 0x0B / 255.0}},
                                        {11, {0xFD / 255.0, 0x9D / 255.0, 0x24 / 255.0}},
                                        {12, {0xBF / 255.0, 0x8B / 255.0, 0x2E / 255.0}},
                                        {13, {0x3F / 255.0, 0x7E / 255.0, 0x44 / 255.0}},
                                        {17, {0x19 / 255.0, 0x48 / 255.0, 0x6A / 255.0}}};
  const std::vector<Mark> marks = marks_of(doc);
  CHECK(marks.size() == 6);
  for (const Mark& mark : marks) {
    CAPTURE(mark.goal);
    REQUIRE(un.count(mark.goal));
    CHECK(mark.colour.r == doctest::Approx(un.at(mark.goal).r));
    CHECK(mark.colour.g == doctest::Approx(un.at(mark.goal).g));
    CHECK(mark.colour.b == doctest::Approx(un.at(mark.goal).b));
  }
}

TEST_CASE("the 6th-meeting report marks the goals of all ten sample plans") {
  const model::ProgressReport report = report_at(std::string(UCAP_SOURCE_DIR) + "/samples/reports/meeting-6.en.xml");
  const report::ReportFacts facts = facts_of(report);
  const std::map<std::string, std::vector<int>> marks = marks_by_row(layout_of(report, model::Language::en));
  REQUIRE(facts.plans.size() == 10);
  std::size_t marked = 0;
  for (const report::PlanFacts& plan : facts.plans) {
    CHECK(plan.found());
    CHECK(plan.errors == 0);
    marked += plan.goals.size();
  }
  std::size_t drawn = 0;
  for (const auto& [row, goals] : marks) drawn += goals.size();
  CHECK(marks.size() == 10);
  CHECK(drawn == marked);
}

TEST_CASE("a report's title block, running header, page numbers, outline and info") {
  const model::ProgressReport report = report_at(status_report);
  const layout::LaidOutDocument doc = layout_of(report, model::Language::en, "2024-01-02");
  REQUIRE(doc.pages.size() >= 2);
  std::vector<std::string> first_page;
  for (const auto& t : doc.pages[0].texts) first_page.push_back(t.text);
  auto has = [&](const std::string& text) {
    return std::find(first_page.begin(), first_page.end(), text) != first_page.end();
  };
  CHECK(has("Exchange meeting 3 · Brussels · 11 October 2018"));
  CHECK(has("IUC-Japan, Project Coordinator"));
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    bool number = false, header = false;
    for (const auto& t : doc.pages[i].texts) {
      number |= t.text == std::to_string(i + 1) + " / " + std::to_string(doc.pages.size()) && t.baseline_y == 806;
      header |= t.text == "3rd Exchange Meeting" && t.baseline_y == 44;
    }
    CHECK_MESSAGE(number, "page ", i + 1);
    CHECK_MESSAGE(header == (i > 0), "page ", i + 1);
  }
  std::vector<std::string> outline;
  for (const auto& entry : doc.outline) outline.push_back(entry.title);
  CHECK(outline == std::vector<std::string>{"Where the programme stands", "Status of the action plans",
                                            "SDG goals addressed by the action plans", "Pairings", "Exchange meetings",
                                            "Annex: findings in the action plans",
                                            "Essen – Koriyama: 3 errors, 0 warnings"});
  CHECK(doc.info.title == "3rd Exchange Meeting");
  CHECK(doc.info.author == "IUC-Japan, Project Coordinator");
  CHECK(doc.info.language == "en");
  CHECK(doc.info.creation_date == "2018-10-11");  // the meeting's date, not the fallback
}

TEST_CASE("rendering a report twice gives the same bytes") {
  const model::ProgressReport report = report_at(status_report);
  const report::ReportSources sources = report::load_report_sources(report);
  render::RenderedPdf first = engine().render_report(report, sources, model::Language::ja, "");
  render::RenderedPdf second = engine().render_report(report, sources, model::Language::ja, "");
  REQUIRE(first.error.empty());
  CHECK(first.bytes.size() > 1000);
  CHECK(first.bytes == second.bytes);
}

TEST_CASE("a report title too long for the running header is cut there with an ellipsis, whole in the title block") {
  model::ProgressReport report = report_at(status_report);
  const std::string title =
      "3rd Exchange Meeting of the International Urban and Regional Cooperation programme between the cities and "
      "regions of the European Union and of Japan, with its study visits";
  for (model::LocalizedText& text : report.titles) text.inlines = {model::TextRun{title}};
  const layout::LaidOutDocument doc = layout_of(report, model::Language::en);
  REQUIRE(doc.pages.size() >= 2);
  std::string header;
  double right_end = 0;
  for (const auto& t : doc.pages[1].texts)
    if (t.baseline_y == 44) {
      header += t.text;
      right_end = std::max(right_end, t.x_positions.back() + t.size);
    }
  CHECK(header.size() < title.size());
  CHECK(title.rfind(header.substr(0, header.size() - std::string("…").size()), 0) == 0);
  CHECK(header.substr(header.size() - std::string("…").size()) == "…");
  CHECK(right_end <= 595.276 - 72.638 + 0.5);
  CHECK(doc.info.title == title);
}
