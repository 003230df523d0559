// A tagged PDF's non-stream objects in compressed object streams, its
// xref table a cross-reference stream: as qpdf reads the file.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../font/shared_registry.h"
#include "files/atomic_file.h"
#include "pdf/object_streams.h"
#include "pdf/pdf_writer.h"
#include "sample_document.h"
#include "support/scratch.h"

using namespace ucap;
using namespace ucap::pdf;
using namespace ucap::pdf::testing;
using ucap::font::testing::shared_registry;

namespace {

constexpr int filler_objects = 450;

// A file laid out as libharu saves one: a catalog, one page whose content
// stream has an indirect /Length, and many small dictionaries.
std::string libharu_like_file() {
  std::string pdf = "%PDF-1.7\n%\xB7\xBE\xAD\xAA\n";
  std::vector<std::size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  const std::string content = "BT /F1 12 Tf 72 720 Td ET\nendstream endobj 9 0 obj";  // keywords inside stream data
  object("<<\n/Type /Catalog\n/Pages 2 0 R\n>>");
  object("<<\n/Type /Pages\n/Kids [3 0 R]\n/Count 1\n>>");
  object("<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]\n/Contents 4 0 R\n>>");
  object("<<\n/Length 5 0 R\n>>\nstream\r\n" + content + "\r\nendstream");
  object(std::to_string(content.size()));
  for (int k = 0; k < filler_objects; ++k) object("<<\n/S /P\n/K " + std::to_string(k) + "\n>>");
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f\r\n";
  for (std::size_t offset : offsets) {
    std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n\r\n";
  }
  pdf += "trailer\n<<\n/ID [<00000000000000000000000000000000> <00000000000000000000000000000000>]\n"
         "/Root 1 0 R\n/Size " + std::to_string(offsets.size() + 1) + "\n>>\nstartxref\n" + std::to_string(xref) +
         "\n%%EOF\n";
  return pdf;
}

std::string packed(const std::string& pdf) {
  std::vector<std::uint8_t> bytes(pdf.begin(), pdf.end());
  REQUIRE(pack_object_streams(bytes));
  return std::string(bytes.begin(), bytes.end());
}

// Runs `qpdf <arguments> file` on the bytes.
CommandResult qpdf_on(const std::string& pdf, const std::string& arguments, const std::string& name) {
  const std::string path = ucap::test::scratch_path("objstm-" + name).string();
  REQUIRE(files::write_file_atomically(path, std::vector<std::uint8_t>(pdf.begin(), pdf.end())).empty());
  CommandResult result = run_command("qpdf " + arguments + " " + path, path);
  std::filesystem::remove(path);
  return result;
}

void check_clean(const std::string& pdf, const std::string& name) {
  CommandResult check = qpdf_on(pdf, "--check", name);
  CHECK(check.status == 0);
  CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
  CHECK(check.out.find("WARNING") == std::string::npos);
  CHECK(check.err == "");
}

std::string written(const PdfStandards& standards) {
  font::RegistryMeasurer measurer(shared_registry());
  layout::LaidOutDocument doc;
  doc.pages.emplace_back();
  doc.pages[0].texts.push_back(place_text(measurer, {font::Script::latin, font::Family::serif, false, false}, 12, 72,
                                          100, "Packed objects"));
  doc.info.title = "Packed";
  doc.info.language = "en";
  std::vector<MissingGlyphFinding> findings;
  const auto bytes = write_pdf(doc, shared_registry(), findings, WriteOptions{.standards = standards});
  REQUIRE(bytes.ok());
  return {bytes.value().begin(), bytes.value().end()};
}

}  // namespace

TEST_CASE("pdf: object streams hold the small objects, streams stay outside, an xref stream replaces the table") {
  const std::string original = libharu_like_file();
  check_clean(original, "original.pdf");
  const std::string pdf = packed(original);
  check_clean(pdf, "packed.pdf");
  CHECK(pdf.rfind("%PDF-1.7\n%\xB7\xBE\xAD\xAA\n", 0) == 0);
  CHECK(pdf.ends_with("%%EOF\n"));
  CHECK(pdf.find("\nxref\n") == std::string::npos);
  CHECK(pdf.find("trailer") == std::string::npos);
  CHECK(pdf.find("/Type /XRef") != std::string::npos);
  CHECK(pdf.size() < original.size() / 2);

  const std::string xref = qpdf_on(pdf, "--show-xref", "xref.pdf").out;
  // 454 non-stream objects: three object streams (456–458), the xref stream 459.
  CHECK(xref.find("1/0: compressed; stream = 456, index = 0") != std::string::npos);
  CHECK(xref.find("5/0: compressed; stream = 456, index = 3") != std::string::npos);
  CHECK(xref.find("455/0: compressed; stream = 458, index = 53") != std::string::npos);
  CHECK(xref.find("4/0: uncompressed") != std::string::npos);
  CHECK(xref.find("456/0: uncompressed") != std::string::npos);
  CHECK(xref.find("459/0: uncompressed") != std::string::npos);
  CHECK(xref.find("460/0") == std::string::npos);
  CHECK(qpdf_on(pdf, "--show-object=4 --filtered-stream-data", "content.pdf").out ==
        "BT /F1 12 Tf 72 720 Td ET\nendstream endobj 9 0 obj");
  CHECK(qpdf_on(pdf, "--show-object=300", "filler.pdf").out == "<< /K 294 /S /P >>\n");
  CHECK(qpdf_on(pdf, "--show-object=trailer", "trailer.pdf").out.find("/Root 1 0 R") != std::string::npos);

  CHECK(packed(original) == pdf);
}

TEST_CASE("pdf: objects written as bytes are packed after libharu's, under their own numbers") {
  const std::string original = libharu_like_file();  // objects 1–455
  DirectObjects direct(456);
  direct.out() += "<</Type/StructTreeRoot/K 457 0 R>>";
  direct.close();
  direct.out() += "<</S/Document/P 456 0 R/K[0]>>";
  direct.close();
  REQUIRE(direct.size() == 2);
  CHECK(direct.body(1) == "<</S/Document/P 456 0 R/K[0]>>");
  std::vector<std::uint8_t> bytes(original.begin(), original.end());
  REQUIRE(pack_object_streams(bytes, direct, false));
  const std::string pdf(bytes.begin(), bytes.end());
  check_clean(pdf, "direct.pdf");
  const std::string xref = qpdf_on(pdf, "--show-xref", "direct-xref.pdf").out;
  // 456 non-stream objects: three object streams (458–460), the xref stream 461.
  CHECK(xref.find("456/0: compressed; stream = 460, index = 54") != std::string::npos);
  CHECK(xref.find("457/0: compressed; stream = 460, index = 55") != std::string::npos);
  CHECK(xref.find("461/0: uncompressed") != std::string::npos);
  CHECK(qpdf_on(pdf, "--show-object=457", "direct-457.pdf").out == "<< /K [ 0 ] /P 456 0 R /S /Document >>\n");
  // On two threads or one, the same bytes.
  std::vector<std::uint8_t> threaded(original.begin(), original.end());
  REQUIRE(pack_object_streams(threaded, direct, true));
  CHECK(threaded == bytes);

  // Numbers that libharu's objects already use are refused, the bytes left as they were.
  std::vector<std::uint8_t> clashing(original.begin(), original.end());
  DirectObjects clash(455);
  clash.out() += "<<>>";
  clash.close();
  CHECK_FALSE(pack_object_streams(clashing, clash));
  CHECK(std::string(clashing.begin(), clashing.end()) == original);
}

TEST_CASE("pdf: bytes not laid out as libharu saves them are left as they are") {
  for (std::string pdf : {std::string("%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n"),
                          libharu_like_file().replace(9, 0, "junk "), std::string()}) {
    std::string broken = pdf;
    if (!broken.empty() && broken.find("junk") == std::string::npos) broken += "startxref\n99999\n%%EOF\n";
    std::vector<std::uint8_t> bytes(broken.begin(), broken.end());
    CHECK_FALSE(pack_object_streams(bytes));
    CHECK(std::string(bytes.begin(), bytes.end()) == broken);
  }
}

TEST_CASE("pdf: a tagged PDF is packed, the same bytes every time; an untagged one keeps its xref table") {
  const std::string tagged = written({true, true});
  check_clean(tagged, "tagged.pdf");
  CHECK(tagged.find("/Type /ObjStm") != std::string::npos);
  CHECK(tagged.find("/Type /XRef") != std::string::npos);
  CHECK(tagged.find("\nxref\n") == std::string::npos);
  CHECK(written({true, true}) == tagged);

  const std::string untagged = written({false, false});
  check_clean(untagged, "untagged.pdf");
  CHECK(untagged.find("/Type /ObjStm") == std::string::npos);
  CHECK(untagged.find("\nxref\n") != std::string::npos);
  CHECK(untagged.find("trailer") != std::string::npos);
}
