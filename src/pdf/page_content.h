// Pass two: one page's content stream. Shapes first (rectangles, then
// lines), text on top, in one text object whose colour, font and size are
// written only when they change, each line placed with Td relative to the
// previous one. Text is shown as the glyphs layout placed
// (PlacedText::glyphs), as 2-byte glyph ids of the embedded subsets
// (literal strings: half the bytes of hex), with TJ adjustments that put
// each character exactly at its PlacedText::x_positions entry; a word space
// stays a real space glyph so text extraction sees words. Placeholder boxes
// for missing characters come last. On a tagged page every box is inside
// the marked content of its structure node or an /Artifact
// (marked_content.h); the text layer is the same either way.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "font/font_registry.h"
#include "font/font_subset.h"
#include "layout/page_boxes.h"
#include "pdf/glyph_usage.h"

namespace ucap::pdf {

// One embedded face as the content stream sees it.
struct FontResource {
  std::string name;                 // resource name: "F1"
  font::FontSubset subset;          // old → new glyph ids (its bytes stay empty: see streams)
  std::map<font::GlyphId, double> widths;  // new glyph id → width in 1/1000 em, as in /W
  // new glyph id → the text its ToUnicode entry gives. A glyph drawn for
  // another character too (IPAex draws 〜 and ～ with one glyph) is wrapped
  // in an /ActualText span there, so the text layer loses nothing.
  std::map<font::GlyphId, std::u32string> unicode;
  // Glyphs drawn under a CID of their own (glyph_usage.h's GlyphAlias),
  // numbered after the subset's glyph ids; widths and unicode hold them
  // too. Empty for most fonts, whose CIDToGIDMap stays /Identity.
  std::map<GlyphAlias, font::GlyphId> alias_cids;    // alias → its CID
  std::map<font::GlyphId, font::GlyphId> alias_glyphs;  // CID → the subset's glyph id
  // The subset file and the ToUnicode CMap, compressed (embedded_font.h's
  // make_font_streams, on the writer's second thread); filled before embedding.
  struct Streams {
    std::vector<std::uint8_t> font_file;  // zlib bytes of the TrueType subset
    std::size_t font_file_length = 0;     // its size uncompressed (/Length1)
    std::vector<std::uint8_t> to_unicode;
  } streams;

  // The same facts as flat tables, for the content writer's lookups per
  // glyph (a map lookup per glyph was a tenth of writing a page).
  std::vector<font::GlyphId> new_by_old;  // old glyph id → new (0 when not in the subset)
  std::vector<double> width_by_new;       // new glyph id → width, as in /W
  std::vector<char32_t> text_by_new;      // new glyph id → its one character; 0 none, several_characters
  static constexpr char32_t several_characters = 0xFFFFFFFF;
  // Fills the three tables from subset, widths and unicode.
  void index_glyphs();
};
using FontResources = std::map<font::FaceIndex, FontResource>;

// Width in 1/1000 em rounded to what the W array and the TJ arithmetic
// share, so positions never drift.
double glyph_width_thousandths(const font::TrueTypeFace& face, font::GlyphId glyph);

struct PageContent {
  std::string stream;
  std::set<font::FaceIndex> fonts_used;
  // A tagged page (marked_content.h): the structure node of each MCID, and
  // the operator that begins each image's marked content (drawn apart).
  std::vector<int> mcid_nodes;
  std::vector<std::string> image_marks;
};

// `structure` set: the page is tagged, every box inside marked content of
// its node or an artifact.
PageContent build_page_content(const layout::Page& page, const font::FontRegistry& registry,
                               const FontResources& fonts, const layout::Structure* structure = nullptr);

}  // namespace ucap::pdf
