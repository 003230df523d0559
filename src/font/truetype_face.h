// A TrueType font file, parsed once for what layout and the PDF writer
// need: the Unicode cmap (formats 4 and 12), advances (hhea/hmtx), head,
// OS/2, post, name (PostScript name) and the legacy kern table (format 0).
// Immutable after load() (the glyph table fills itself, safely), so one
// instance is shared by every thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <hb.h>

#include "font/font_choice.h"
#include "font/font_result.h"
#include "font/mapped_file.h"

namespace ucap::font {

// Font-unit metrics (divide by units_per_em for ems).
struct FaceMetrics {
  int units_per_em = 1000;
  int x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // head bbox
  int ascender = 0;     // OS/2 sTypoAscender (hhea when OS/2 is absent)
  int descender = 0;    // negative
  int cap_height = 0;   // OS/2 v2+, else 70% of the ascender
  int weight_class = 400;
  double italic_angle = 0;  // degrees, counter-clockwise from vertical
  bool fixed_pitch = false;
};

class TrueTypeFace {
 public:
  static Result<std::unique_ptr<TrueTypeFace>> load(const std::string& path);
  ~TrueTypeFace();
  TrueTypeFace(const TrueTypeFace&) = delete;
  TrueTypeFace& operator=(const TrueTypeFace&) = delete;

  const FaceMetrics& metrics() const { return metrics_; }
  const std::string& postscript_name() const { return postscript_name_; }
  const std::string& path() const { return file_->path(); }
  std::span<const std::uint8_t> bytes() const { return file_->bytes(); }
  std::uint16_t glyph_count() const { return glyph_count_; }
  bool has_table(const char tag[4]) const;
  // A table's bytes as they are in the file; empty when it has none.
  std::span<const std::uint8_t> table(const char tag[4]) const;

  // 0 (.notdef) when the font has no glyph for `c`. Layout asks for every
  // character, so a BMP lookup is an array access: each block of 256 code
  // points is decoded from the cmap when first used (thread-safe). A
  // document touches a few dozen blocks of a face; decoding all 65,536
  // entries of every face it used was 5 % of a `ucap render`. (HarfBuzz's
  // lookup, one code point at a time, cost twice that.)
  GlyphId glyph_for(char32_t c) const {
    if (c >= 0x10000) return glyph_from_cmap(c);
    const GlyphId* block = bmp_blocks_[c >> 8].load(std::memory_order_acquire);
    if (!block) block = load_block(c >> 8);
    return block[c & 0xFF];
  }
  // The face for HarfBuzz (shaping, subsetting), over this file's mapping.
  hb_face_t* hb_face() const { return hb_face_; }
  // Advance width in font units.
  std::uint16_t advance(GlyphId glyph) const;
  // Pair adjustment from the legacy kern table, font units (0 when none).
  // The table is read on the first call: faces with GPOS never ask.
  std::int16_t kern_table_pair(GlyphId left, GlyphId right) const;

 private:
  struct TableRecord { std::uint32_t tag, offset, length; };
  explicit TrueTypeFace(std::unique_ptr<MappedFile> file) : file_(std::move(file)) {}
  void parse();  // throws std::runtime_error on a malformed file
  void find_cmap();  // at load: the subtable to use, checked to lie inside the table
  void open_hb_face();
  const GlyphId* load_block(char32_t block) const;
  void decode_block(char32_t first, GlyphId* glyphs) const;  // may throw on a bad glyph index array
  GlyphId glyph_from_cmap(char32_t c) const;                 // beyond the BMP
  // The format-12 subtable's groups (start, end, first glyph), sorted.
  struct Format12Groups {
    const std::uint8_t* bytes;
    std::uint32_t count;
    std::uint32_t field(std::uint32_t group, int n) const;
    std::uint32_t start(std::uint32_t group) const { return field(group, 0); }
    std::uint32_t end(std::uint32_t group) const { return field(group, 1); }
    std::uint32_t glyph(std::uint32_t group) const { return field(group, 2); }
    // `count` when every group ends before `c`.
    std::uint32_t first_ending_at_or_after(char32_t c) const;
  };
  Format12Groups format12_groups() const;
  void parse_kern();  // on first use; a malformed table then kerns nothing

  std::unique_ptr<MappedFile> file_;
  std::vector<TableRecord> tables_;
  FaceMetrics metrics_;
  std::string postscript_name_;
  std::uint16_t glyph_count_ = 0;
  const std::uint8_t* hmtx_ = nullptr;  // the long metrics, in the mapping
  std::uint16_t long_metrics_ = 0;       // ≥ 1
  std::size_t cmap_format4_ = 0, cmap_format12_ = 0;  // subtable offsets in cmap (0: none)
  hb_face_t* hb_face_ = nullptr;
  // Block b holds the glyphs of U+bb00…U+bbFF once loaded (null before).
  mutable std::array<std::atomic<const GlyphId*>, 256> bmp_blocks_{};
  mutable std::mutex block_mutex_;
  mutable std::vector<std::unique_ptr<GlyphId[]>> block_storage_;
  mutable std::once_flag kern_once_;
  std::vector<std::pair<std::uint32_t, std::int16_t>> kern_pairs_;  // (left<<16|right), sorted
};

}  // namespace ucap::font
