#include "font/font_subset.h"

#include <algorithm>
#include <array>
#include <memory>
#include <span>
#include <utility>

#include <hb-subset.h>
#include <hb.h>

namespace ucap::font {
namespace {

// The tables a PDF CIDFontType2 FontFile2 is read for: outlines and their
// index, metrics, the header, and OS/2 for the vertical metrics. The PDF's
// own W array and ToUnicode stand in for hmtx lookups by code and the
// Unicode cmap, so cmap, layout (GSUB, GPOS, GDEF…), naming and the rest are
// dropped — and with GSUB dropped hb-subset does no layout closure.
constexpr std::array<const char*, 7> embedded_tables{"glyf", "loca", "head", "hhea", "hmtx", "maxp", "OS/2"};
// The hinting programs, kept only when the glyphs keep their instructions.
constexpr std::array<const char*, 3> hinting_tables{"cvt ", "fpgm", "prep"};

bool is_one_of(hb_tag_t tag, std::span<const char* const> tags) {
  return std::any_of(tags.begin(), tags.end(), [tag](const char* t) { return hb_tag_from_string(t, 4) == tag; });
}

// Every table of `face` the subset does not need, as hb-subset's drop set.
void drop_unneeded_tables(hb_face_t* face, hb_set_t* drop, bool keep_hinting) {
  std::array<hb_tag_t, 64> tags;
  unsigned start = 0;
  for (;;) {
    unsigned count = unsigned(tags.size());
    hb_face_get_table_tags(face, start, &count, tags.data());
    for (unsigned i = 0; i < count; ++i)
      if (!is_one_of(tags[i], embedded_tables) && !(keep_hinting && is_one_of(tags[i], hinting_tables)))
        hb_set_add(drop, tags[i]);
    if (count < tags.size()) break;
    start += count;
  }
}

struct FaceDeleter {
  void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct BlobDeleter {
  void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};

}  // namespace

hb_face_t* subset_tables_face(hb_face_t* face) {
  // Only the tables a subset can hold: without cmap, hb-subset has no
  // Unicode values to close over (IPAex's variation sequences added ~18
  // unused glyphs to each subset), and without GSUB no layout closure. The
  // tables are the face's own blobs, not copies.
  hb_face_t* kept = hb_face_builder_create();
  for (auto tables : {std::span<const char* const>(embedded_tables), std::span<const char* const>(hinting_tables)})
    for (const char* tag : tables) {
      hb_blob_t* table = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
      if (hb_blob_get_length(table) > 0) hb_face_builder_add_table(kept, hb_tag_from_string(tag, 4), table);
      hb_blob_destroy(table);
    }
  hb_face_make_immutable(kept);
  return kept;
}

GlyphId FontSubset::map(GlyphId old_glyph) const {
  auto it = std::lower_bound(old_to_new.begin(), old_to_new.end(), std::pair<GlyphId, GlyphId>(old_glyph, 0));
  return it != old_to_new.end() && it->first == old_glyph ? it->second : 0;
}

SubsetPlan::SubsetPlan(hb_subset_plan_t* plan, std::string font_path)
    : plan_(plan), font_path_(std::move(font_path)) {}

SubsetPlan::SubsetPlan(SubsetPlan&& other) noexcept
    : plan_(std::exchange(other.plan_, nullptr)),
      font_path_(std::move(other.font_path_)),
      old_to_new_(std::move(other.old_to_new_)) {}

SubsetPlan& SubsetPlan::operator=(SubsetPlan&& other) noexcept {
  if (this != &other) {
    hb_subset_plan_destroy(plan_);
    plan_ = std::exchange(other.plan_, nullptr);
    font_path_ = std::move(other.font_path_);
    old_to_new_ = std::move(other.old_to_new_);
  }
  return *this;
}

SubsetPlan::~SubsetPlan() { hb_subset_plan_destroy(plan_); }  // null after a move: a no-op

Result<std::vector<std::uint8_t>> SubsetPlan::write() const {
  using R = Result<std::vector<std::uint8_t>>;
  std::unique_ptr<hb_face_t, FaceDeleter> subset(hb_subset_plan_execute_or_fail(plan_));
  if (!subset) return R::failure("cannot subset " + font_path_);
  std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const auto* data = reinterpret_cast<const std::uint8_t*>(hb_blob_get_data(blob.get(), &length));
  if (length == 0) return R::failure("empty subset of " + font_path_);
  return R::success(std::vector<std::uint8_t>(data, data + length));
}

Result<SubsetPlan> plan_subset(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options) {
  using R = Result<SubsetPlan>;
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return R::failure("out of memory creating a font subset of " + face.file().path());
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input);
  hb_set_add(glyph_set, 0);
  for (GlyphId g : glyphs) hb_set_add(glyph_set, g);
  drop_unneeded_tables(face.hb_face(), hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), options.keep_hinting);
  // .notdef keeps its advance but loses its outline (hb-subset's default):
  // the writer draws a missing character's box itself.
  unsigned flags = HB_SUBSET_FLAGS_DEFAULT;
  if (options.retain_glyph_ids) flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
  if (!options.keep_hinting) flags |= HB_SUBSET_FLAGS_NO_HINTING;
  hb_subset_input_set_flags(input, flags);

  // Planned over the preprocessed face, whose glyph ids are the face's own.
  hb_subset_plan_t* planned = hb_subset_plan_create_or_fail(face.subset_source(), input);
  hb_subset_input_destroy(input);
  if (!planned) return R::failure("cannot plan a subset of " + face.file().path());
  SubsetPlan plan(planned, face.file().path());

  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(planned);
  std::vector<GlyphId> wanted(glyphs.begin(), glyphs.end());
  wanted.push_back(0);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  for (GlyphId g : wanted)
    if (hb_codepoint_t mapped = hb_map_get(mapping, g); mapped != HB_MAP_VALUE_INVALID)
      plan.old_to_new_.emplace_back(g, GlyphId(mapped));
  return R::success(std::move(plan));
}

Result<FontSubset> subset_face(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options) {
  using R = Result<FontSubset>;
  auto plan = plan_subset(face, glyphs, options);
  if (!plan) return R::failure(plan.error());
  auto bytes = plan.value().write();
  if (!bytes) return R::failure(bytes.error());
  return R::success(FontSubset{std::move(bytes.value()), plan.value().old_to_new()});
}

}  // namespace ucap::font
