// The C++ API as an embedding program uses it: documents from buffers and
// files, validation with positions, rendering to bytes and to files, and
// every way a call can fail without throwing.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>

#include "api/api_support.h"
#include "support/scratch.h"

using namespace ucap;
using test::api_engine;
using test::briefs;

namespace {

const std::string minimal = test::fixture("plans/minimal.xml");

std::string temporary_folder() {
  auto folder = ucap::test::scratch_path("api");
  std::filesystem::create_directories(folder);
  return folder.string();
}

// Runs `calls` with standard output and error sent to a file, and returns
// what was written there.
template <class Calls>
std::string output_of(Calls calls) {
  std::fflush(stdout);
  std::fflush(stderr);
  const std::string folder = temporary_folder(), path = folder + "/output.txt";
  const int file = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
  const int saved_out = ::dup(1), saved_err = ::dup(2);
  ::dup2(file, 1);
  ::dup2(file, 2);
  calls();
  std::fflush(stdout);
  std::fflush(stderr);
  ::dup2(saved_out, 1);
  ::dup2(saved_err, 2);
  ::close(saved_out);
  ::close(saved_err);
  ::close(file);
  const std::string written = test::read_text(path);
  std::filesystem::remove_all(folder);
  return written;
}

}  // namespace

TEST_CASE("a good buffer: an action plan, no findings, a whole PDF in each language") {
  Document plan = Document::load_buffer("minimal.xml", minimal);
  CHECK(plan.name() == "minimal.xml");
  CHECK(plan.kind() == DocumentKind::action_plan);
  CHECK(plan.readable());
  CHECK(plan.languages() == std::vector<Language>{Language::en, Language::ja});

  Validation check = api_engine().validate(plan);
  CHECK(check.status == Status::ok);
  CHECK(check.diagnostics.empty());

  for (Language language : {Language::en, Language::ja}) {
    Rendering pdf = api_engine().render(plan, language);
    CHECK(pdf.status == Status::ok);
    CHECK(pdf.diagnostics.empty());
    CHECK(test::looks_like_pdf(pdf.pdf));
  }
}

namespace {

// A stream that never ends, as /dev/zero or `yes` on a pipe; it counts the
// bytes taken from it.
class EndlessBuffer : public std::streambuf {
 public:
  std::size_t taken = 0;

 protected:
  int_type underflow() override {
    setg(block_, block_, block_ + sizeof block_);
    taken += sizeof block_;
    return 'x';
  }

 private:
  char block_[4096] = {};
};

}  // namespace

TEST_CASE("a stream: read to its end, or no further than the input limit") {
  std::istringstream good(minimal);
  Document plan = Document::load_stream("<stdin>", good);
  CHECK(plan.kind() == DocumentKind::action_plan);
  CHECK(plan.name() == "<stdin>");

  EndlessBuffer endless;
  std::istream in(&endless);
  Document refused = Document::load_stream("<stdin>", in);
  CHECK_FALSE(refused.readable());
  CHECK(briefs(refused.diagnostics()) == std::vector<std::string>{"error UCAP008 0:0"});
  CHECK(endless.taken <= 16 * 1024 * 1024 + 4096 + 65536);
}

TEST_CASE("malformed XML: UCAP005 at the parser's position, no crash") {
  Document bad = Document::load_buffer("bad.xml", "<action-plan>\n  <title>unclosed\n</action-plan>\n");
  CHECK(bad.kind() == DocumentKind::none);
  CHECK(bad.readable());
  Validation check = api_engine().validate(bad);
  CHECK(check.status == Status::invalid_document);
  REQUIRE(check.diagnostics.size() == 1);
  const Diagnostic& d = check.diagnostics[0];
  CHECK(d.code == "UCAP005");
  CHECK(d.severity == Severity::error);
  CHECK(d.file == "bad.xml");
  CHECK(d.line == 3);
  CHECK(d.column == 3);
  CHECK(d.message == "not well-formed XML: start-end tags mismatch");
}

TEST_CASE("invalid UTF-8: UCAP002 at the bad byte, counted in characters, with a hint") {
  Document bad = Document::load_buffer("utf.xml", "<action-plan>\n  <t\xC3\xA9\xFFitle>\n");
  CHECK_FALSE(bad.readable());
  CHECK(bad.kind() == DocumentKind::none);
  Validation check = api_engine().validate(bad);
  CHECK(check.status == Status::invalid_document);
  CHECK(briefs(check.diagnostics) == std::vector<std::string>{"error UCAP002 2:6"});
  CHECK(check.diagnostics[0].message == "byte 0xFF is not valid UTF-8");
  CHECK(check.diagnostics[0].hint == "save the file as UTF-8");
}

TEST_CASE("a plan with a bad SDG target: UCAP031 at its attribute; rendering gives the finding and no bytes") {
  Document plan = Document::load_buffer("plan.xml", test::replace_once(minimal, "\"11.7\"", "\"11.8\""));
  CHECK(plan.kind() == DocumentKind::action_plan);
  CHECK(plan.diagnostics().empty());  // parsing is fine; the rule is the validator's

  Validation check = api_engine().validate(plan);
  CHECK(check.status == Status::invalid_document);
  CHECK(briefs(check.diagnostics) == std::vector<std::string>{"error UCAP031 16:17"});
  CHECK(format_text(check.diagnostics[0]) ==
        "plan.xml:16:17: error[UCAP031]: SDG target '11.8' does not exist (goal 11 has targets 11.1–11.7, 11.a–11.c)");

  Rendering pdf = api_engine().render(plan, Language::en);
  CHECK(pdf.status == Status::invalid_document);
  CHECK(pdf.pdf.empty());
  CHECK(briefs(pdf.diagnostics) == briefs(check.diagnostics));
}

TEST_CASE("a progress report renders through the same API; its bad plans never block it") {
  Document report = Document::load_file(std::string(UCAP_SOURCE_DIR) + "/tests/fixtures/reports/status/report.xml");
  CHECK(report.languages() == std::vector<Language>{Language::en, Language::ja});
  for (Language language : {Language::en, Language::ja}) {
    Rendering pdf = api_engine().render(report, language);
    CHECK(pdf.status == Status::ok);
    CHECK(pdf.diagnostics.empty());
    CHECK(test::looks_like_pdf(pdf.pdf));
  }
  const std::string path = temporary_folder() + "/report.pdf";
  Rendering written = api_engine().render_to_file(report, Language::en, path);
  CHECK(written.status == Status::ok);
  CHECK(written.pdf.empty());
  CHECK(std::filesystem::file_size(path) > 1000);
}

TEST_CASE("a report's roster and plans are read once per document: its validation and both editions share them") {
  namespace fs = std::filesystem;
  const fs::path copy = fs::path(temporary_folder()) / "read-once";
  fs::remove_all(copy);
  fs::copy(fs::path(UCAP_SOURCE_DIR) / "tests/fixtures/reports/status", copy, fs::copy_options::recursive);
  const std::string path = (copy / "report.xml").string();
  const Document before = Document::load_file(path);
  std::vector<std::vector<std::uint8_t>> expected;
  for (Language language : {Language::en, Language::ja}) expected.push_back(api_engine().render(before, language).pdf);

  const Document report = Document::load_file(path);
  REQUIRE(api_engine().validate(report).status == Status::ok);
  // Gone after the first reading: the document renders from what it read.
  fs::remove(copy / "roster.xml");
  fs::remove_all(copy / "plans");
  for (std::size_t i = 0; Language language : {Language::en, Language::ja}) {
    Rendering pdf = api_engine().render(report, language);
    CHECK(pdf.status == Status::ok);
    CHECK(pdf.pdf == expected[i++]);
  }
  // A document loaded again reads again, and finds them gone.
  Validation again = api_engine().validate(Document::load_file(path));
  CHECK(again.status == Status::invalid_document);
  CHECK(briefs(again.diagnostics) == std::vector<std::string>{"error UCAP070 12:17", "error UCAP071 13:16"});
  fs::remove_all(copy);
}

TEST_CASE("a document's inputs: a plan's figures, a report's roster and plans folder, as paths from here") {
  Document plan = Document::load_file(std::string(UCAP_SOURCE_DIR) + "/samples/plans/marseille-kobe.xml");
  DocumentInputs figures = plan.inputs();
  CHECK(figures.files == std::vector<std::string>{std::string(UCAP_SOURCE_DIR) + "/samples/plans/figures/kobe-harbour.jpg"});
  CHECK(figures.folders.empty());

  Document relative = Document::load_buffer(
      "drafts/plan.xml",
      test::replace_once(minimal, "<section ref=\"context\">",
                         "<section ref=\"context\"><figure><img src=\"../img/a.png\"/></figure>"
                         "<figure><img src=\"./img/b.png\"/></figure><figure><img src=\"../img/a.png\"/></figure>"));
  CHECK(relative.inputs().files == std::vector<std::string>{"img/a.png", "drafts/img/b.png"});  // whether or not they exist

  Document report = Document::load_buffer("tests/fixtures/reports/status/report.xml",
                                          test::fixture("reports/status/report.xml"));
  DocumentInputs sources = report.inputs();
  CHECK(sources.files == std::vector<std::string>{"tests/fixtures/reports/status/roster.xml"});
  CHECK(sources.folders == std::vector<std::string>{"tests/fixtures/reports/status/plans/"});

  CHECK(Document::load_buffer("roster.xml", test::fixture("plans/minimal-roster.xml")).inputs().files.empty());
  CHECK(Document::load_buffer("bad.xml", "<plan").inputs().files.empty());
}

TEST_CASE("rendering what is not a renderable plan says why") {
  SUBCASE("a roster: UCAP061") {
    Document roster = Document::load_buffer("roster.xml", test::fixture("plans/minimal-roster.xml"));
    CHECK(roster.kind() == DocumentKind::roster);
    Rendering pdf = api_engine().render(roster, Language::en);
    CHECK(pdf.status == Status::invalid_document);
    CHECK(briefs(pdf.diagnostics) == std::vector<std::string>{"error UCAP061 0:0"});
  }
  SUBCASE("a language the plan does not declare: UCAP062 at languages=, after validation passed with warnings") {
    Document plan = Document::load_buffer("en.xml", test::replace_once(minimal, "languages=\"en ja\"", "languages=\"en\""));
    CHECK(api_engine().validate(plan).status == Status::ok);  // only UCAP043 warnings
    Rendering pdf = api_engine().render(plan, Language::ja);
    CHECK(pdf.status == Status::invalid_document);
    CHECK(pdf.pdf.empty());
    CHECK(briefs(pdf.diagnostics) == std::vector<std::string>{"error UCAP062 2:53"});
  }
  SUBCASE("a progress report in a language it does not declare: UCAP062 at languages=") {
    Document report = Document::load_file(std::string(UCAP_SOURCE_DIR) + "/samples/reports/meeting-3.en.xml");
    CHECK(report.kind() == DocumentKind::progress_report);
    CHECK(report.languages() == std::vector<Language>{Language::en});
    CHECK(api_engine().validate(report).status == Status::ok);
    Rendering pdf = api_engine().render(report, Language::ja);
    CHECK(pdf.status == Status::invalid_document);
    CHECK(pdf.pdf.empty());
    CHECK(briefs(pdf.diagnostics) == std::vector<std::string>{"error UCAP062 3:68"});
  }
  SUBCASE("empty bytes: UCAP004") {
    Rendering pdf = api_engine().render(Document::load_buffer("empty.xml", ""), Language::en);
    CHECK(pdf.status == Status::invalid_document);
    CHECK(briefs(pdf.diagnostics) == std::vector<std::string>{"error UCAP004 0:0"});
  }
}

TEST_CASE("files: a missing one is a read failure; a good one renders to a file, atomically") {
  const std::string folder = temporary_folder();
  Document missing = Document::load_file(folder + "/nope.xml");
  CHECK_FALSE(missing.readable());
  Validation check = api_engine().validate(missing);
  CHECK(check.status == Status::read_failed);
  CHECK(briefs(check.diagnostics) == std::vector<std::string>{"error UCAP001 0:0"});
  CHECK(api_engine().render(missing, Language::en).status == Status::read_failed);

  Document plan = Document::load_file(std::string(UCAP_TEST_DIR) + "/fixtures/plans/minimal.xml");
  Rendering written = api_engine().render_to_file(plan, Language::ja, folder + "/minimal.ja.pdf");
  CHECK(written.status == Status::ok);
  CHECK(written.pdf.empty());
  std::string on_disk = test::read_text(folder + "/minimal.ja.pdf");
  CHECK(test::looks_like_pdf({on_disk.begin(), on_disk.end()}));
  CHECK(on_disk.size() == api_engine().render(plan, Language::ja).pdf.size());

  Rendering unwritable = api_engine().render_to_file(plan, Language::ja, folder + "/minimal.ja.pdf/inside.pdf");
  CHECK(unwritable.status == Status::write_failed);
  REQUIRE(unwritable.diagnostics.size() == 1);
  CHECK(unwritable.diagnostics[0].code == "UCAP063");
  CHECK(unwritable.diagnostics[0].file == folder + "/minimal.ja.pdf/inside.pdf");
  std::filesystem::remove_all(folder);
}

TEST_CASE("a roster checks the pairing; a roster of the wrong kind is reported, not ignored") {
  Document roster = Document::load_buffer("roster.xml", test::fixture("plans/minimal-roster.xml"));
  CHECK(api_engine().validate(roster).status == Status::ok);
  Document plan = Document::load_buffer("plan.xml", minimal);
  CHECK(api_engine().validate(plan, &roster).diagnostics.empty());

  Document elsewhere = Document::load_buffer(
      "plan.xml", test::replace_once(minimal, "id=\"bratislava-tokorozawa\"", "id=\"bratislava-kobe\""));
  Validation unknown_pairing = api_engine().validate(elsewhere, &roster);
  CHECK(unknown_pairing.status == Status::invalid_document);
  CHECK(unknown_pairing.diagnostics.at(0).code == "UCAP050");
  RenderOptions with_roster{&roster, ""};
  CHECK(api_engine().render(elsewhere, Language::en, with_roster).status == Status::invalid_document);

  Validation not_a_roster = api_engine().validate(plan, &plan);
  CHECK(briefs(not_a_roster.diagnostics) == std::vector<std::string>{"error UCAP053 0:0"});
}

TEST_CASE("the PDF is dated by the plan's <issued>, which a fallback date does not override; same input, same bytes") {
  Document plan = Document::load_buffer("plan.xml", minimal);
  Rendering plain = api_engine().render(plan, Language::en);
  Rendering with_fallback = api_engine().render(plan, Language::en, {nullptr, "2024-03-05"});
  REQUIRE(plain.ok());
  const std::string text(plain.pdf.begin(), plain.pdf.end());
  // The Info dictionary's D:20191115 is compressed in an object stream; the XMP carries the same date in the clear.
  CHECK(text.find("<xmp:CreateDate>2019-11-15T00:00:00Z</xmp:CreateDate>") != std::string::npos);
  CHECK(with_fallback.pdf == plain.pdf);
  CHECK(api_engine().render(plan, Language::en).pdf == plain.pdf);
}

TEST_CASE("one thread or two, the same PDF") {
  for (const char* name : {"frankfurt-yokohama.xml", "umea-kamakura.xml"})
    for (Language language : {Language::en, Language::ja}) {
      Document plan = test::sample_document(name);
      RenderOptions alone;
      alone.use_second_thread = false;
      Rendering two = api_engine().render(plan, language);
      Rendering one = api_engine().render(plan, language, alone);
      REQUIRE(two.ok());
      CHECK(test::looks_like_pdf(two.pdf));
      CHECK_MESSAGE(one.pdf == two.pdf, name);
    }
}

TEST_CASE("engines that cannot render answer engine_unavailable; a failed load says why") {
  Engine empty;
  CHECK_FALSE(empty);
  Document plan = Document::load_buffer("plan.xml", minimal);
  CHECK(empty.validate(plan).status == Status::engine_unavailable);
  CHECK(empty.render(plan, Language::en).status == Status::engine_unavailable);

  Engine nowhere = Engine::load({"/nonexistent/ucap-data"});
  CHECK_FALSE(nowhere);
  CHECK(nowhere.error().find("/nonexistent/ucap-data") != std::string::npos);

  Engine validator = Engine::load({UCAP_SOURCE_DIR, /*validation_only=*/true});
  REQUIRE(validator);
  CHECK(validator.validate(plan).status == Status::ok);
  CHECK(validator.render(plan, Language::en).status == Status::engine_unavailable);
}

TEST_CASE("small public helpers") {
  CHECK(parse_language("ja") == Language::ja);
  CHECK_FALSE(parse_language("fr"));
  CHECK(std::string(to_string(Language::en)) == "en");
  CHECK(std::string(to_string(DocumentKind::action_plan)) == "action-plan");
  CHECK(std::string(to_string(DocumentKind::progress_report)) == "progress-report");
  CHECK(std::string(to_string(Status::write_failed)) == "write failed");
  CHECK(std::string(version()) == "0.1.0");
  // Built but not installed: the data is the source tree's.
  CHECK(std::filesystem::equivalent(default_data_directory(), UCAP_SOURCE_DIR));
}

TEST_CASE("the library prints nothing, whatever goes wrong") {
  std::vector<Status> statuses;
  const std::string printed = output_of([&] {
    statuses.push_back(Engine::load({"/nonexistent/ucap-data"}) ? Status::ok : Status::engine_unavailable);
    statuses.push_back(api_engine().validate(Document::load_buffer("bad.xml", "<action-plan><p>")).status);
    statuses.push_back(api_engine().validate(Document::load_file("/nonexistent/plan.xml")).status);
    Document glyph = Document::load_file(std::string(UCAP_TEST_DIR) + "/fixtures/render/missing-glyph.xml");
    statuses.push_back(api_engine().render(glyph, Language::ja).status);  // a UCAP060 warning
    statuses.push_back(api_engine().render_to_file(glyph, Language::ja, "/nonexistent/folder/x.pdf").status);
  });
  CHECK(printed.empty());
  CHECK(statuses == std::vector<Status>{Status::engine_unavailable, Status::invalid_document, Status::read_failed,
                                        Status::ok, Status::write_failed});
}

TEST_CASE("the bilingual edition: a list of languages gives one PDF; the plan's order when empty; each must be declared") {
  Document plan = Document::load_buffer("minimal.xml", minimal);
  Rendering both = api_engine().render(plan, {Language::en, Language::ja});  // as README shows it
  CHECK(both.status == Status::ok);
  CHECK(test::looks_like_pdf(both.pdf));
  CHECK(both.pdf != api_engine().render(plan, Language::en).pdf);
  CHECK(api_engine().render(plan, std::vector<Language>{}).pdf == both.pdf);
  CHECK(api_engine().render(plan, std::vector<Language>{Language::en, Language::ja, Language::en}).pdf == both.pdf);
  CHECK(api_engine().render(plan, std::vector<Language>{Language::ja}).pdf == api_engine().render(plan, Language::ja).pdf);
  CHECK(api_engine().render(plan, std::vector<Language>{Language::ja, Language::en}).pdf != both.pdf);

  std::string english_only = minimal;
  english_only.replace(english_only.find("languages=\"en ja\""), 17, "languages=\"en\"");
  Rendering refused =
      api_engine().render(Document::load_buffer("en.xml", english_only), std::vector<Language>{Language::en, Language::ja});
  CHECK(refused.status == Status::invalid_document);
  CHECK(refused.pdf.empty());
  CHECK(briefs(refused.diagnostics) == std::vector<std::string>{"error UCAP062 2:53"});
}

TEST_CASE("a document from memory under a bare name reads nothing from the current folder") {
  // The current folder holds the image and the roster the documents name:
  // a bare name must not make the engine read them.
  const std::filesystem::path folder = temporary_folder(), previous = std::filesystem::current_path();
  std::filesystem::create_directories(folder / "figures");
  std::filesystem::copy_file(std::string(UCAP_SOURCE_DIR) + "/samples/plans/figures/tohoku-supply.png",
                             folder / "figures" / "map.png");
  std::filesystem::copy_file(std::string(UCAP_TEST_DIR) + "/fixtures/plans/minimal-roster.xml", folder / "roster.xml");
  std::filesystem::current_path(folder);
  const std::string with_figure = test::replace_once(
      minimal, "<p xml:lang=\"en\">More trees, fewer floods.</p>",
      "<p xml:lang=\"en\">More trees, fewer floods.</p><figure><img src=\"figures/map.png\" alt=\"A map\"/></figure>");
  const std::string report = test::replace_once(test::fixture("reports/minimal.xml"),
                                                "<roster href=\"../plans/minimal-roster.xml\"/>",
                                                "<roster href=\"roster.xml\"/>");
  Validation plan = api_engine().validate(Document::load_buffer("plan.xml", with_figure));
  Rendering pdf = api_engine().render(Document::load_buffer("plan.xml", with_figure), Language::en);
  Validation from_stdin = api_engine().validate(Document::load_buffer("<stdin>", report));
  // A name with its folder is the caller's choice of folder.
  Validation named = api_engine().validate(Document::load_buffer((folder / "plan.xml").string(), with_figure));
  std::filesystem::current_path(previous);
  std::filesystem::remove_all(folder);

  CHECK(briefs(plan.diagnostics) == std::vector<std::string>{"error UCAP080 20:69"});
  CHECK(plan.diagnostics.at(0).message ==
        "image 'figures/map.png' cannot be found: the document was given from memory, without a folder");
  CHECK(pdf.status == Status::invalid_document);
  REQUIRE(!from_stdin.diagnostics.empty());
  CHECK(test::brief(from_stdin.diagnostics[0]) == "error UCAP075 9:17");
  CHECK(from_stdin.diagnostics[0].message ==
        "<roster href=\"roster.xml\"> cannot be followed: the report was given from memory, without a folder");
  CHECK(named.diagnostics.empty());
}

TEST_CASE("an impossible fallback date is refused where it is given: Status::invalid_argument, UCAP066") {
  Document plan = Document::load_buffer("plan.xml", minimal);
  Rendering refused = api_engine().render(plan, Language::en, {nullptr, "2023-02-29"});
  CHECK(refused.status == Status::invalid_argument);
  CHECK(refused.pdf.empty());
  CHECK(briefs(refused.diagnostics) == std::vector<std::string>{"error UCAP066 0:0"});
  CHECK(refused.diagnostics.at(0).file == "fallback_date");
  CHECK(std::string(to_string(Status::invalid_argument)) == "invalid argument");
  CHECK(api_engine().render(plan, Language::en, {nullptr, "2024-02-29"}).ok());
}

TEST_CASE("strings longer than libharu writes are cut (outline, info) or left without a link, with a warning") {
  const std::string long_title = test::replace_once(minimal, "Green Infrastructure for Bratislava", std::string(40'000, 'G'));
  const std::string long_link = test::replace_once(
      long_title, "More trees, fewer floods.", "<a href=\"https://example.org/" + std::string(70'000, 'a') + "\">Trees</a>.");
  const Document plan = Document::load_buffer("plan.xml", long_link);
  CHECK(briefs(api_engine().validate(plan).diagnostics) ==
        std::vector<std::string>{"warning UCAP047 3:3", "warning UCAP047 20:31"});
  Rendering pdf = api_engine().render(plan, Language::en);
  REQUIRE(pdf.ok());  // was: write_failed, "libharu error 0x…"
  const std::string bytes(pdf.pdf.begin(), pdf.pdf.end());
  CHECK(bytes.find("https://example.org/aaaa") == std::string::npos);  // no cut link
}

TEST_CASE("--pdf-standard's names: the four choices, in either order, nothing else") {
  using ucap::PdfStandards;
  CHECK(ucap::parse_pdf_standards("ua-1,a-2a") == PdfStandards{true, true});
  CHECK(ucap::parse_pdf_standards("a-2a,ua-1") == PdfStandards{true, true});
  CHECK(ucap::parse_pdf_standards("ua-1") == PdfStandards{true, false});
  CHECK(ucap::parse_pdf_standards("a-2a") == PdfStandards{false, true});
  CHECK(ucap::parse_pdf_standards("none") == PdfStandards{false, false});
  for (const char* bad : {"", "UA-1", "ua1", "a-2b", "ua-1,", ",a-2a", "ua-1,ua-1", "none,ua-1", "ua-1 a-2a", "pdf/a"})
    CHECK_MESSAGE(!ucap::parse_pdf_standards(bad), bad);
  CHECK(ucap::to_string(PdfStandards{}) == "ua-1,a-2a");
  CHECK(ucap::to_string(PdfStandards{true, false}) == "ua-1");
  CHECK(ucap::to_string(PdfStandards{false, true}) == "a-2a");
  CHECK(ucap::to_string(PdfStandards{false, false}) == "none");
}

TEST_CASE("a document validated once is rendered with that validation, for each of its PDFs") {
  // A report whose roster loses the report's meeting after validate(): the
  // file as it is now is refused, but the document validated before keeps
  // the roster it read then (report sources are read once per document)
  // and renders with its validation.
  namespace fs = std::filesystem;
  auto write_text = [](const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; };
  const fs::path folder = temporary_folder();
  fs::create_directories(folder / "reports" / "plans");
  fs::create_directories(folder / "plans");
  const std::string roster_path = (folder / "plans" / "minimal-roster.xml").string();
  const std::string roster_text = test::fixture("plans/minimal-roster.xml");
  write_text(roster_path, roster_text);
  write_text((folder / "reports" / "report.xml").string(), test::fixture("reports/minimal.xml"));
  const Document report = Document::load_file((folder / "reports" / "report.xml").string());

  const Validation check = api_engine().validate(report);
  REQUIRE(check.status == Status::ok);
  write_text(roster_path, test::replace_once(roster_text, "  <meeting n=\"3\" city=\"Brussels\" date=\"2018-10-11\"/>\n", ""));
  REQUIRE(api_engine().validate(Document::load_file((folder / "reports" / "report.xml").string())).status ==
          Status::invalid_document);  // the files as they are now

  RenderOptions validated;
  validated.validation = &check;
  for (Language language : {Language::en, Language::ja}) {
    Rendering pdf = api_engine().render(report, language, validated);
    CHECK(pdf.status == Status::ok);
    CHECK(test::looks_like_pdf(pdf.pdf));
  }
  CHECK(api_engine().render(report, Language::en).status == Status::ok);  // its sources as read at validation

  SUBCASE("another document's validation is not taken for this one's") {
    const Document copy = Document::load_file((folder / "reports" / "report.xml").string());
    CHECK(api_engine().render(copy, Language::en, validated).status == Status::invalid_document);
  }
  SUBCASE("nor one made without the roster it is rendered with") {
    const Document roster = Document::load_buffer("roster.xml", test::fixture("plans/minimal-roster.xml"));
    const Document elsewhere = Document::load_buffer(
        "plan.xml", test::replace_once(minimal, "id=\"bratislava-tokorozawa\"", "id=\"bratislava-kobe\""));
    const Validation without_roster = api_engine().validate(elsewhere);
    REQUIRE(without_roster.ok());
    RenderOptions options{.roster = &roster, .validation = &without_roster};
    CHECK(api_engine().render(elsewhere, Language::en, options).status == Status::invalid_document);
  }
  fs::remove_all(folder);
}
