#include "font/font_subset.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

namespace ucap::font {
namespace {

// Built from our own parse of the face, not hb-subset: a subset here is a
// copy of the used glyf records with new ids, and hb-subset's plan (cmap,
// layout closure over the whole face) was half of writing a Japanese PDF.

std::uint16_t get16(std::span<const std::uint8_t> data, std::size_t at) {
  if (at + 2 > data.size()) throw std::runtime_error("table data ends early");
  return std::uint16_t(data[at] << 8 | data[at + 1]);
}

std::uint32_t get32(std::span<const std::uint8_t> data, std::size_t at) {
  return std::uint32_t(get16(data, at)) << 16 | get16(data, at + 2);
}

void put16(std::vector<std::uint8_t>& out, std::size_t at, std::uint16_t v) {
  out[at] = std::uint8_t(v >> 8);
  out[at + 1] = std::uint8_t(v);
}

void append16(std::vector<std::uint8_t>& out, std::uint16_t v) {
  out.push_back(std::uint8_t(v >> 8));
  out.push_back(std::uint8_t(v));
}

void append32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  append16(out, std::uint16_t(v >> 16));
  append16(out, std::uint16_t(v));
}

// Composite glyph flags (OpenType glyf table).
constexpr std::uint16_t args_are_words = 0x0001, have_scale = 0x0008, more_components = 0x0020,
                        have_xy_scale = 0x0040, have_two_by_two = 0x0080, have_instructions = 0x0100;

std::size_t component_size(std::uint16_t flags) {
  std::size_t size = 4 + (flags & args_are_words ? 4 : 2);  // flags, glyph, arguments
  if (flags & have_scale) size += 2;
  else if (flags & have_xy_scale) size += 4;
  else if (flags & have_two_by_two) size += 8;
  return size;
}

// The glyf and loca of the source face, and where each glyph's record is.
class GlyphTable {
 public:
  explicit GlyphTable(const TrueTypeFace& face)
      : glyf_(face.table("glyf")), loca_(face.table("loca")),
        long_offsets_(get16(face.table("head"), 50) != 0), count_(face.glyph_count()) {}

  std::span<const std::uint8_t> record(GlyphId glyph) const {
    if (glyph >= count_) return {};
    std::size_t start = offset(glyph), end = offset(glyph + 1);
    if (end <= start) return {};
    if (end > glyf_.size()) throw std::runtime_error("glyph data outside glyf");
    return glyf_.subspan(start, end - start);
  }

  // The glyphs a composite glyph is built from (none for a simple glyph).
  std::vector<GlyphId> components(GlyphId glyph) const {
    std::vector<GlyphId> parts;
    auto data = record(glyph);
    if (data.size() < 10 || std::int16_t(get16(data, 0)) >= 0) return parts;
    for (std::size_t at = 10;;) {
      std::uint16_t flags = get16(data, at);
      parts.push_back(get16(data, at + 2));
      at += component_size(flags);
      if (!(flags & more_components)) break;
    }
    return parts;
  }

 private:
  std::size_t offset(std::size_t glyph) const {
    return long_offsets_ ? get32(loca_, 4 * glyph) : std::size_t(get16(loca_, 2 * glyph)) * 2;
  }
  std::span<const std::uint8_t> glyf_, loca_;
  bool long_offsets_;
  std::size_t count_;
};

// The old glyphs a subset holds: those asked for, .notdef, and every glyph
// a composite among them is built from, sorted.
std::vector<GlyphId> glyph_closure(const GlyphTable& table, std::span<const GlyphId> glyphs, std::size_t count) {
  std::vector<bool> kept(count, false);
  std::vector<GlyphId> pending{0};
  for (GlyphId g : glyphs)
    if (g < count) pending.push_back(g);
  while (!pending.empty()) {
    GlyphId g = pending.back();
    pending.pop_back();
    if (kept[g]) continue;
    kept[g] = true;
    for (GlyphId part : table.components(g))
      if (part < count && !kept[part]) pending.push_back(part);
  }
  std::vector<GlyphId> closure;
  for (std::size_t g = 0; g < count; ++g)
    if (kept[g]) closure.push_back(GlyphId(g));
  return closure;
}

// One glyph record for the subset: component ids renumbered, and without
// its TrueType instructions unless hinting is kept.
void append_glyph(std::vector<std::uint8_t>& glyf, std::span<const std::uint8_t> data, const FontSubset& subset,
                  bool keep_hinting) {
  if (data.size() < 10) return;
  std::size_t start = glyf.size();
  std::int16_t contours = std::int16_t(get16(data, 0));
  if (contours >= 0) {
    std::size_t instructions_at = 10 + 2 * std::size_t(contours);
    std::size_t outline_at =
        instructions_at + 2 <= data.size() ? instructions_at + 2 + get16(data, instructions_at) : data.size() + 1;
    if (keep_hinting || outline_at > data.size()) {
      glyf.insert(glyf.end(), data.begin(), data.end());
    } else {
      glyf.insert(glyf.end(), data.begin(), data.begin() + std::ptrdiff_t(instructions_at));
      append16(glyf, 0);
      glyf.insert(glyf.end(), data.begin() + std::ptrdiff_t(outline_at), data.end());
    }
  } else {
    std::size_t at = 10, last_flags_at = 0;
    for (;;) {
      std::uint16_t flags = get16(data, at);
      last_flags_at = at;
      at += component_size(flags);
      if (!(flags & more_components)) break;
    }
    glyf.insert(glyf.end(), data.begin(), data.begin() + std::ptrdiff_t(keep_hinting ? data.size() : at));
    for (std::size_t c = 10;;) {
      std::uint16_t flags = get16(data, c);
      put16(glyf, start + c + 2, subset.map(get16(data, c + 2)));
      if (c == last_flags_at) {
        if (!keep_hinting) put16(glyf, start + c, flags & ~have_instructions);
        break;
      }
      c += component_size(flags);
    }
  }
  if (glyf.size() % 2) glyf.push_back(0);  // short loca offsets count words
}

// The sum of big-endian 32-bit words, the last one zero-padded.
std::uint32_t table_checksum(std::span<const std::uint8_t> table) {
  std::uint32_t sum = 0;
  const std::size_t whole = table.size() / 4 * 4;
  for (std::size_t i = 0; i < whole; i += 4)
    sum += std::uint32_t(table[i]) << 24 | std::uint32_t(table[i + 1]) << 16 | std::uint32_t(table[i + 2]) << 8 |
           table[i + 3];
  std::uint32_t last = 0;
  for (std::size_t i = whole; i < whole + 4; ++i) last = last << 8 | (i < table.size() ? table[i] : 0);
  return sum + last;
}

struct OutputTable {
  std::array<char, 4> tag;
  std::vector<std::uint8_t> bytes;
};

// The sfnt file: table directory (tables sorted by tag), tables padded to
// four bytes, and head.checkSumAdjustment set over the whole file.
std::vector<std::uint8_t> assemble(std::vector<OutputTable> tables) {
  std::sort(tables.begin(), tables.end(), [](const auto& a, const auto& b) { return a.tag < b.tag; });
  std::uint16_t count = std::uint16_t(tables.size()), power = 1, log2 = 0;
  while (power * 2 <= count) { power *= 2; ++log2; }
  std::vector<std::uint8_t> out;
  append32(out, 0x00010000);
  append16(out, count);
  append16(out, std::uint16_t(power * 16));
  append16(out, log2);
  append16(out, std::uint16_t(count * 16 - power * 16));
  std::size_t offset = 12 + 16 * std::size_t(count), head_at = 0;
  for (const auto& t : tables) {
    for (char c : t.tag) out.push_back(std::uint8_t(c));
    append32(out, table_checksum(t.bytes));
    append32(out, std::uint32_t(offset));
    append32(out, std::uint32_t(t.bytes.size()));
    if (std::string(t.tag.data(), 4) == "head") head_at = offset;
    offset += (t.bytes.size() + 3) / 4 * 4;
  }
  for (const auto& t : tables) {
    out.insert(out.end(), t.bytes.begin(), t.bytes.end());
    while (out.size() % 4) out.push_back(0);
  }
  std::uint32_t adjustment = 0xB1B0AFBA - table_checksum(out);
  for (int k = 0; k < 4; ++k) out[head_at + 8 + std::size_t(k)] = std::uint8_t(adjustment >> (24 - 8 * k));
  return out;
}

std::vector<std::uint8_t> copy_of(std::span<const std::uint8_t> bytes) { return {bytes.begin(), bytes.end()}; }

// hmtx for the subset's glyphs, in new-id order; trailing glyphs that share
// the last advance keep only their left side bearing (numberOfHMetrics).
std::vector<std::uint8_t> subset_hmtx(const TrueTypeFace& face, const std::vector<GlyphId>& new_to_old,
                                      std::uint16_t& long_metrics_out) {
  auto hmtx = face.table("hmtx");
  std::size_t long_metrics = std::min<std::size_t>(get16(face.table("hhea"), 34), face.glyph_count());
  auto lsb = [&](GlyphId g) -> std::uint16_t {
    if (g >= face.glyph_count()) return 0;
    return g < long_metrics ? get16(hmtx, 4 * std::size_t(g) + 2) : get16(hmtx, 4 * long_metrics + 2 * (g - long_metrics));
  };
  auto advance = [&](std::size_t n) { return n < new_to_old.size() ? face.advance(new_to_old[n]) : 0; };
  std::size_t kept_long = new_to_old.size();
  while (kept_long > 1 && advance(kept_long - 2) == advance(kept_long - 1)) --kept_long;
  std::vector<std::uint8_t> out;
  for (std::size_t n = 0; n < new_to_old.size(); ++n) {
    if (n < kept_long) append16(out, advance(n));
    append16(out, lsb(new_to_old[n]));
  }
  long_metrics_out = std::uint16_t(kept_long);
  return out;
}

}  // namespace

GlyphId FontSubset::map(GlyphId old_glyph) const {
  auto it = std::lower_bound(old_to_new.begin(), old_to_new.end(), std::pair<GlyphId, GlyphId>(old_glyph, 0));
  return it != old_to_new.end() && it->first == old_glyph ? it->second : 0;
}

Result<FontSubset> subset_face(const LoadedFace& face, std::span<const GlyphId> glyphs, SubsetOptions options) {
  using R = Result<FontSubset>;
  const TrueTypeFace& file = face.file();
  try {
    GlyphTable table(file);
    std::vector<GlyphId> closure = glyph_closure(table, glyphs, file.glyph_count());

    FontSubset result;
    // new id → old id; with retained ids, unused slots hold no glyph (old
    // id past the face, so an empty record and zero metrics).
    std::vector<GlyphId> new_to_old;
    if (options.retain_glyph_ids) {
      new_to_old.assign(std::size_t(closure.back()) + 1, GlyphId(0xFFFF));
      for (GlyphId g : closure) new_to_old[g] = g;
    } else {
      new_to_old = closure;
    }
    for (std::size_t n = 0; n < new_to_old.size(); ++n)
      if (new_to_old[n] != 0xFFFF) result.old_to_new.emplace_back(new_to_old[n], GlyphId(n));
    std::sort(result.old_to_new.begin(), result.old_to_new.end());

    std::vector<std::uint8_t> glyf;
    std::vector<std::uint32_t> offsets{0};
    for (std::size_t n = 0; n < new_to_old.size(); ++n) {
      // .notdef keeps its advance but not its outline: the writer draws
      // a missing character's box itself.
      if (n > 0 && new_to_old[n] != 0xFFFF)
        append_glyph(glyf, table.record(new_to_old[n]), result, options.keep_hinting);
      offsets.push_back(std::uint32_t(glyf.size()));
    }
    const bool short_loca = glyf.size() < 0x20000;
    std::vector<std::uint8_t> loca;
    for (std::uint32_t o : offsets) short_loca ? append16(loca, std::uint16_t(o / 2)) : append32(loca, o);

    std::uint16_t long_metrics = 0;
    std::vector<std::uint8_t> hmtx = subset_hmtx(file, new_to_old, long_metrics);
    std::vector<std::uint8_t> head = copy_of(file.table("head"));
    put16(head, 50, short_loca ? 0 : 1);
    put16(head, 8, 0);  // checkSumAdjustment: counted as zero, set over the whole file last
    put16(head, 10, 0);
    std::vector<std::uint8_t> hhea = copy_of(file.table("hhea"));
    put16(hhea, 34, long_metrics);
    std::vector<std::uint8_t> maxp = copy_of(file.table("maxp"));
    put16(maxp, 4, std::uint16_t(new_to_old.size()));
    if (!options.keep_hinting && maxp.size() >= 32) {
      // No instructions left: say so, as hb-subset did (one zone, no
      // storage, functions, stack or instructions), so that no rasteriser
      // prepares a hinting budget for programs that are not there.
      put16(maxp, 14, 1);
      for (std::size_t at = 16; at <= 26; at += 2) put16(maxp, at, 0);
    }

    std::vector<OutputTable> tables{{{'g', 'l', 'y', 'f'}, std::move(glyf)}, {{'l', 'o', 'c', 'a'}, std::move(loca)},
                                    {{'h', 'm', 't', 'x'}, std::move(hmtx)}, {{'h', 'e', 'a', 'd'}, std::move(head)},
                                    {{'h', 'h', 'e', 'a'}, std::move(hhea)}, {{'m', 'a', 'x', 'p'}, std::move(maxp)}};
    // OS/2 for its vertical metrics; the hinting programs only with hinting.
    std::vector<const char*> copied{"OS/2"};
    if (options.keep_hinting) copied.insert(copied.end(), {"cvt ", "fpgm", "prep"});
    for (const char* tag : copied)
      if (auto bytes = file.table(tag); !bytes.empty())
        tables.push_back({{tag[0], tag[1], tag[2], tag[3]}, copy_of(bytes)});
    result.bytes = assemble(std::move(tables));
    return R::success(std::move(result));
  } catch (const std::exception& e) {
    return R::failure("cannot subset " + file.path() + ": " + e.what());
  }
}

}  // namespace ucap::font
