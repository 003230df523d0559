// The manifest: every input with its kind, status, outputs, diagnostics
// and time, totals, in a fixed order; written whole or not at all.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "batch/batch_support.h"
#include "batch/manifest.h"
#include "support/check.h"

using namespace ucap;
using namespace ucap::batch;

namespace {

std::vector<InputRecord> two_records() {
  InputRecord plan{"in/plans/p.xml", DocumentKind::action_plan, {"plans/p.en.pdf", "plans/p.ja.pdf"},
                   InputStatus::rendered, {{"UCAP060", Severity::warning, "in/plans/p.xml", 12, 5, "no font", {}}}, 12.345};
  InputRecord bad{"in/x.xml", DocumentKind::none, {}, InputStatus::failed,
                  {{"UCAP005", Severity::error, "in/x.xml", 3, 1, "not well-formed", "close <p>"}}, 0.04};
  return {plan, bad};
}

}  // namespace

TEST_CASE("totals count statuses, PDFs and findings") {
  std::vector<InputRecord> records = two_records();
  records.push_back({"in/r.xml", DocumentKind::roster, {}, InputStatus::checked, {}, 1});
  records.push_back({"in/z.xml", DocumentKind::action_plan, {}, InputStatus::not_done, {}, 0});
  Totals totals = count(records, 250);
  CHECK(totals.inputs == 4);
  CHECK(totals.rendered == 1);
  CHECK(totals.checked == 1);
  CHECK(totals.failed == 1);
  CHECK(totals.not_done == 1);
  CHECK(totals.pdfs == 2);
  CHECK(totals.errors == 1);
  CHECK(totals.warnings == 1);
  CHECK(totals.milliseconds == 250);
}

TEST_CASE("the manifest's fields, in order") {
  const std::vector<InputRecord> records = two_records();
  const std::string text = manifest_json({{Language::en, Language::ja}, "SIGINT"}, records, count(records, 99.99));
  const nlohmann::ordered_json manifest = nlohmann::ordered_json::parse(text);
  CHECK(manifest["format"] == "ucap-batch-manifest");
  CHECK(manifest["languages"] == nlohmann::ordered_json::array({"en", "ja"}));
  CHECK(manifest["pdf_standard"] == "ua-1,a-2a");
  CHECK(manifest["stopped_by"] == "SIGINT");
  REQUIRE(manifest["inputs"].size() == 2);
  const auto& plan = manifest["inputs"][0];
  CHECK(plan["path"] == "in/plans/p.xml");
  CHECK(plan["kind"] == "action-plan");
  CHECK(plan["status"] == "rendered");
  CHECK(plan["outputs"] == nlohmann::ordered_json::array({"plans/p.en.pdf", "plans/p.ja.pdf"}));
  CHECK(plan["milliseconds"] == 12.3);
  CHECK(plan["diagnostics"][0].dump() ==
        R"({"code":"UCAP060","severity":"warning","file":"in/plans/p.xml","line":12,"column":5,"message":"no font"})");
  const auto& bad = manifest["inputs"][1];
  CHECK(bad["kind"] == "none");
  CHECK(bad["status"] == "failed");
  CHECK(bad["diagnostics"][0]["hint"] == "close <p>");
  CHECK(manifest["totals"].dump() ==
        R"({"inputs":2,"rendered":1,"checked":0,"failed":1,"not_done":0,"pdfs":2,"errors":1,"warnings":1,"milliseconds":100.0})");
  const auto untagged = nlohmann::ordered_json::parse(manifest_json({{Language::ja}, "", false, "text", {false, false}}, {}, count({}, 0)));
  CHECK(untagged["stopped_by"].is_null());
  CHECK(untagged["pdf_standard"] == "none");
}

TEST_CASE("a file name that is not UTF-8 is written with U+FFFD for its bad bytes, not an abort") {
  // A Latin-1 é (0xE9) in a folder's and a file's name, in the path, the outputs and a finding.
  std::vector<InputRecord> records{{"in/caf\xE9/menu\xE9.xml", DocumentKind::action_plan, {"caf\xE9/menu\xE9.en.pdf"},
                                    InputStatus::rendered,
                                    {{"UCAP060", Severity::warning, "in/caf\xE9/menu\xE9.xml", 2, 3, "no font", {}}}, 1}};
  const std::string text = manifest_json({{Language::en}, ""}, records, count(records, 1));
  const nlohmann::json manifest = nlohmann::json::parse(text);  // valid UTF-8 JSON
  CHECK(manifest["inputs"][0]["path"] == "in/caf\uFFFD/menu\uFFFD.xml");
  CHECK(manifest["inputs"][0]["outputs"][0] == "caf\uFFFD/menu\uFFFD.en.pdf");
  CHECK(manifest["inputs"][0]["diagnostics"][0]["file"] == "in/caf\uFFFD/menu\uFFFD.xml");
}
