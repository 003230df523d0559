// A whole batch over real files with the engine: what is rendered, what
// fails and why, the manifest, the same bytes on 1 and 4 threads, a stop.
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "api/api_support.h"
#include "batch/batch.h"
#include "batch/batch_support.h"

using namespace ucap;
using namespace ucap::batch;

namespace {

namespace fs = std::filesystem;

// Remembers what the batch told it, checking the calls come one at a time.
class RecordingProgress : public Progress {
 public:
  void started(const std::string& path, std::size_t) override { started_paths.push_back(path); }
  void finished(const InputRecord& record, std::size_t done, std::size_t total) override {
    CHECK(done == finished_paths.size() + 1);
    totals.push_back(total);
    finished_paths.push_back(record.path);
  }
  std::vector<std::string> started_paths, finished_paths;
  std::vector<std::size_t> totals;
};

const std::string minimal = test::fixture("plans/minimal.xml");

// A folder as a coordinator might hand it over: good plans, a roster, a
// malformed file, an invalid plan, an XML file of another kind, a text file.
void fill_programme(const test::ScratchFolder& folder) {
  folder.write("in/roster.xml", test::fixture("plans/minimal-roster.xml"));
  folder.write("in/plans/bratislava.xml", minimal);
  folder.write("in/plans/english-only.xml",
               test::replace_once(test::replace_once(minimal, "languages=\"en ja\"", "languages=\"en\""),
                                  "<issued>2019-11-15</issued>", "<issued>2019-11-16</issued>"));
  folder.write("in/plans/invalid.xml", test::replace_once(minimal, "<target id=\"11.7\"/>", "<target id=\"11.8\"/>"));
  folder.write("in/plans/wrong-pairing.xml", test::replace_once(minimal, "id=\"bratislava-tokorozawa\"", "id=\"bratislava-tokyo\""));
  folder.write("in/broken/malformed.xml", "<action-plan>\n  <title>unclosed\n</action-plan>\n");
  folder.write("in/other.xml", "<?xml version=\"1.0\"?>\n<invoice/>\n");
  folder.write("in/readme.txt", "not an input");
}

const InputRecord& record_of(const BatchResult& result, const std::string& suffix) {
  for (const InputRecord& record : result.records)
    if (record.path.ends_with(suffix)) return record;
  FAIL("no record for " << suffix);
  throw;
}

std::vector<std::string> briefs_of(const InputRecord& record) { return test::briefs(record.diagnostics); }

BatchResult run(const test::ScratchFolder& folder, BatchOptions options, int stop_with = 0) {
  std::atomic<int> stop{stop_with};
  RecordingProgress progress;
  BatchResult result = run_batch(test::api_engine(), options, stop, progress);
  CHECK(progress.finished_paths.size() == result.totals.inputs - result.totals.not_done);
  (void)folder;
  return result;
}

}  // namespace

TEST_CASE("a programme folder: the good rendered, each failure with its diagnostic, rosters checked") {
  test::ScratchFolder folder("programme");
  fill_programme(folder);
  BatchResult result = run(folder, {{folder / "in"}, folder / "out", {Language::en, Language::ja}, 2, "", "2020-01-01"});
  CHECK(result.problems.empty());
  CHECK(exit_status(result) == 1);

  std::vector<std::string> paths;
  for (const InputRecord& record : result.records) paths.push_back(fs::path(record.path).lexically_relative(folder / "in").string());
  CHECK(paths == std::vector<std::string>{"broken/malformed.xml", "other.xml", "plans/bratislava.xml",
                                          "plans/english-only.xml", "plans/invalid.xml", "plans/wrong-pairing.xml",
                                          "roster.xml"});

  const InputRecord& good = record_of(result, "plans/bratislava.xml");
  CHECK(good.status == InputStatus::rendered);
  CHECK(good.kind == DocumentKind::action_plan);
  CHECK(good.outputs == std::vector<std::string>{"plans/bratislava.en.pdf", "plans/bratislava.ja.pdf"});
  CHECK(good.diagnostics.empty());
  for (const std::string& output : good.outputs) {
    const std::string bytes = test::read_text(folder / ("out/" + output));
    CHECK(test::looks_like_pdf(std::vector<std::uint8_t>(bytes.begin(), bytes.end())));
  }

  const InputRecord& english = record_of(result, "english-only.xml");
  CHECK(english.status == InputStatus::rendered);
  CHECK(english.outputs == std::vector<std::string>{"plans/english-only.en.pdf"});
  const std::vector<std::string> english_findings = briefs_of(english);  // UCAP092, and UCAP043 for its Japanese texts
  CHECK(std::count(english_findings.begin(), english_findings.end(), "warning UCAP092 0:0") == 1);
  CHECK_FALSE(fs::exists(folder / "out/plans/english-only.ja.pdf"));

  CHECK(record_of(result, "malformed.xml").status == InputStatus::failed);
  CHECK(record_of(result, "malformed.xml").kind == DocumentKind::none);
  CHECK(briefs_of(record_of(result, "malformed.xml")).front().starts_with("error UCAP005 3:"));
  CHECK(briefs_of(record_of(result, "other.xml")) == std::vector<std::string>{"error UCAP007 2:1"});
  CHECK(briefs_of(record_of(result, "invalid.xml")) == std::vector<std::string>{"error UCAP031 16:17"});
  CHECK(record_of(result, "invalid.xml").outputs.empty());
  CHECK(briefs_of(record_of(result, "wrong-pairing.xml")).front().starts_with("error UCAP050 "));
  CHECK(record_of(result, "roster.xml").status == InputStatus::checked);
  CHECK_FALSE(fs::exists(folder / "out/plans/invalid.en.pdf"));

  CHECK(result.totals.rendered == 2);
  CHECK(result.totals.checked == 1);
  CHECK(result.totals.failed == 4);
  CHECK(result.totals.pdfs == 3);
  const auto manifest = nlohmann::json::parse(test::read_text(folder / "out/manifest.json"));
  CHECK(manifest["inputs"].size() == 7);
  CHECK(manifest["totals"]["failed"] == 4);
  // Nothing but the PDFs, their folders and the manifest: no temporary file.
  std::size_t entries = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder / "out")) {
    ++entries;
    CHECK_FALSE(entry.path().filename().string().starts_with("."));
  }
  CHECK(entries == 1 + 1 + 3);
}

TEST_CASE("1 and 4 threads: the same bytes and the same records") {
  test::ScratchFolder folder("threads");
  fill_programme(folder);
  for (int copy = 0; copy < 4; ++copy)
    folder.write("in/more/plan-" + std::to_string(copy) + ".xml",
                 test::replace_once(minimal, "More trees", "More trees " + std::to_string(copy)));
  BatchResult one = run(folder, {{folder / "in"}, folder / "one", {Language::en, Language::ja}, 1, "", ""});
  BatchResult four = run(folder, {{folder / "in"}, folder / "four", {Language::en, Language::ja}, 4, "", ""});
  REQUIRE(one.records.size() == four.records.size());
  for (std::size_t i = 0; i < one.records.size(); ++i) {
    CHECK(one.records[i].path == four.records[i].path);
    CHECK(one.records[i].outputs == four.records[i].outputs);
    CHECK(test::briefs(one.records[i].diagnostics) == test::briefs(four.records[i].diagnostics));
    for (const std::string& output : one.records[i].outputs)
      CHECK(test::read_text(folder / ("one/" + output)) == test::read_text(folder / ("four/" + output)));
  }
  CHECK(one.totals.pdfs == 11);
}

TEST_CASE("stopped before anything started: every input not done, the manifest says so, 130") {
  test::ScratchFolder folder("stopped");
  fill_programme(folder);
  BatchResult result = run(folder, {{folder / "in"}, folder / "out", {Language::en}, 2, "", ""}, SIGINT);
  CHECK(exit_status(result) == 130);
  CHECK(result.totals.not_done == 7);
  for (const InputRecord& record : result.records) CHECK(record.status == InputStatus::not_done);
  const auto manifest = nlohmann::json::parse(test::read_text(folder / "out/manifest.json"));
  CHECK(manifest["stopped_by"] == "SIGINT");
  CHECK(manifest["inputs"][0]["status"] == "not-done");
  CHECK(fs::is_empty(fs::path(folder / "out")) == false);  // the manifest alone
  CHECK(std::distance(fs::directory_iterator(folder / "out"), {}) == 1);
}

TEST_CASE("problems that stop a batch before it starts: exit 2, nothing written") {
  test::ScratchFolder folder("problems");
  fill_programme(folder);
  SUBCASE("a path that does not exist") {
    BatchResult result = run(folder, {{folder / "in", folder / "nope"}, folder / "out", {Language::en}, 1, "", ""});
    CHECK(test::briefs(result.problems) == std::vector<std::string>{"error UCAP090 0:0"});
    CHECK(exit_status(result) == 2);
    CHECK_FALSE(fs::exists(folder / "out"));
  }
  SUBCASE("an output folder that cannot be made") {
    const std::string file = folder.write("a-file", "");
    BatchResult result = run(folder, {{folder / "in"}, file + "/out", {Language::en}, 1, "", ""});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].code == "UCAP091");
    CHECK(result.problems[0].file == file + "/out");
    CHECK(result.problems[0].message.starts_with("cannot write to the output folder: "));
    CHECK(exit_status(result) == 2);
  }
  SUBCASE("--roster names a plan") {
    BatchResult result = run(folder, {{folder / "in"}, folder / "out", {Language::en}, 1, folder / "in/plans/bratislava.xml", ""});
    CHECK(test::briefs(result.problems) == std::vector<std::string>{"error UCAP053 0:0"});
    CHECK(exit_status(result) == 2);
    CHECK_FALSE(fs::exists(folder / "out/manifest.json"));
  }
}

TEST_CASE("two inputs with one output name: the first in path order renders, the second fails with UCAP093") {
  test::ScratchFolder folder("claims");
  folder.write("in/x.xml", minimal);
  folder.write("in/x.en.xml", test::replace_once(minimal, "languages=\"en ja\"", "languages=\"en\""));
  BatchResult result = run(folder, {{folder / "in"}, folder / "out", {Language::en}, 2, "", ""});
  // "x.en.xml" sorts before "x.xml", so it owns x.en.pdf.
  CHECK(record_of(result, "x.en.xml").status == InputStatus::rendered);
  CHECK(record_of(result, "x.en.xml").outputs == std::vector<std::string>{"x.en.pdf"});
  CHECK(record_of(result, "/x.xml").status == InputStatus::failed);
  CHECK(briefs_of(record_of(result, "/x.xml")) == std::vector<std::string>{"error UCAP093 0:0"});
}

TEST_CASE("a progress report: named in its own language; its failure, if any, reported like any other") {
  test::ScratchFolder folder("report");
  const fs::path samples = fs::path(UCAP_SOURCE_DIR) / "samples";
  fs::copy(samples, folder.path() / "samples", fs::copy_options::recursive);
  BatchResult result = run(folder, {{folder / "samples/reports/meeting-3.ja.xml"}, folder / "out", {Language::en, Language::ja}, 1, "", ""});
  const InputRecord& report = record_of(result, "meeting-3.ja.xml");
  CHECK(report.kind == DocumentKind::progress_report);
  if (report.status == InputStatus::rendered) {  // once reports render
    CHECK(report.outputs == std::vector<std::string>{"meeting-3.ja.pdf"});
    CHECK(fs::exists(folder / "out/meeting-3.ja.pdf"));
  } else {  // today: the engine answers UCAP061, and the batch says so
    CHECK(report.status == InputStatus::failed);
    CHECK(briefs_of(report) == std::vector<std::string>{"error UCAP061 0:0"});
    CHECK(exit_status(result) == 1);
  }
  SUBCASE("a report in a language not asked for: a warning, nothing made") {
    BatchResult en_only = run(folder, {{folder / "samples/reports/meeting-3.ja.xml"}, folder / "en", {Language::en}, 1, "", ""});
    CHECK(en_only.records[0].status == InputStatus::rendered);
    CHECK(en_only.records[0].outputs.empty());
    CHECK(briefs_of(en_only.records[0]) == std::vector<std::string>{"warning UCAP092 0:0"});
  }
}
