#include "font/font_registry.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <hb-subset.h>
#include <hb.h>

#include "font/font_subset.h"

namespace ucap::font {

LoadedFace::LoadedFace(std::string id, Script script, Family family, std::unique_ptr<TrueTypeFace> file)
    : id_(std::move(id)), script_(script), family_(family), file_(std::move(file)) {
  hb_face_ = hb_face_reference(file_->hb_face());  // the file's, over its mapping
  hb_font_ = hb_font_create(hb_face_);
  hb_font_make_immutable(hb_font_);
}

LoadedFace::~LoadedFace() {
  hb_face_destroy(preprocessed_subset_source_);  // null when never made: a no-op
  hb_face_destroy(subset_source_);
  hb_font_destroy(hb_font_);
  hb_face_destroy(hb_face_);
}

hb_face_t* LoadedFace::subset_source() const {
  std::call_once(subset_source_once_, [this] { subset_source_ = subset_tables_face(hb_face_); });
  if (subsets_made_.load(std::memory_order_relaxed) < subsets_before_preprocessing &&
      subsets_made_.fetch_add(1, std::memory_order_relaxed) < subsets_before_preprocessing)
    return subset_source_;
  std::call_once(preprocess_once_, [this] {
    preprocessed_subset_source_ = hb_subset_preprocess(subset_source_);
    hb_face_make_immutable(preprocessed_subset_source_);
  });
  return preprocessed_subset_source_;
}

ResolvedGlyph FontRegistry::resolve_sequence(const FontChoice& choice, char32_t base, char32_t selector) const {
  ResolvedGlyph g = resolve(choice, base);
  if (g.missing || g.ignorable) return g;
  hb_codepoint_t variant = 0;
  if (hb_font_get_variation_glyph(face(g.face).hb_font(), base, selector, &variant)) g.glyph = GlyphId(variant);
  return g;
}

bool is_default_ignorable(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xE0100 && c <= 0xE01EF) || c == 0x180E;
}

std::string code_point_name(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
  return buf;
}

Result<FontRegistry> FontRegistry::load_from_data_dir(const std::string& data_dir) {
  return load(manifest_path_in_data_dir(data_dir));
}

Result<FontRegistry> FontRegistry::load(const std::string& manifest_path) {
  using R = Result<FontRegistry>;
  auto manifest = load_font_manifest(manifest_path);
  if (!manifest) return R::failure(manifest.error());

  FontRegistry registry;
  // Several choices may share one file (IPAexGothic serves three): it is
  // loaded once and gets one index.
  std::vector<std::string> loaded_ids;
  auto face_index_of = [&](const ManifestChoice& choice) -> Result<FaceIndex> {
    for (std::size_t i = 0; i < loaded_ids.size(); ++i)
      if (loaded_ids[i] == choice.face_id) return Result<FaceIndex>::success(FaceIndex(i));
    const ManifestFace* face = nullptr;
    for (const auto& f : manifest->faces)
      if (f.id == choice.face_id) face = &f;
    std::string tried;
    for (const auto& path : face->files) {
      if (!std::filesystem::exists(path)) {
        tried += (tried.empty() ? "" : ", ") + path;
        continue;
      }
      auto file = TrueTypeFace::load(path);
      if (!file) return Result<FaceIndex>::failure(font_setup_error(face->position, "UCAP088", file.error()));
      registry.faces_.push_back(std::make_unique<LoadedFace>(face->id, choice.choice.script, choice.choice.family,
                                                             std::move(file.value())));
      loaded_ids.push_back(face->id);
      return Result<FaceIndex>::success(FaceIndex(loaded_ids.size() - 1));
    }
    return Result<FaceIndex>::failure(font_setup_error(
        face->position, "UCAP088",
        "font file for face '" + face->id + "' not found (looked for " + tried + "); install the font or edit " +
            manifest_path));
  };

  std::array<std::optional<FaceIndex>, 16> direct;
  for (const auto& choice : manifest->choices) {
    auto index = face_index_of(choice);
    if (!index) return R::failure(index.error());
    direct[choice_slot(choice.choice)] = *index;
  }

  // The face nearest to a request within one script and family: exact,
  // then without italic, then without bold, then regular.
  auto nearest = [&](Script s, Family f, bool bold, bool italic) -> std::optional<FaceIndex> {
    for (auto [b, i] : {std::pair{bold, italic}, {bold, false}, {false, italic}, {false, false}})
      if (auto d = direct[choice_slot({s, f, b, i})]) return d;
    return std::nullopt;
  };
  for (Script script : {Script::latin, Script::japanese}) {
    std::vector<Script> scripts{script};
    for (const auto& fb : manifest->fallbacks)
      if (fb.script == script) scripts.insert(scripts.end(), fb.then.begin(), fb.then.end());
    for (Family family : {Family::serif, Family::sans}) {
      Family other = family == Family::serif ? Family::sans : Family::serif;
      for (bool bold : {false, true}) {
        for (bool italic : {false, true}) {
          auto& order = registry.orders_[choice_slot({script, family, bold, italic})];
          for (Family f : {family, other})
            for (Script s : scripts)
              if (auto face = nearest(s, f, bold, italic);
                  face && std::find(order.begin(), order.end(), *face) == order.end())
                order.push_back(*face);
        }
      }
    }
  }
  return R::success(std::move(registry));
}

const std::vector<FaceIndex>& FontRegistry::order_for(const FontChoice& choice) const {
  return orders_[choice_slot(choice)];
}

void FontRegistry::build_latin_table(std::size_t slot) const {
  LatinTable& table = latin_tables_[slot];
  std::call_once(table.once, [&] {
    for (char32_t c = 0; c < latin_table_size; ++c)
      if (!is_control(c)) table.glyphs[c] = resolve_through_faces(slot, c);
    table.ready.store(true, std::memory_order_release);
  });
}

ResolvedGlyph FontRegistry::resolve_through_faces(std::size_t slot, char32_t c) const {
  const auto& order = orders_[slot];
  if (is_default_ignorable(c)) return {order.front(), 0, false, true};
  for (FaceIndex f : order)
    if (GlyphId g = faces_[f]->file().glyph_for(c)) return {f, g, false, false};
  return {order.front(), 0, true, false};
}

std::optional<ResolvedGlyph> missing_stand_in(const FontRegistry& registry, const FontChoice& choice,
                                              const ResolvedGlyph& missing) {
  const TrueTypeFace& face = registry.face(missing.face).file();
  const double box = face.advance(missing.glyph);
  std::optional<ResolvedGlyph> best;  // the widest that fits, else the narrowest
  const auto better = [&](double width, double best_width) {
    return width <= box ? best_width > box || width > best_width : width < best_width;
  };
  // U+0020 SPACE, U+2002 EN SPACE, U+2003 EM SPACE, U+3000 IDEOGRAPHIC SPACE
  for (char32_t space : {U' ', U'\u2002', U'\u2003', U'\u3000'}) {
    ResolvedGlyph g = registry.resolve(choice, space);
    if (g.missing || g.ignorable || g.face != missing.face) continue;
    if (!best || better(face.advance(g.glyph), face.advance(best->glyph))) best = g;
  }
  return best;
}

}  // namespace ucap::font
