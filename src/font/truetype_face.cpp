#include "font/truetype_face.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace ucap::font {
namespace {

constexpr std::uint32_t make_tag(const char t[4]) {
  return (std::uint32_t(std::uint8_t(t[0])) << 24) | (std::uint32_t(std::uint8_t(t[1])) << 16) |
         (std::uint32_t(std::uint8_t(t[2])) << 8) | std::uint32_t(std::uint8_t(t[3]));
}

// Bounds-checked big-endian reads over one table; a read past the end is a
// malformed font, reported by load() as an error rather than a crash.
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> data) : data_(data) {}
  std::uint8_t u8(std::size_t at) const { check(at, 1); return data_[at]; }
  std::uint16_t u16(std::size_t at) const { check(at, 2); return std::uint16_t(data_[at] << 8 | data_[at + 1]); }
  std::int16_t s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
  std::uint32_t u32(std::size_t at) const { return std::uint32_t(u16(at)) << 16 | u16(at + 2); }
  std::int32_t s32(std::size_t at) const { return static_cast<std::int32_t>(u32(at)); }
  std::size_t size() const { return data_.size(); }
  std::span<const std::uint8_t> sub(std::size_t at, std::size_t n) const { check(at, n); return data_.subspan(at, n); }

 private:
  void check(std::size_t at, std::size_t n) const {
    if (at > data_.size() || n > data_.size() - at) throw std::runtime_error("table data ends early");
  }
  std::span<const std::uint8_t> data_;
};

}  // namespace

Result<std::unique_ptr<TrueTypeFace>> TrueTypeFace::load(const std::string& path) {
  using R = Result<std::unique_ptr<TrueTypeFace>>;
  auto file = MappedFile::open(path);
  if (!file) return R::failure(file.error());
  std::unique_ptr<TrueTypeFace> face(new TrueTypeFace(std::move(file.value())));
  try {
    face->parse();
  } catch (const std::exception& e) {
    return R::failure("font file " + path + " is not a usable TrueType font: " + e.what());
  }
  return R::success(std::move(face));
}

bool TrueTypeFace::has_table(const char tag[4]) const {
  auto t = make_tag(tag);
  return std::any_of(tables_.begin(), tables_.end(), [t](const TableRecord& r) { return r.tag == t; });
}

std::span<const std::uint8_t> TrueTypeFace::table(const char tag[4]) const {
  auto t = make_tag(tag);
  for (const auto& r : tables_)
    if (r.tag == t) return Reader(file_->bytes()).sub(r.offset, r.length);
  return {};
}

void TrueTypeFace::parse() {
  Reader file(file_->bytes());
  std::uint32_t version = file.u32(0);
  if (version != 0x00010000 && version != make_tag("true"))
    throw std::runtime_error(version == make_tag("OTTO") ? "CFF outlines are not supported (TrueType only)"
                                                         : "not a TrueType file");
  std::uint16_t num_tables = file.u16(4);
  for (std::uint16_t i = 0; i < num_tables; ++i) {
    std::size_t rec = 12 + 16 * std::size_t(i);
    tables_.push_back({file.u32(rec), file.u32(rec + 8), file.u32(rec + 12)});
  }
  for (const char* required : {"head", "hhea", "hmtx", "maxp", "glyf", "loca"})
    if (!has_table(required)) throw std::runtime_error(std::string("missing table ") + required);

  Reader head(table("head"));
  metrics_.units_per_em = head.u16(18);
  if (metrics_.units_per_em < 16) throw std::runtime_error("bad unitsPerEm");
  metrics_.x_min = head.s16(36);
  metrics_.y_min = head.s16(38);
  metrics_.x_max = head.s16(40);
  metrics_.y_max = head.s16(42);

  glyph_count_ = Reader(table("maxp")).u16(4);
  Reader hhea(table("hhea"));
  metrics_.ascender = hhea.s16(4);
  metrics_.descender = hhea.s16(6);
  std::uint16_t long_metrics = std::min<std::uint16_t>(hhea.u16(34), glyph_count_);
  if (long_metrics == 0) throw std::runtime_error("no horizontal metrics");
  // Advances are read from the mapped table when asked for (a glyph past
  // the long metrics has the last one's); it must hold them all.
  hmtx_ = Reader(table("hmtx")).sub(0, 4 * std::size_t(long_metrics)).data();
  long_metrics_ = long_metrics;

  if (auto os2_bytes = table("OS/2"); !os2_bytes.empty()) {
    Reader os2(os2_bytes);
    metrics_.weight_class = os2.u16(4);
    metrics_.ascender = os2.s16(68);
    metrics_.descender = os2.s16(70);
    if (os2.u16(0) >= 2 && os2.size() >= 90) metrics_.cap_height = os2.s16(88);
  }
  if (metrics_.cap_height == 0) metrics_.cap_height = metrics_.ascender * 7 / 10;

  if (auto post_bytes = table("post"); !post_bytes.empty()) {
    Reader post(post_bytes);
    metrics_.italic_angle = post.s32(4) / 65536.0;
    metrics_.fixed_pitch = post.u32(12) != 0;
  }

  if (auto name_bytes = table("name"); !name_bytes.empty()) {
    Reader name(name_bytes);
    std::uint16_t count = name.u16(2), strings = name.u16(4);
    for (std::uint16_t i = 0; i < count && postscript_name_.empty(); ++i) {
      std::size_t rec = 6 + 12 * std::size_t(i);
      std::uint16_t platform = name.u16(rec), name_id = name.u16(rec + 6);
      std::uint16_t length = name.u16(rec + 8), offset = name.u16(rec + 10);
      if (name_id != 6) continue;
      auto raw = name.sub(std::size_t(strings) + offset, length);
      // Platform 1 is single-byte; 0 and 3 are UTF-16BE. A PostScript name is ASCII.
      if (platform == 1) {
        postscript_name_.assign(raw.begin(), raw.end());
      } else {
        for (std::size_t k = 1; k < raw.size(); k += 2) postscript_name_.push_back(char(raw[k]));
      }
    }
  }
  // Only [A-Za-z0-9-_] is safe in a PDF name without escapes.
  std::erase_if(postscript_name_, [](char c) { return !(std::isalnum(std::uint8_t(c)) || c == '-' || c == '_'); });
  if (postscript_name_.empty()) postscript_name_ = "Font";

  find_cmap();
  open_hb_face();
}

void TrueTypeFace::find_cmap() {
  // A font without a cmap (an embedded subset) maps no character.
  if (!has_table("cmap")) return;
  Reader cmap(table("cmap"));
  std::uint16_t count = cmap.u16(2);
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t rec = 4 + 8 * std::size_t(i);
    std::uint16_t platform = cmap.u16(rec), encoding = cmap.u16(rec + 2);
    std::uint32_t offset = cmap.u32(rec + 4);
    std::uint16_t format = cmap.u16(offset);
    bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
    if (!unicode) continue;
    if (format == 12 && !cmap_format12_) cmap_format12_ = offset;
    if (format == 4 && !cmap_format4_) cmap_format4_ = offset;
  }
  if (!cmap_format4_ && !cmap_format12_) throw std::runtime_error("no Unicode cmap of format 4 or 12");
  // The subtable's arrays must lie inside the table, so that decoding it
  // later cannot run off the end.
  if (cmap_format12_) {
    cmap.sub(cmap_format12_ + 16, 12 * std::size_t(cmap.u32(cmap_format12_ + 12)));
  } else {
    std::size_t seg_count = cmap.u16(cmap_format4_ + 6) / 2;
    cmap.sub(cmap_format4_ + 14, 8 * seg_count + 2);
  }
}

void TrueTypeFace::open_hb_face() {
  auto bytes = file_->bytes();
  // The blob borrows the mapping, which lives as long as this face.
  hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes.data()), unsigned(bytes.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_ = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  hb_face_make_immutable(hb_face_);
}

TrueTypeFace::~TrueTypeFace() { hb_face_destroy(hb_face_); }  // null-safe

const GlyphId* TrueTypeFace::load_block(char32_t block) const {
  std::lock_guard lock(block_mutex_);
  if (const GlyphId* loaded = bmp_blocks_[block].load(std::memory_order_relaxed)) return loaded;
  auto glyphs = std::make_unique<GlyphId[]>(256);  // zeroed: unmapped
  try {
    decode_block(block << 8, glyphs.get());
  } catch (const std::exception&) {
    // A glyph index array that points past the table (checked lazily):
    // the characters decoded so far stay mapped, the rest are missing.
  }
  const GlyphId* filled = glyphs.get();
  block_storage_.push_back(std::move(glyphs));
  bmp_blocks_[block].store(filled, std::memory_order_release);
  return filled;
}

// The glyphs of U+first … U+first+255: the groups (format 12) or segments
// (format 4) that overlap the block, found by a binary search on their
// sorted ends.
void TrueTypeFace::decode_block(char32_t first, GlyphId* glyphs) const {
  if (!cmap_format4_ && !cmap_format12_) return;
  const char32_t last = first + 255;
  const auto keep = [&](char32_t c, std::uint32_t glyph) {
    if (glyph < glyph_count_) glyphs[c - first] = GlyphId(glyph);
  };
  if (cmap_format12_) {
    const Format12Groups groups = format12_groups();
    for (std::uint32_t g = groups.first_ending_at_or_after(first); g < groups.count; ++g) {
      const std::uint32_t start = groups.start(g), end = groups.end(g), glyph = groups.glyph(g);
      if (start > last) break;
      for (std::uint32_t c = std::max<std::uint32_t>(start, first); c <= std::min<std::uint32_t>(end, last); ++c)
        keep(c, glyph + (c - start));
    }
    return;
  }
  Reader cmap(table("cmap"));
  const std::size_t t = cmap_format4_;
  const std::uint16_t seg_count = cmap.u16(t + 6) / 2;
  const std::size_t ends = t + 14, starts = ends + 2 * std::size_t(seg_count) + 2;
  const std::size_t deltas = starts + 2 * std::size_t(seg_count), range_offsets = deltas + 2 * std::size_t(seg_count);
  std::uint16_t low = 0, high = seg_count;
  while (low < high) {  // the first segment ending at or after `first`
    const std::uint16_t middle = std::uint16_t(low + (high - low) / 2);
    if (cmap.u16(ends + 2 * std::size_t(middle)) < first) low = std::uint16_t(middle + 1);
    else high = middle;
  }
  for (std::uint16_t s = low; s < seg_count; ++s) {
    const std::uint32_t end = cmap.u16(ends + 2 * std::size_t(s)), start = cmap.u16(starts + 2 * std::size_t(s));
    if (start > last) break;
    const std::uint16_t delta = cmap.u16(deltas + 2 * std::size_t(s));
    const std::size_t ro_at = range_offsets + 2 * std::size_t(s);
    const std::uint16_t ro = cmap.u16(ro_at);
    for (std::uint32_t c = std::max<std::uint32_t>(start, first); c <= std::min<std::uint32_t>(end, last) && c != 0xFFFF;
         ++c) {
      if (ro == 0) {
        keep(c, std::uint16_t(c + delta));
      } else {
        const std::uint16_t raw = cmap.u16(ro_at + ro + 2 * (c - start));
        keep(c, raw == 0 ? 0 : std::uint16_t(raw + delta));
      }
    }
  }
}

// A code point beyond the BMP (rare in a plan): a binary search of the
// format-12 groups; format 4 maps none.
GlyphId TrueTypeFace::glyph_from_cmap(char32_t c) const {
  if (!cmap_format12_) return 0;
  const Format12Groups groups = format12_groups();
  const std::uint32_t g = groups.first_ending_at_or_after(c);
  if (g == groups.count || groups.start(g) > c) return 0;
  const std::uint32_t glyph = groups.glyph(g) + (c - groups.start(g));
  return glyph < glyph_count_ ? GlyphId(glyph) : 0;
}

// find_cmap() checked that the groups lie inside the table, so they are
// read without a check per field (a third of decoding a block).
TrueTypeFace::Format12Groups TrueTypeFace::format12_groups() const {
  Reader cmap(table("cmap"));
  const std::uint32_t count = cmap.u32(cmap_format12_ + 12);
  return {cmap.sub(cmap_format12_ + 16, 12 * std::size_t(count)).data(), count};
}

std::uint32_t TrueTypeFace::Format12Groups::field(std::uint32_t group, int n) const {
  const std::uint8_t* b = bytes + 12 * std::size_t(group) + 4 * std::size_t(n);
  return std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3];
}

std::uint32_t TrueTypeFace::Format12Groups::first_ending_at_or_after(char32_t c) const {
  std::uint32_t low = 0, high = count;
  while (low < high) {  // groups are sorted by code point
    const std::uint32_t middle = low + (high - low) / 2;
    if (end(middle) < c) low = middle + 1;
    else high = middle;
  }
  return low;
}

void TrueTypeFace::parse_kern() {
  auto bytes = table("kern");
  if (bytes.empty()) return;
  Reader kern(bytes);
  if (kern.u16(0) != 0) return;  // only the Microsoft version-0 layout
  std::uint16_t subtables = kern.u16(2);
  std::size_t at = 4;
  for (std::uint16_t i = 0; i < subtables; ++i) {
    std::uint16_t length = kern.u16(at + 2), coverage = kern.u16(at + 4);
    bool horizontal = coverage & 1, minimum = coverage & 2, cross = coverage & 4;
    if ((coverage >> 8) == 0 && horizontal && !minimum && !cross) {
      std::uint16_t pairs = kern.u16(at + 6);
      for (std::uint16_t p = 0; p < pairs; ++p) {
        std::size_t pr = at + 14 + 6 * std::size_t(p);
        kern_pairs_.emplace_back(kern.u32(pr), kern.s16(pr + 4));
      }
    }
    at += length;
  }
  std::sort(kern_pairs_.begin(), kern_pairs_.end());
}

std::uint16_t TrueTypeFace::advance(GlyphId glyph) const {
  if (glyph >= glyph_count_) return 0;
  const std::uint8_t* metric = hmtx_ + 4 * std::size_t(std::min<GlyphId>(glyph, GlyphId(long_metrics_ - 1)));
  return std::uint16_t(metric[0] << 8 | metric[1]);
}

std::int16_t TrueTypeFace::kern_table_pair(GlyphId left, GlyphId right) const {
  std::call_once(kern_once_, [this] {
    auto* self = const_cast<TrueTypeFace*>(this);  // filled once, before any reader sees it
    try {
      self->parse_kern();
    } catch (const std::exception&) {
      self->kern_pairs_.clear();
    }
  });
  std::uint32_t key = std::uint32_t(left) << 16 | right;
  auto it = std::lower_bound(kern_pairs_.begin(), kern_pairs_.end(), std::pair<std::uint32_t, std::int16_t>(key, INT16_MIN));
  return it != kern_pairs_.end() && it->first == key ? it->second : 0;
}

}  // namespace ucap::font
