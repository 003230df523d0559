// Which roster a plan in a batch is checked against.
#include <doctest/doctest.h>

#include "batch/rosters.h"

using ucap::batch::choose_roster;

TEST_CASE("no roster: not checked, nothing said") {
  auto choice = choose_roster("a/plans/p.xml", {});
  CHECK_FALSE(choice.roster);
  CHECK_FALSE(choice.warning);
}

TEST_CASE("one roster serves every plan, wherever it is") {
  auto choice = choose_roster("a/plans/p.xml", {"elsewhere/roster.xml"});
  CHECK(choice.roster == 0u);
  CHECK_FALSE(choice.warning);
}

TEST_CASE("several rosters: the nearest in the plan's folder or above") {
  const std::vector<std::string> rosters{"iuc/roster.xml", "iurc/roster.xml", "iurc/asia/roster.xml"};
  CHECK(choose_roster("iuc/plans/p.xml", rosters).roster == 0u);
  CHECK(choose_roster("iurc/plans/p.xml", rosters).roster == 1u);
  CHECK(choose_roster("iurc/asia/plans/p.xml", rosters).roster == 2u);
  CHECK(choose_roster("iurc/asia/p.xml", rosters).roster == 2u);
}

TEST_CASE("several rosters, none above the plan or two as near: UCAP094 warning, not checked") {
  auto none_above = choose_roster("other/p.xml", {"iuc/roster.xml", "iurc/roster.xml"});
  CHECK_FALSE(none_above.roster);
  REQUIRE(none_above.warning);
  CHECK(none_above.warning->code == "UCAP094");
  CHECK(none_above.warning->file == "other/p.xml");
  CHECK(none_above.warning->message ==
        "the batch holds several rosters and none is in this plan's folder or above it; the plan's pairing was not "
        "checked against a roster");

  auto tie = choose_roster("iuc/plans/p.xml", {"iuc/roster.xml", "iuc/roster-2019.xml"});
  CHECK_FALSE(tie.roster);
  REQUIRE(tie.warning);
  CHECK(tie.warning->message ==
        "the batch holds several rosters in the folder nearest this plan; the plan's pairing was not checked against "
        "a roster");
}
