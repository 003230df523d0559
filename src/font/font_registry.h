// Every face the manifest names, loaded once per process, and the rule that
// turns a FontChoice and a code point into (face, glyph): the chosen face,
// then the manifest's fallback scripts, then the other family. Immutable
// after load(); every const member is safe to call from many threads.
#pragma once

#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "font/font_choice.h"
#include "font/font_manifest.h"
#include "font/font_result.h"
#include "font/truetype_face.h"

struct hb_face_t;
struct hb_font_t;

namespace ucap::font {

// One font file with the HarfBuzz handles used for kerning and subsetting.
class LoadedFace {
 public:
  LoadedFace(std::string id, Script script, Family family, std::unique_ptr<TrueTypeFace> file);
  ~LoadedFace();
  LoadedFace(const LoadedFace&) = delete;
  LoadedFace& operator=(const LoadedFace&) = delete;

  const std::string& id() const { return id_; }
  Script script() const { return script_; }   // of the first choice that names it
  Family family() const { return family_; }
  const TrueTypeFace& file() const { return *file_; }
  hb_face_t* hb_face() const { return hb_face_; }
  hb_font_t* hb_font() const { return hb_font_; }  // scale = units per em, immutable
  // The face hb-subset plans over: the tables a subset can hold
  // (subset_tables_face; glyph ids unchanged), and from the face's
  // subsets_before_preprocessing-th subset on, that face through
  // hb_subset_preprocess(), made once. Preprocessing IPAex Mincho took
  // ~20 ms and ~15 MB and saved ~0.1 ms per later subset (309 glyphs:
  // 0.2 → 0.09 ms), so only a long-lived engine (a server, a large batch)
  // gains from it; a single render never pays it. Both give the same bytes.
  // Safe to call from many threads.
  hb_face_t* subset_source() const;

 private:
  std::string id_;
  Script script_;
  Family family_;
  std::unique_ptr<TrueTypeFace> file_;
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  static constexpr unsigned subsets_before_preprocessing = 200;
  mutable std::once_flag subset_source_once_, preprocess_once_;
  mutable hb_face_t* subset_source_ = nullptr;
  mutable hb_face_t* preprocessed_subset_source_ = nullptr;
  mutable std::atomic<unsigned> subsets_made_{0};
};

struct ResolvedGlyph {
  FaceIndex face = 0;
  GlyphId glyph = 0;
  // No face has the character: `glyph` is 0 (.notdef) of the primary face,
  // drawn as its box; the caller reports the code point.
  bool missing = false;
  // A default-ignorable character (zero-width space/joiners, variation
  // selectors, BOM): it has no width and nothing is drawn.
  bool ignorable = false;
};

class FontRegistry {
 public:
  // Loads the manifest and every face it names. Fails with a message a user
  // can act on when the manifest or a font file is missing or unreadable.
  static Result<FontRegistry> load(const std::string& manifest_path);
  // The engine's entry: "<data_dir>/fonts/manifest.xml".
  static Result<FontRegistry> load_from_data_dir(const std::string& data_dir);

  FontRegistry(FontRegistry&&) noexcept = default;
  FontRegistry& operator=(FontRegistry&&) noexcept = default;

  ResolvedGlyph resolve(const FontChoice& choice, char32_t c) const {
    if (c < latin_table_size && !is_control(c)) return latin_table(choice_slot(choice))[c];
    return resolve_through_faces(choice_slot(choice), c);
  }
  // A base character followed by a variation selector (an ideographic
  // variation sequence): the glyph the base's face maps the pair to
  // (cmap format 14), else the base's own glyph, silently, as Unicode
  // asks of a renderer that lacks the sequence.
  ResolvedGlyph resolve_sequence(const FontChoice& choice, char32_t base, char32_t selector) const;
  bool covers(const FontChoice& choice, char32_t c) const { return !resolve(choice, c).missing; }
  FaceIndex primary_face(const FontChoice& choice) const { return order_for(choice).front(); }
  // Faces tried for `choice`, primary first.
  const std::vector<FaceIndex>& order_for(const FontChoice& choice) const;

  const LoadedFace& face(FaceIndex index) const { return *faces_[index]; }
  std::size_t face_count() const { return faces_.size(); }

 private:
  FontRegistry() = default;
  static std::size_t choice_slot(const FontChoice& c) {
    return std::size_t(c.script) * 8 + std::size_t(c.family) * 4 + std::size_t(c.bold) * 2 + std::size_t(c.italic);
  }

  ResolvedGlyph resolve_through_faces(std::size_t slot, char32_t c) const;

  // resolve() for the printable characters of U+0000–U+00FF, most of a
  // Latin text, as one table per choice, built on its first use: walking
  // the faces' cmaps for every character was the writer's and the
  // measurer's largest cost. Control characters, which no Latin face has,
  // are left out so that building the table never wakes a fallback face.
  static bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }
  static constexpr char32_t latin_table_size = 0x100;
  struct LatinTable {
    std::once_flag once;
    std::atomic<bool> ready{false};
    std::array<ResolvedGlyph, latin_table_size> glyphs;
  };
  const std::array<ResolvedGlyph, latin_table_size>& latin_table(std::size_t slot) const {
    LatinTable& table = latin_tables_[slot];
    if (!table.ready.load(std::memory_order_acquire)) build_latin_table(slot);
    return table.glyphs;
  }
  void build_latin_table(std::size_t slot) const;

  std::vector<std::unique_ptr<LoadedFace>> faces_;
  std::array<std::vector<FaceIndex>, 16> orders_;  // by choice_slot
  std::unique_ptr<LatinTable[]> latin_tables_ = std::make_unique<LatinTable[]>(16);  // by choice_slot
};

bool is_default_ignorable(char32_t c);
using text::is_variation_selector;

// What a character no font has is shown as: a blank glyph (a space) of the
// face whose .notdef box stands for it, inside an /ActualText span that
// gives the character to text extraction, with the box drawn over it as a
// path. PDF/A forbids showing .notdef (glyph 0). Of the spaces the face
// has, the widest that is no wider than the box (`missing` is the
// character as resolved): poppler reads a wide gap after the span as a
// word break, and a span wider than its box as covering the next space.
// nullopt when the face has no space.
std::optional<ResolvedGlyph> missing_stand_in(const FontRegistry& registry, const FontChoice& choice,
                                              const ResolvedGlyph& missing);

// "U+20B9F": how findings name a code point.
std::string code_point_name(char32_t c);

}  // namespace ucap::font
