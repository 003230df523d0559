// What PDF/A-2 and PDF/UA-1 ask of a file beyond its pages: the XMP
// metadata stream with the standards' claims, the OutputIntent that makes
// device RGB sRGB, /DisplayDocTitle, a modification date equal to the
// creation date, and a trailer /ID derived from the file's own bytes.
// Each is written only for the standards asked for, and claims only those.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

#include "layout/page_boxes.h"
#include "pdf/pdf_standards.h"

namespace ucap::pdf {

// The producer named in the Info dictionary and the XMP alike.
inline constexpr const char* producer_name = "ucap";

// The date a PDF carries, from DocumentInfo::creation_date ("YYYY-MM-DD");
// not valid() when there is none (the PDF then has no dates at all).
struct PdfDate {
  int year = 0, month = 0, day = 0;
  bool valid() const { return month != 0; }
};
PdfDate parse_pdf_date(std::string_view date);

// The XMP packet (UTF-8, unfiltered, as PDF/A wants it): dc:title with
// x-default first (the Info /Title) and then each language's title,
// dc:creator, dc:description, pdf:Keywords, pdf:Producer, xmp:CreateDate
// and ModifyDate (the Info dates), pdfaid part 2 / A for a2a, pdfuaid 1
// for ua1 (with its pdfaExtension schema when the file is also PDF/A).
std::string xmp_packet(const layout::DocumentInfo& info, const PdfStandards& standards);

// Adds to `pdf` (whose Info dictionary set_info has filled) the catalog's
// /Metadata and /ViewerPreferences, /ModDate, the OutputIntent for a2a,
// and a zero /ID in the trailer for fill_trailer_id. Returns an error
// message, empty on success. Does nothing when no standard is asked for.
std::string add_conformance(HPDF_Doc pdf, const layout::DocumentInfo& info, const PdfStandards& standards);

// Replaces the zero /ID add_conformance left in the trailer with a digest
// of the whole file as saved with it (the same bytes give the same ID).
// False when the trailer holds no such /ID.
bool fill_trailer_id(std::vector<std::uint8_t>& pdf_bytes);

}  // namespace ucap::pdf
