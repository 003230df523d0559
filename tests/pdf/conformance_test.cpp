// PDF/A-2a and PDF/UA-1 beyond the pages: the XMP, the OutputIntent, the
// viewer preferences, the dates and the trailer /ID, as a reader sees them.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include <pugixml.hpp>

#include "../font/shared_registry.h"
#include "files/atomic_file.h"
#include "pdf/conformance.h"
#include "pdf/pdf_writer.h"
#include "pdf/srgb_profile.h"
#include "sample_document.h"
#include "support/scratch.h"

using namespace ucap;
using namespace ucap::pdf;
using namespace ucap::pdf::testing;
using ucap::font::testing::shared_registry;

namespace {

const font::FontChoice latin_serif{font::Script::latin, font::Family::serif, false, false};

layout::DocumentInfo bilingual_info() {
  layout::DocumentInfo info{"Trees & <floods> / 樹木と洪水", "Grenoble Alpes Métropole", "UCAP: Grenoble – Toyota",
                            "SDG 11.5, SDG 13.1", "en", "2024-04-01"};
  info.titles = {{"en", "Trees & <floods>"}, {"ja", "樹木と洪水"}};
  return info;
}

layout::LaidOutDocument one_page(const layout::DocumentInfo& info, const std::string& text = "Hello, world") {
  font::RegistryMeasurer measurer(shared_registry());
  layout::LaidOutDocument doc;
  doc.pages.emplace_back();
  doc.pages[0].texts.push_back(place_text(measurer, latin_serif, 12, 72, 100, text));
  doc.info = info;
  return doc;
}

std::string written(const layout::LaidOutDocument& doc, PdfStandards standards = {}) {
  std::vector<MissingGlyphFinding> findings;
  WriteOptions options;
  options.standards = standards;
  auto bytes = write_pdf(doc, shared_registry(), findings, options);
  REQUIRE(bytes.ok());
  return std::string(bytes.value().begin(), bytes.value().end());
}

// The file as qpdf shows it: objects in order, streams uncompressed.
std::string qdf_of(const std::string& pdf, const std::string& name) {
  const std::string path = ucap::test::scratch_path("conformance-" + name).string();
  REQUIRE(files::write_file_atomically(path, std::vector<std::uint8_t>(pdf.begin(), pdf.end())).empty());
  CommandResult qdf = run_command("qpdf --qdf --object-streams=disable " + path + " -", path);
  std::filesystem::remove(path);
  CHECK(qdf.status == 0);
  return qdf.out;
}

// The trailer's /ID, as written (qpdf would write its own), from the last
// startxref's offset on: the xref stream's dictionary, or an xref table's trailer.
std::string trailer_id(const std::string& pdf) {
  std::smatch id;
  const std::string trailer = pdf.substr(std::stoul(pdf.substr(pdf.rfind("startxref") + 9)));
  return std::regex_search(trailer, id, std::regex("/ID \\[ ?<([0-9A-F]{32})> ?<([0-9A-F]{32})> ?\\]")) && id[1] == id[2]
             ? id[1].str()
             : std::string("(none)");
}

std::string text_of(const pugi::xml_node& description, const char* path) {
  return description.first_element_by_path(path).text().as_string("(absent)");
}

}  // namespace

TEST_CASE("pdf: the XMP packet is well-formed and says what the Info dictionary says") {
  const std::string xmp = xmp_packet(bilingual_info(), {});
  CHECK(xmp.rfind("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", 0) == 0);
  CHECK(xmp.find("<?xpacket end=\"w\"?>") == xmp.size() - 19);
  pugi::xml_document document;
  REQUIRE(document.load_string(xmp.c_str()));
  pugi::xml_node description = document.first_element_by_path("x:xmpmeta/rdf:RDF/rdf:Description");
  REQUIRE(description);

  // Every language's title, after the Info /Title as x-default.
  std::vector<std::pair<std::string, std::string>> titles;
  for (pugi::xml_node li : description.first_element_by_path("dc:title/rdf:Alt").children("rdf:li"))
    titles.emplace_back(li.attribute("xml:lang").value(), li.text().get());
  CHECK(titles == std::vector<std::pair<std::string, std::string>>{{"x-default", "Trees & <floods> / 樹木と洪水"},
                                                                    {"en", "Trees & <floods>"},
                                                                    {"ja", "樹木と洪水"}});
  CHECK(text_of(description, "dc:creator/rdf:Seq/rdf:li") == "Grenoble Alpes Métropole");
  CHECK(text_of(description, "dc:description/rdf:Alt/rdf:li") == "UCAP: Grenoble – Toyota");
  CHECK(description.first_element_by_path("dc:description/rdf:Alt/rdf:li").attribute("xml:lang").value() ==
        std::string("x-default"));
  CHECK(text_of(description, "pdf:Keywords") == "SDG 11.5, SDG 13.1");
  CHECK(text_of(description, "pdf:Producer") == "ucap");
  CHECK(text_of(description, "xmp:CreateDate") == "2024-04-01T00:00:00Z");
  CHECK(text_of(description, "xmp:ModifyDate") == "2024-04-01T00:00:00Z");
  CHECK(text_of(description, "pdfaid:part") == "2");
  CHECK(text_of(description, "pdfaid:conformance") == "A");
  CHECK(text_of(description, "pdfuaid:part") == "1");
  // pdfuaid is declared for PDF/A, as an extension schema with its one property.
  pugi::xml_node schema = description.first_element_by_path("pdfaExtension:schemas/rdf:Bag/rdf:li");
  CHECK(text_of(schema, "pdfaSchema:namespaceURI") == "http://www.aiim.org/pdfua/ns/id/");
  CHECK(text_of(schema, "pdfaSchema:prefix") == "pdfuaid");
  CHECK(text_of(schema, "pdfaSchema:property/rdf:Seq/rdf:li/pdfaProperty:name") == "part");
  CHECK(text_of(schema, "pdfaSchema:property/rdf:Seq/rdf:li/pdfaProperty:valueType") == "Integer");
}

TEST_CASE("pdf: the XMP claims only the standards asked for, and no date the document lacks") {
  layout::DocumentInfo info = bilingual_info();
  const std::string ua_only = xmp_packet(info, {true, false});
  CHECK(ua_only.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(ua_only.find("pdfaid") == std::string::npos);
  CHECK(ua_only.find("pdfaExtension") == std::string::npos);  // needed by PDF/A alone
  const std::string a_only = xmp_packet(info, {false, true});
  CHECK(a_only.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(a_only.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
  CHECK(a_only.find("pdfuaid") == std::string::npos);

  info.creation_date.clear();
  const std::string undated = xmp_packet(info, {});
  CHECK(undated.find("CreateDate") == std::string::npos);
  CHECK(undated.find("ModifyDate") == std::string::npos);
  const std::string qdf = qdf_of(written(one_page(info)), "undated.pdf");
  CHECK(qdf.find("/CreationDate") == std::string::npos);
  CHECK(qdf.find("/ModDate") == std::string::npos);
}

TEST_CASE("pdf: a PDF/A-2a and PDF/UA-1 file's header, catalog, dates and output intent") {
  const std::string pdf = written(one_page(bilingual_info()));
  // The header, then a comment of four bytes ≥ 128 that marks the file binary.
  REQUIRE(pdf.size() > 16);
  CHECK(pdf.rfind("%PDF-1.7\n%", 0) == 0);
  for (std::size_t i = 10; i < 14; ++i) CHECK(static_cast<unsigned char>(pdf[i]) >= 128);

  const std::string qdf = qdf_of(pdf, "archival.pdf");
  CHECK(qdf.find("/ViewerPreferences <<\n    /DisplayDocTitle true\n  >>") != std::string::npos);
  CHECK(qdf.find("/Subtype /XML\n  /Type /Metadata") != std::string::npos);
  CHECK(qdf.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
  // Modified when it was made: the same date in the Info dictionary and the XMP.
  CHECK(qdf.find("/CreationDate (D:20240401000000Z00'00')") != std::string::npos);
  CHECK(qdf.find("/ModDate (D:20240401000000Z00'00')") != std::string::npos);
  CHECK(qdf.find("/Producer (ucap)") != std::string::npos);

  // One OutputIntent, sRGB, with the ICC profile embedded whole.
  CHECK(qdf.find("/S /GTS_PDFA1") != std::string::npos);
  CHECK(qdf.find("/OutputConditionIdentifier (sRGB IEC61966-2.1)") != std::string::npos);
  std::smatch profile;
  REQUIRE(std::regex_search(qdf, profile, std::regex("/DestOutputProfile (\\d+) 0 R")));
  std::smatch stream;
  REQUIRE(std::regex_search(qdf, stream,
                            std::regex(profile[1].str() + " 0 obj\n<<\n  /N 3\n  /Length \\d+ 0 R\n>>\nstream\n")));
  const std::size_t icc_begins = std::size_t(stream.position(0) + stream.length(0));
  const auto icc = srgb_icc_profile();
  REQUIRE(icc.size() == 6922);
  CHECK(qdf.compare(icc_begins, icc.size(), reinterpret_cast<const char*>(icc.data()), icc.size()) == 0);
  CHECK(qdf.compare(icc_begins + 36, 4, "acsp") == 0);  // the ICC signature
}

TEST_CASE("pdf: the trailer /ID comes from the file's bytes: the same input, the same ID") {
  const std::string first = written(one_page(bilingual_info()));
  const std::string again = written(one_page(bilingual_info()));
  CHECK(first == again);
  const std::string id = trailer_id(first);
  CHECK(id != "(none)");
  CHECK(id != std::string(32, '0'));
  CHECK(trailer_id(written(one_page(bilingual_info(), "Hello, world!"))) != id);
  layout::DocumentInfo retitled = bilingual_info();
  retitled.title += ".";
  CHECK(trailer_id(written(one_page(retitled))) != id);
  // Different claims, different bytes, different ID.
  CHECK(trailer_id(written(one_page(bilingual_info()), {true, false})) != id);
}

TEST_CASE("pdf: with no standard the PDF is as before: PDF 1.4, no metadata, no output intent, no /ID") {
  const std::string pdf = written(one_page(bilingual_info()), {false, false});
  CHECK(pdf.rfind("%PDF-1.4\n", 0) == 0);
  CHECK(trailer_id(pdf) == "(none)");
  const std::string qdf = qdf_of(pdf, "untagged.pdf");
  CHECK(qdf.find("/Metadata") == std::string::npos);
  CHECK(qdf.find("/OutputIntents") == std::string::npos);
  CHECK(qdf.find("/ViewerPreferences") == std::string::npos);
  CHECK(qdf.find("/ModDate") == std::string::npos);
  CHECK(qdf.find("/CreationDate (D:20240401000000Z00'00')") != std::string::npos);
}
