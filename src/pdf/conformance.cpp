#include "pdf/conformance.h"

#include <charconv>
#include <cstdio>
#include <cstring>

#include <libdeflate.h>

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf/deflated_stream.h"
#include "pdf/srgb_profile.h"

namespace ucap::pdf {
namespace {

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

void append_element(std::string& out, std::string_view name, std::string_view text) {
  out += "   <";
  out += name;
  out += '>';
  append_escaped(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

void append_language_alternative(std::string& out, std::string_view lang, std::string_view text) {
  out += "     <rdf:li xml:lang=\"";
  append_escaped(out, lang);
  out += "\">";
  append_escaped(out, text);
  out += "</rdf:li>\n";
}

// dc:title: the Info /Title as x-default (what PDF/A readers compare), then
// every language's own title.
void append_titles(std::string& out, const layout::DocumentInfo& info) {
  out += "   <dc:title>\n    <rdf:Alt>\n";
  append_language_alternative(out, "x-default", info.title);
  for (const auto& [language, title] : info.titles)
    if (!language.empty() && !title.empty()) append_language_alternative(out, language, title);
  out += "    </rdf:Alt>\n   </dc:title>\n";
}

std::string xmp_date(const PdfDate& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", date.year, date.month, date.day);
  return buffer;
}

// pdfuaid is not one of the schemas PDF/A predefines, so a PDF/A file that
// uses it declares it (ISO 19005-2 6.6.2.3).
constexpr const char* pdfuaid_extension_schema = R"(   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
)";

HPDF_Dict new_indirect_dict(HPDF_Doc pdf) {
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (!dict || HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;
  return dict;
}

bool add_metadata(HPDF_Doc pdf, const std::string& xmp) {
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);  // unfiltered: PDF/A forbids a filter here
  if (!stream) return false;
  HPDF_Dict_AddName(stream, "Type", "Metadata");
  HPDF_Dict_AddName(stream, "Subtype", "XML");
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()), HPDF_UINT(xmp.size())) !=
      HPDF_OK)
    return false;
  return HPDF_Dict_Add(pdf->catalog, "Metadata", stream) == HPDF_OK;
}

bool add_output_intent(HPDF_Doc pdf) {
  // The same bytes for every PDF: compressed once (6,922 → 2,452 bytes), at
  // the content streams' level, whose compressor is already made (level 12
  // saved 3 bytes for 5 M instructions, a tenth of a whole `ucap render`).
  static const std::vector<std::uint8_t> compressed = [] {
    const auto profile = srgb_icc_profile();
    return deflate_bytes(profile.data(), profile.size());
  }();
  HPDF_Dict icc = new_precompressed_stream(pdf, compressed);
  if (!icc) return false;
  HPDF_Dict_AddNumber(icc, "N", 3);
  HPDF_Dict intent = new_indirect_dict(pdf);
  if (!intent) return false;
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, srgb_condition, nullptr));
  HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, srgb_condition, nullptr));
  HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(pdf->mmgr, "http://www.color.org", nullptr));
  HPDF_Dict_Add(intent, "DestOutputProfile", icc);
  HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
  if (!intents) return false;
  HPDF_Array_Add(intents, intent);
  return HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK;
}

bool add_display_doc_title(HPDF_Doc pdf) {
  HPDF_Dict preferences = HPDF_Dict_New(pdf->mmgr);
  if (!preferences) return false;
  HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
  return HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences) == HPDF_OK;
}

constexpr std::size_t id_bytes = 16;

bool add_zero_id(HPDF_Doc pdf) {
  const HPDF_BYTE zeros[id_bytes] = {};
  HPDF_Array id = HPDF_Array_New(pdf->mmgr);
  if (!id) return false;
  HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(zeros), id_bytes));
  HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, const_cast<HPDF_BYTE*>(zeros), id_bytes));
  return HPDF_Dict_Add(pdf->trailer, "ID", id) == HPDF_OK;
}

// 16 bytes that change with any byte of the file: its length, libdeflate's
// CRC-32 and Adler-32 of the whole and the CRC-32 of each half, mixed by
// MD5. (MD5 over the whole file took 0.4–0.9 ms of a 200 KB Japanese PDF,
// a tenth of its render; the checksums take a few microseconds.)
void file_digest(const std::vector<std::uint8_t>& bytes, HPDF_BYTE (&digest)[id_bytes]) {
  const std::size_t half = bytes.size() / 2;
  const std::uint64_t facts[] = {bytes.size(), libdeflate_crc32(0, bytes.data(), bytes.size()),
                                 libdeflate_adler32(1, bytes.data(), bytes.size()),
                                 libdeflate_crc32(0, bytes.data(), half),
                                 libdeflate_crc32(0, bytes.data() + half, bytes.size() - half)};
  HPDF_BYTE little_endian[sizeof facts];
  for (std::size_t i = 0; i < sizeof facts; ++i) little_endian[i] = HPDF_BYTE(facts[i / 8] >> (8 * (i % 8)));
  HPDF_MD5_CTX context;
  HPDF_MD5Init(&context);
  HPDF_MD5Update(&context, little_endian, sizeof little_endian);
  HPDF_MD5Final(digest, &context);
}

}  // namespace

PdfDate parse_pdf_date(std::string_view date) {
  int year = 0, month = 0, day = 0;
  if (std::sscanf(std::string(date).c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12 ||
      day < 1 || day > 31)
    return {};
  return {year, month, day};
}

std::string xmp_packet(const layout::DocumentInfo& info, const PdfStandards& standards) {
  std::string out;
  out.reserve(4096);
  out += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  out += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  out += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  out += "  <rdf:Description rdf:about=\"\"\n"
         "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
         "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
  if (standards.a2a) out += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
  if (standards.ua1) out += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
  const bool declare_pdfuaid = standards.ua1 && standards.a2a;
  if (declare_pdfuaid)
    out += "\n    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
           "\n    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
           "\n    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"";
  out += ">\n";
  append_element(out, "dc:format", "application/pdf");
  if (!info.title.empty()) append_titles(out, info);
  if (!info.author.empty()) {
    out += "   <dc:creator>\n    <rdf:Seq>\n     <rdf:li>";
    append_escaped(out, info.author);
    out += "</rdf:li>\n    </rdf:Seq>\n   </dc:creator>\n";
  }
  if (!info.subject.empty()) {
    out += "   <dc:description>\n    <rdf:Alt>\n";
    append_language_alternative(out, "x-default", info.subject);
    out += "    </rdf:Alt>\n   </dc:description>\n";
  }
  if (!info.language.empty()) {
    out += "   <dc:language>\n    <rdf:Bag>\n     <rdf:li>";
    append_escaped(out, info.language);
    out += "</rdf:li>\n    </rdf:Bag>\n   </dc:language>\n";
  }
  if (const PdfDate date = parse_pdf_date(info.creation_date); date.valid()) {
    append_element(out, "xmp:CreateDate", xmp_date(date));
    append_element(out, "xmp:ModifyDate", xmp_date(date));
  }
  append_element(out, "pdf:Producer", producer_name);
  if (!info.keywords.empty()) append_element(out, "pdf:Keywords", info.keywords);
  if (standards.a2a) {
    append_element(out, "pdfaid:part", "2");
    append_element(out, "pdfaid:conformance", "A");
  }
  if (standards.ua1) append_element(out, "pdfuaid:part", "1");
  if (declare_pdfuaid) out += pdfuaid_extension_schema;
  out += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
  // No padding for in-place edits: an archived file is not edited, and
  // every byte counts against issue 18's 10 % budget.
  out += "<?xpacket end=\"w\"?>";
  return out;
}

std::string add_conformance(HPDF_Doc pdf, const layout::DocumentInfo& info, const PdfStandards& standards) {
  if (!standards.ua1 && !standards.a2a) return {};
  if (const PdfDate date = parse_pdf_date(info.creation_date); date.valid()) {
    // Never touched since it was made: modified when created, as the XMP says.
    HPDF_Date modified{date.year, date.month, date.day, 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, modified);
  }
  if (!add_metadata(pdf, xmp_packet(info, standards))) return "cannot add the XMP metadata";
  if (!add_display_doc_title(pdf)) return "cannot add the viewer preferences";
  if (standards.a2a && !add_output_intent(pdf)) return "cannot add the output intent";
  if (!add_zero_id(pdf)) return "cannot add the trailer's /ID";
  return {};
}

bool fill_trailer_id(std::vector<std::uint8_t>& pdf_bytes) {
  static constexpr std::string_view zero_hex = "00000000000000000000000000000000";
  const std::string_view text(reinterpret_cast<const char*>(pdf_bytes.data()), pdf_bytes.size());
  // The trailer is at the last startxref's offset: an xref table and then
  // "trailer <<…>>", or an xref stream whose dictionary holds the /ID.
  std::size_t startxref = text.rfind("startxref");
  if (startxref == std::string_view::npos) return false;
  std::size_t trailer = 0;
  const char* digits = text.data() + startxref + 9;
  while (digits < text.data() + text.size() && (*digits == '\n' || *digits == '\r' || *digits == ' ')) ++digits;
  if (std::from_chars(digits, text.data() + text.size(), trailer).ec != std::errc() || trailer >= startxref)
    return false;
  std::size_t id = text.find("/ID", trailer);
  if (id == std::string_view::npos) return false;
  std::size_t first = text.find(zero_hex, id);
  std::size_t second = first == std::string_view::npos ? first : text.find(zero_hex, first + zero_hex.size());
  if (second == std::string_view::npos || second - first > zero_hex.size() + 4) return false;

  HPDF_BYTE digest[id_bytes];
  file_digest(pdf_bytes, digest);
  char hex[2 * id_bytes + 1];
  for (std::size_t i = 0; i < id_bytes; ++i) std::snprintf(hex + 2 * i, 3, "%02X", unsigned(digest[i]));
  // Both halves the same: the file was made, never changed (ISO 32000-1 14.4).
  std::memcpy(pdf_bytes.data() + first, hex, zero_hex.size());
  std::memcpy(pdf_bytes.data() + second, hex, zero_hex.size());
  return true;
}

}  // namespace ucap::pdf
