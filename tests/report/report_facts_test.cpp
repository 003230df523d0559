// A progress report's sources and facts (tests/fixtures/reports/status:
// Frankfurt–Yokohama has no plan, Essen–Koriyama's is invalid, the other
// two are valid): each plan found, validated and counted; budgets as the
// status table shows them; meetings' status as of the report's meeting.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/roster.h"
#include "report/report_support.h"

using namespace ucap;

using test::facts_of;
using test::report_at;
using test::status_report;

TEST_CASE("the sources: the roster and every plan of the folder, each read once into one object") {
  const report::ReportSources sources = report::load_report_sources(report_at(status_report));
  REQUIRE(sources.roster);
  CHECK(sources.roster->meetings.size() == 3);
  CHECK(sources.roster_diagnostics.empty());
  // Frankfurt–Yokohama has no file; the three others are parsed, in name order.
  REQUIRE(sources.plans.size() == 3);
  REQUIRE(sources.plan_files.size() == 3);
  for (std::size_t i = 0; i < sources.plans.size(); ++i) {
    CHECK(sources.plans[i].path == sources.plan_files[i]);
    CHECK(sources.plans[i].plan.has_value());
  }
  CHECK(sources.plans[0].plan->pairing->id.value == "bratislava-tokorozawa");
}

TEST_CASE("a report without a usable roster reads no plan and has no facts") {
  model::ProgressReport report = report_at(status_report);
  report.roster_href.value = "no-such-roster.xml";
  const report::ReportSources sources = report::load_report_sources(report);
  CHECK(!sources.roster);
  CHECK(sources.plan_files.size() == 3);
  CHECK(sources.plans.empty());
  REQUIRE(sources.findings.size() == 1);
  CHECK(sources.findings[0].code == "UCAP070");
  CHECK(!report::gather_report_facts(report, sources, test::rules()));
}

TEST_CASE("each pairing's plan is found, validated and counted; a missing or invalid one says so") {
  const report::ReportFacts facts = facts_of(report_at(status_report));
  REQUIRE(facts.plans.size() == 4);
  REQUIRE(facts.meeting);
  CHECK(facts.meeting->date.value == "2018-10-11");

  const report::PlanFacts& missing = facts.plans[0];
  CHECK(missing.pairing.id.value == "frankfurt-yokohama");
  CHECK(!missing.found());
  CHECK(missing.sections_total == 0);

  const report::PlanFacts& invalid = facts.plans[1];
  CHECK(invalid.pairing.id.value == "essen-koriyama");
  CHECK(invalid.found());
  CHECK(invalid.sections_complete == 6);  // no risks; joint actions optional and absent
  CHECK(invalid.sections_total == 8);
  CHECK(invalid.errors == 3);
  CHECK(invalid.warnings == 0);
  REQUIRE(invalid.first_findings.size() == 3);
  CHECK(invalid.first_findings[0].code == "UCAP031");
  CHECK(invalid.first_findings[0].line == 18);
  CHECK(invalid.first_findings[0].column == 17);
  CHECK(invalid.batch == "1");
  CHECK(invalid.year == "2017");

  const report::PlanFacts& valid = facts.plans[2];
  CHECK(valid.pairing.id.value == "bratislava-tokorozawa");
  CHECK(valid.sections_complete == 7);
  CHECK(valid.activities == 1);
  CHECK(valid.budgets == std::vector<std::pair<std::string, std::string>>{{"EUR", "45000"}});
  CHECK(valid.sdg_ids == std::vector<std::string>{"11.7", "13"});
  CHECK(valid.goals == std::set<unsigned>{11, 13});
  CHECK(valid.errors == 0);
  CHECK(valid.first_findings.empty());

  const report::PlanFacts& two_currencies = facts.plans[3];
  CHECK(two_currencies.sections_complete == 8);
  CHECK(two_currencies.activities == 3);
  CHECK(two_currencies.budgets ==
        std::vector<std::pair<std::string, std::string>>{{"JPY", "2000000"}, {"EUR", "30000"}});
  CHECK(two_currencies.goals == std::set<unsigned>{11, 12, 17});
}

TEST_CASE("meetings: as written (but not held after the report's), else held before the report's meeting, planned after") {
  const report::ReportFacts facts = facts_of(report_at(status_report));
  REQUIRE(facts.roster.meetings.size() == 3);
  CHECK(model::meeting_status(facts.roster.meetings[0], facts.meeting) == "held");
  CHECK(model::meeting_status(facts.roster.meetings[2], facts.meeting) == "planned");
  model::Meeting postponed = facts.roster.meetings[0];
  postponed.status = {"postponed", {}, true};
  CHECK(model::meeting_status(postponed, facts.meeting) == "postponed");
  model::Meeting later_held = facts.roster.meetings[2];  // 2019-05, after the report's 2018-10-11
  later_held.status = {"held", {}, true};
  CHECK(model::meeting_status(later_held, facts.meeting) == "planned");
  model::Meeting earlier_planned = facts.roster.meetings[0];
  earlier_planned.status = {"planned", {}, true};
  CHECK(model::meeting_status(earlier_planned, facts.meeting) == "planned");  // as written
  CHECK(model::meeting_status(*facts.meeting, facts.meeting) == "planned");   // its own day
}

TEST_CASE("a budget total is whole, or has its cents") {
  CHECK(report::format_total(182000) == "182000");
  CHECK(report::format_total(0) == "0");
  CHECK(report::format_total(1250.5) == "1250.50");
  CHECK(report::format_total(0.25) == "0.25");
}

TEST_CASE("a failing plan's annex lists its first findings, at most findings_listed_per_plan") {
  model::ProgressReport report = report_at(status_report);
  const report::ReportFacts facts = facts_of(report);
  for (const report::PlanFacts& plan : facts.plans) {
    CHECK(plan.first_findings.size() <= report::findings_listed_per_plan);
    CHECK(plan.first_findings.size() == (plan.errors > 0 ? std::min<std::size_t>(plan.errors + plan.warnings,
                                                                                  report::findings_listed_per_plan)
                                                         : 0));
  }
}
