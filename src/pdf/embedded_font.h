// One face embedded as a PDF Type0 font: Identity-H over a CIDFontType2
// whose CIDs are the subset's glyph ids (CIDToGIDMap /Identity), with the
// subset as FontFile2, a W array, a FontDescriptor and a ToUnicode CMap.
// Built with libharu's object layer: libharu's own TrueType path writes a
// malformed ToUnicode and loses characters above U+FFFF.
#pragma once

#include <map>
#include <string>

#include <hpdf.h>

#include "font/font_registry.h"
#include "pdf/page_content.h"

namespace ucap::pdf {

// "ABCDEF": six capitals derived from the face and its glyph set, so the
// same document always gets the same tag (PDF 32000 §9.6.4 asks only that
// different subsets get different tags).
std::string subset_tag(const std::string& postscript_name, const font::FontSubset& subset);

// The font's two streams, each made on its own (the PDF writer's threads
// share them out): the subset file that `plan` writes, compressed for
// FontFile2 with its length (an error message, or empty), and the ToUnicode
// CMap of `old_glyph_text` (old glyph id → its characters) under the
// subset's new ids, and of each alias under its CID. Neither needs a libharu document.
std::string make_font_file(const font::SubsetPlan& plan, FontResource::Streams& streams);
void make_to_unicode(const font::FontSubset& subset, const std::map<font::GlyphId, std::u32string>& old_glyph_text,
                     const std::map<GlyphAlias, font::GlyphId>& alias_cids, FontResource::Streams& streams);

// Returns the Type0 font dictionary (an indirect object), or nullptr after
// libharu reported an error to the document's error handler. font.streams
// must be filled.
HPDF_Dict embed_font(HPDF_Doc pdf, const font::LoadedFace& face, const FontResource& font);

}  // namespace ucap::pdf
