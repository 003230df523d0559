#include "font/font_subset.h"

#include <algorithm>

#include <hb-subset.h>
#include <hb.h>

namespace ucap::font {

GlyphId FontSubset::map(GlyphId old_glyph) const {
  auto it = std::lower_bound(old_to_new.begin(), old_to_new.end(), std::pair<GlyphId, GlyphId>(old_glyph, 0));
  return it != old_to_new.end() && it->first == old_glyph ? it->second : 0;
}

Result<FontSubset> subset_face(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options) {
  using R = Result<FontSubset>;
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return R::failure("out of memory creating a font subset");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  hb_set_add(glyph_set, 0);
  for (GlyphId g : glyphs) hb_set_add(glyph_set, g);

  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern", "name", "post", "cmap", "vhea", "vmtx",
                          "VORG", "hdmx", "LTSH", "VDMX", "DSIG", "gasp", "PCLT", "meta", "FFTM"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  // .notdef keeps its advance but loses its outline (hb-subset's default):
  // Liberation's is empty anyway, so the writer draws the placeholder box.
  unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
  if (options.retain_glyph_ids) flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
  if (!options.keep_hinting) flags |= HB_SUBSET_FLAGS_NO_HINTING;
  hb_subset_input_set_flags(input, flags);

  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face.hb_face(), input);
  hb_subset_input_destroy(input);
  if (!plan) return R::failure("cannot plan a subset of " + face.file().path());
  hb_face_t* subset = hb_subset_plan_execute_or_fail(plan);
  if (!subset) {
    hb_subset_plan_destroy(plan);
    return R::failure("cannot subset " + face.file().path());
  }

  FontSubset result;
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan);
  std::vector<GlyphId> wanted(glyphs.begin(), glyphs.end());
  wanted.push_back(0);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  for (GlyphId g : wanted) {
    hb_codepoint_t mapped = hb_map_get(mapping, g);
    if (mapped != HB_MAP_VALUE_INVALID) result.old_to_new.emplace_back(g, GlyphId(mapped));
  }
  hb_blob_t* blob = hb_face_reference_blob(subset);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  result.bytes.assign(reinterpret_cast<const std::uint8_t*>(data), reinterpret_cast<const std::uint8_t*>(data) + length);
  hb_blob_destroy(blob);
  hb_face_destroy(subset);
  hb_subset_plan_destroy(plan);
  if (result.bytes.empty()) return R::failure("empty subset of " + face.file().path());
  return R::success(std::move(result));
}

}  // namespace ucap::font
