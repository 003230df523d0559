// A TrueType subset of one face holding only the glyphs a document draws
// (and the parts of composite glyphs among them), for embedding as a PDF
// FontFile2, made by HarfBuzz's hb-subset over the face's preprocessed copy
// (LoadedFace::subset_source). It holds glyf, loca, hmtx, head, hhea, maxp
// and OS/2; tables a PDF viewer never reads for a CIDFontType2 (layout,
// naming, the Unicode cmap — the PDF's own W array and ToUnicode carry
// that) are dropped, and the hinting programs and glyph instructions go
// unless keep_hinting.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "font/font_registry.h"
#include "font/font_result.h"

namespace ucap::font {

struct FontSubset {
  std::vector<std::uint8_t> bytes;  // a complete TrueType file
  // old glyph id → glyph id in `bytes`, for every glyph asked for.
  std::vector<std::pair<GlyphId, GlyphId>> old_to_new;  // sorted by old id
  GlyphId map(GlyphId old_glyph) const;
};

struct SubsetOptions {
  // Keep the original glyph ids (the subset then has empty slots up to the
  // largest id used); measured larger for IPAex — see bench/.
  bool retain_glyph_ids = false;
  bool keep_hinting = true;
};

// A face of `face`'s tables that a subset can hold (glyph ids unchanged),
// for LoadedFace::subset_source to plan subsets over.
hb_face_t* subset_tables_face(hb_face_t* face);

// `glyphs` may be unsorted and hold duplicates; .notdef is always kept.
Result<FontSubset> subset_face(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options = {});

}  // namespace ucap::font
