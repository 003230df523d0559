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
#include <string>
#include <vector>

#include <hb-subset.h>

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

// A subset in two steps, so that its glyph ids are known at once (the page
// content is written with them) while its bytes are made later, on another
// thread if the caller likes: planning is a fifth of the work.
class SubsetPlan {
 public:
  SubsetPlan(SubsetPlan&&) noexcept;
  SubsetPlan& operator=(SubsetPlan&&) noexcept;
  ~SubsetPlan();

  // old glyph id → new, for every glyph asked for, sorted by old id.
  const std::vector<std::pair<GlyphId, GlyphId>>& old_to_new() const { return old_to_new_; }
  // The subset's TrueType file. Safe on any thread, once per plan.
  Result<std::vector<std::uint8_t>> write() const;

 private:
  friend Result<SubsetPlan> plan_subset(const LoadedFace&, std::span<const GlyphId>, SubsetOptions);
  SubsetPlan(hb_subset_plan_t* plan, std::string font_path);
  hb_subset_plan_t* plan_ = nullptr;
  std::string font_path_;  // for messages
  std::vector<std::pair<GlyphId, GlyphId>> old_to_new_;
};

// `glyphs` may be unsorted and hold duplicates; .notdef is always kept.
Result<SubsetPlan> plan_subset(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options = {});

// plan_subset() and write() in one.
Result<FontSubset> subset_face(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options = {});

}  // namespace ucap::font
