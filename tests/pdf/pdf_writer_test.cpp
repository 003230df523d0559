#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <thread>

#include "../font/shared_registry.h"
#include "files/atomic_file.h"
#include "pdf/pdf_writer.h"
#include "sample_document.h"
#include "support/scratch.h"

using namespace ucap;
using namespace ucap::pdf;
using namespace ucap::pdf::testing;
using ucap::font::testing::shared_registry;

namespace {

bool write_bytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  return files::write_file_atomically(path, bytes).empty();
}

const font::FontChoice japanese_serif{font::Script::japanese, font::Family::serif, false, false};
const font::FontChoice latin_serif{font::Script::latin, font::Family::serif, false, false};
const font::FontChoice latin_sans_bold{font::Script::latin, font::Family::sans, true, false};

layout::LaidOutDocument sample_document() {
  font::RegistryMeasurer measurer(shared_registry());
  layout::LaidOutDocument doc;
  layout::Page first;
  first.texts.push_back(place_text(measurer, japanese_serif, 12, 72, 100, mixed_sample));
  first.texts.push_back(place_text(measurer, latin_serif, 12, 72, 130, mixed_sample));
  first.texts.push_back(place_text(measurer, latin_sans_bold, 10, 72, 160, "Bold AV heading"));
  first.rects.push_back({72, 200, 200, 40, {0.9, 0.9, 1}, true, {0, 0, 0.5}, 0.5});
  first.lines.push_back({72, 250, 272, 250, {0.2, 0.2, 0.2}, 0.75});
  first.links.push_back({72, 88, 150, 16, "https://example.org/ucap", -1, 0});
  first.links.push_back({72, 150, 100, 14, "", 1, 72});
  layout::Page second;
  second.width = 841.89;  // landscape: page size per page
  second.height = 595.276;
  second.texts.push_back(place_text(measurer, japanese_serif, 12, 72, 72, "第二頁"));
  doc.pages = {first, second};
  doc.outline = {{"1. 目標", 0, 90, 0}, {"1.1 Activity 𠮟", 0, 120, 1}, {"2. 次", 1, 60, 0}};
  doc.info = {"行動計画 Action plan", "山田 太郎", "UCAP", "plan, 𩸽", "ja", "2024-04-01"};
  return doc;
}

std::string scratch_path(const std::string& name) {
  return ucap::test::scratch_path("pdf-test-" + name).string();
}

// Set UCAP_KEEP_TEST_PDFS=1 to keep the files in the temp folder for a look.
void discard(const std::string& path) {
  if (!std::getenv("UCAP_KEEP_TEST_PDFS")) std::filesystem::remove(path);
}

std::string write_sample(const std::string& name, std::vector<MissingGlyphFinding>* findings_out = nullptr) {
  std::vector<MissingGlyphFinding> findings;
  auto bytes = write_pdf(sample_document(), shared_registry(), findings);
  REQUIRE_MESSAGE(bytes.ok(), bytes.error());
  std::string path = scratch_path(name);
  REQUIRE(write_bytes(path, bytes.value()));
  if (findings_out) *findings_out = findings;
  return path;
}

}  // namespace

TEST_CASE("pdf: pdftotext extracts exactly, with no warning") {
  std::vector<MissingGlyphFinding> findings;
  std::string path = write_sample("extract.pdf", &findings);
  CHECK(findings.empty());
  auto r = run_command("pdftotext -enc UTF-8 " + path + " -", path);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == mixed_sample + "\n" + mixed_sample + "\nBold AV heading\n\n\f第二頁\n\n\f");
  discard(path);
}

TEST_CASE("pdf: every font is embedded, subset and has a ToUnicode map; qpdf --check passes") {
  std::string path = write_sample("fonts.pdf");
  auto fonts = run_command("pdffonts " + path, path);
  CHECK(fonts.status == 0);
  CHECK(fonts.err == "");
  std::istringstream lines(fonts.out);
  std::string line;
  int rows = 0;
  std::regex row(R"(^([A-Z]{6})\+(\S+)\s+CID TrueType\s+Identity-H\s+yes yes yes\s+\d+\s+0\s*$)");
  std::getline(lines, line);
  std::getline(lines, line);  // header and rule
  while (std::getline(lines, line)) {
    ++rows;
    INFO(line);
    CHECK(std::regex_match(line, row));
  }
  CHECK(rows == 3);  // IPAexMincho, LiberationSerif, LiberationSans-Bold
  auto check = run_command("qpdf --check " + path, path);
  INFO(check.out, check.err);
  CHECK(check.status == 0);
  CHECK(check.err == "");
  discard(path);
}

TEST_CASE("pdf: MuPDF places every character within 0.1 pt of its x position") {
  std::string path = write_sample("positions.pdf");
  auto r = run_command("mutool draw -q -F stext -o - " + path + " 1", path);
  REQUIRE(r.status == 0);
  // <char quad="x0 y0 ..." x="72" y="100" ... c="𠮟"/>
  std::regex char_re(R"re(<char [^>]*?x="([-0-9.]+)" y="([-0-9.]+)"[^>]*? c="([^"]*)")re");
  std::vector<std::pair<double, double>> seen;  // (x, baseline)
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), char_re); it != std::sregex_iterator(); ++it)
    seen.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  auto doc = sample_document();
  std::vector<std::pair<double, double>> expected;
  for (const auto& t : doc.pages[0].texts)
    for (double x : t.x_positions) expected.emplace_back(x, t.baseline_y);
  REQUIRE(seen.size() == expected.size());
  std::sort(seen.begin(), seen.end(), [](auto a, auto b) { return a.second != b.second ? a.second < b.second : a.first < b.first; });
  std::sort(expected.begin(), expected.end(), [](auto a, auto b) { return a.second != b.second ? a.second < b.second : a.first < b.first; });
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i].first == doctest::Approx(expected[i].first).epsilon(0).scale(0).epsilon(0.1 / std::max(1.0, expected[i].first)));
    CHECK(std::abs(seen[i].second - expected[i].second) < 0.1);
  }
  discard(path);
}

TEST_CASE("pdf: the same document gives the same bytes, on any thread") {
  std::vector<MissingGlyphFinding> f1, f2, f3;
  auto a = write_pdf(sample_document(), shared_registry(), f1);
  auto b = write_pdf(sample_document(), shared_registry(), f2);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a.value() == b.value());
  std::vector<std::uint8_t> from_thread;
  std::thread t([&] {
    auto c = write_pdf(sample_document(), shared_registry(), f3);
    if (c.ok()) from_thread = c.value();
  });
  auto d = write_pdf(sample_document(), shared_registry(), f1);
  t.join();
  CHECK(from_thread == a.value());
  CHECK(d.value() == a.value());
}

TEST_CASE("pdf: outline, links, info and language") {
  std::string path = write_sample("outline.pdf");
  auto outlines = run_command("qpdf --json --json-key=outlines " + path, path);
  CHECK(outlines.status == 0);
  CHECK(outlines.out.find("\"title\": \"1. 目標\"") != std::string::npos);
  CHECK(outlines.out.find("\"title\": \"1.1 Activity 𠮟\"") != std::string::npos);
  CHECK(outlines.out.find("\"title\": \"2. 次\"") != std::string::npos);
  // 1.1 is nested under 1.: qpdf lists an entry's "kids" before its "title".
  auto kids = outlines.out.find("\"kids\": [\n        {"), nested = outlines.out.find("1.1 Activity"),
       first = outlines.out.find("1. 目標"), second = outlines.out.find("2. 次");
  CHECK(kids < nested);
  CHECK(nested < first);
  CHECK(first < second);

  auto qdf = run_command("qpdf --qdf --object-streams=disable " + path + " -", path);
  CHECK(qdf.out.find("/URI (https://example.org/ucap)") != std::string::npos);
  CHECK(qdf.out.find("/Subtype /Link") != std::string::npos);
  CHECK(qdf.out.find("/Lang (ja)") != std::string::npos);
  CHECK(qdf.out.find("/CreationDate (D:20240401000000Z") != std::string::npos);
  CHECK(qdf.out.find("/MediaBox [\n    0\n    0\n    841.89") != std::string::npos);

  auto info = run_command("pdfinfo -enc UTF-8 " + path, path);
  auto field = [&](const std::string& name) {
    std::smatch m;
    std::regex re("(^|\n)" + name + ":\\s+([^\n]*)");
    return std::regex_search(info.out, m, re) ? m[2].str() : std::string("(absent)");
  };
  CHECK(field("Title") == "行動計画 Action plan");
  CHECK(field("Author") == "山田 太郎");
  CHECK(field("Subject") == "UCAP");
  CHECK(field("Keywords") == "plan, 𩸽");
  CHECK(field("Pages") == "2");
  discard(path);
}

TEST_CASE("pdf: a character no font has is drawn as a box, kept in the text, never shown as .notdef") {
  font::RegistryMeasurer measurer(shared_registry());
  layout::LaidOutDocument doc;
  doc.pages.emplace_back();
  doc.pages[0].texts.push_back(place_text(measurer, latin_serif, 12, 72, 100, "a\uE000b"));
  std::vector<MissingGlyphFinding> findings;
  auto bytes = write_pdf(doc, shared_registry(), findings);
  REQUIRE(bytes.ok());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].page == 0);
  CHECK(findings[0].text_index == 0);
  CHECK(findings[0].code_point_index == 1);
  CHECK(findings[0].code_point == 0xE000);
  CHECK(findings[0].message.find("U+E000") != std::string::npos);
  std::string path = scratch_path("missing.pdf");
  REQUIRE(write_bytes(path, bytes.value()));
  auto text = run_command("pdftotext -enc UTF-8 " + path + " -", path);
  // The character itself, once, between its neighbours (no gap read as a space).
  CHECK(text.out == "a\uE000b\n\n\f");
  CHECK(text.err == "");
  auto qdf = run_command("qpdf --qdf --object-streams=disable " + path + " -", path);
  // The box: a stroked path, marked as an artifact (not content).
  CHECK(qdf.out.find("/Artifact <</Type /Layout>> BDC\nq\n") != std::string::npos);
  CHECK(qdf.out.find(" re\nS\nQ\nEMC\n") != std::string::npos);
  // In the text: a blank glyph stretched to the box, inside an /ActualText
  // span that gives U+E000; not glyph 0 (.notdef), which PDF/A forbids.
  std::smatch shown;
  REQUIRE(std::regex_search(qdf.out, shown,
                            std::regex("/Span <</ActualText <feffe000>>> BDC\n([0-9.]+) Tz\n<(....)>Tj\n100 Tz\nEMC\n")));
  CHECK(shown[2].str() != "0000");
  CHECK(std::stod(shown[1].str()) > 100);  // Liberation Serif's spaces are narrower than its .notdef box
  // No code the page's text object shows is glyph 0.
  const std::size_t text_begins = qdf.out.find("BT\n"), text_ends = qdf.out.find("ET\n", text_begins);
  REQUIRE(text_ends != std::string::npos);
  const std::string text_object = qdf.out.substr(text_begins, text_ends - text_begins);
  CHECK(std::regex_search(text_object, std::regex("<([0-9a-f]{4})*0000")) == false);
  discard(path);
}
