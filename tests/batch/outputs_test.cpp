// Output names mirror the input's place; each output has one owner.
#include <doctest/doctest.h>

#include "batch/outputs.h"

using namespace ucap;
using ucap::batch::output_name;

TEST_CASE("NAME.LANG.pdf beside where the input sits below its argument") {
  CHECK(output_name("plans/frankfurt-yokohama.xml", Language::en) == "plans/frankfurt-yokohama.en.pdf");
  CHECK(output_name("plans/frankfurt-yokohama.xml", Language::ja) == "plans/frankfurt-yokohama.ja.pdf");
  CHECK(output_name("plan.xml", Language::ja) == "plan.ja.pdf");
}

TEST_CASE("a name that already ends in the language keeps it once") {
  CHECK(output_name("reports/meeting-3.en.xml", Language::en) == "reports/meeting-3.en.pdf");
  CHECK(output_name("reports/meeting-3.ja.xml", Language::ja) == "reports/meeting-3.ja.pdf");
  CHECK(output_name("reports/meeting-3.en.xml", Language::ja) == "reports/meeting-3.en.ja.pdf");
}

TEST_CASE("the bilingual edition: NAME.en-ja.pdf, in the plan's order of languages") {
  CHECK(output_name("plans/frankfurt-yokohama.xml", {Language::en, Language::ja}) == "plans/frankfurt-yokohama.en-ja.pdf");
  CHECK(output_name("plan.xml", {Language::ja, Language::en}) == "plan.ja-en.pdf");
  CHECK(output_name("plan.en-ja.xml", {Language::en, Language::ja}) == "plan.en-ja.pdf");
}

TEST_CASE("one naming rule for render, watch and batch: the stem, then the edition") {
  CHECK(batch::edition_name({Language::en, Language::ja}) == "en-ja");
  CHECK(batch::pdf_file_name("stdin", {Language::ja}) == "stdin.ja.pdf");
  CHECK(batch::pdf_file_name("meeting-3.en", {Language::en}) == "meeting-3.en.pdf");
  // A name that is only the suffix is not named for its language.
  CHECK(batch::pdf_file_name(".en", {Language::en}) == ".en.en.pdf");
  CHECK(output_name(".en.xml", Language::en) == ".en.en.pdf");
}

TEST_CASE("the first input to claim an output keeps it; the next gets UCAP093 naming the first") {
  batch::OutputClaims claims;
  CHECK_FALSE(claims.claim("x.en.pdf", "a/x.en.xml"));
  CHECK_FALSE(claims.claim("x.ja.pdf", "b/x.xml"));
  auto taken = claims.claim("x.en.pdf", "b/x.xml");
  REQUIRE(taken);
  CHECK(taken->code == "UCAP093");
  CHECK(taken->severity == Severity::error);
  CHECK(taken->file == "b/x.xml");
  CHECK(taken->message == "x.en.pdf is also the output of a/x.en.xml; this one was not rendered");
}
