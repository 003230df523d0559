// A TrueType font file, parsed once for what layout and the PDF writer
// need: the Unicode cmap (formats 4 and 12), advances (hhea/hmtx), head,
// OS/2, post, name (PostScript name) and the legacy kern table (format 0).
// Immutable after load(), so one instance is shared by every thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "font/font_result.h"
#include "font/mapped_file.h"

namespace ucap::font {

using GlyphId = std::uint16_t;

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

  const FaceMetrics& metrics() const { return metrics_; }
  const std::string& postscript_name() const { return postscript_name_; }
  const std::string& path() const { return file_->path(); }
  std::span<const std::uint8_t> bytes() const { return file_->bytes(); }
  std::uint16_t glyph_count() const { return glyph_count_; }
  bool has_table(const char tag[4]) const;
  // A table's bytes as they are in the file; empty when it has none.
  std::span<const std::uint8_t> table(const char tag[4]) const;

  // 0 (.notdef) when the font has no glyph for `c`. The cmap is decoded
  // into flat tables on the first call (thread-safe): a face a document
  // never asks for costs nothing past its headers.
  GlyphId glyph_for(char32_t c) const {
    if (!cmap_ready_.load(std::memory_order_acquire)) decode_cmap();
    if (c < 0x10000) return bmp_glyphs_[c];
    return supplementary_glyph(c);
  }
  // Advance width in font units.
  std::uint16_t advance(GlyphId glyph) const;
  // Pair adjustment from the legacy kern table, font units (0 when none).
  // The table is read on the first call: faces with GPOS never ask.
  std::int16_t kern_table_pair(GlyphId left, GlyphId right) const;

 private:
  struct TableRecord { std::uint32_t tag, offset, length; };
  explicit TrueTypeFace(std::unique_ptr<MappedFile> file) : file_(std::move(file)) {}
  void parse();  // throws std::runtime_error on a malformed file
  void find_cmap();                // at load: the subtable to use, checked to lie inside the table
  void decode_cmap() const;        // on first use
  void decode_cmap_tables();
  GlyphId supplementary_glyph(char32_t c) const;
  void parse_kern();  // on first use; a malformed table then kerns nothing

  std::unique_ptr<MappedFile> file_;
  std::vector<TableRecord> tables_;
  FaceMetrics metrics_;
  std::string postscript_name_;
  std::uint16_t glyph_count_ = 0;
  std::vector<std::uint16_t> advances_;               // one per glyph
  std::size_t cmap_format4_ = 0, cmap_format12_ = 0;  // subtable offsets in cmap (0: none)
  mutable std::once_flag cmap_once_, kern_once_;
  mutable std::atomic<bool> cmap_ready_{false};
  std::vector<GlyphId> bmp_glyphs_;                   // 65536 entries once decoded
  std::vector<std::pair<char32_t, GlyphId>> supplementary_glyphs_;  // sorted
  std::vector<std::pair<std::uint32_t, std::int16_t>> kern_pairs_;  // (left<<16|right), sorted
};

}  // namespace ucap::font
