#include "font/gpos_kerning.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace ucap::font {
namespace {

// Bounds-checked big-endian reads; a read past the end makes load() give up.
struct Table {
  std::span<const std::uint8_t> data;
  std::uint16_t u16(std::size_t at) const {
    if (at + 2 > data.size()) throw std::runtime_error("GPOS ends early");
    return std::uint16_t(data[at] << 8 | data[at + 1]);
  }
  std::int16_t s16(std::size_t at) const { return std::int16_t(u16(at)); }
  std::uint32_t u32(std::size_t at) const { return std::uint32_t(u16(at)) << 16 | u16(at + 2); }
  bool tag_is(std::size_t at, const char tag[4]) const {
    return u16(at) == (std::uint8_t(tag[0]) << 8 | std::uint8_t(tag[1])) &&
           u16(at + 2) == (std::uint8_t(tag[2]) << 8 | std::uint8_t(tag[3]));
  }
};

constexpr std::uint16_t x_advance_bit = 0x0004;

std::size_t value_record_size(std::uint16_t format) { return 2 * std::size_t(std::popcount(unsigned(format & 0xFF))); }

// Where XAdvance sits in a value record, if the record has one.
std::optional<std::size_t> x_advance_at(std::uint16_t format) {
  if (!(format & x_advance_bit)) return std::nullopt;
  return 2 * std::size_t(std::popcount(unsigned(format & 0x0003)));
}

// Coverage index of `glyph`, or -1.
long coverage_index(const Table& t, std::size_t coverage, GlyphId glyph) {
  std::uint16_t format = t.u16(coverage), count = t.u16(coverage + 2);
  std::size_t lo = 0, hi = count;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (format == 1) {
      std::uint16_t g = t.u16(coverage + 4 + 2 * mid);
      if (g == glyph) return long(mid);
      (g < glyph ? lo = mid + 1 : hi = mid);
    } else if (format == 2) {
      std::size_t range = coverage + 4 + 6 * mid;
      std::uint16_t start = t.u16(range), end = t.u16(range + 2);
      if (glyph >= start && glyph <= end) return long(t.u16(range + 4)) + (glyph - start);
      (end < glyph ? lo = mid + 1 : hi = mid);
    } else {
      throw std::runtime_error("unknown coverage format");
    }
  }
  return -1;
}

std::uint16_t class_of(const Table& t, std::size_t class_def, GlyphId glyph) {
  std::uint16_t format = t.u16(class_def);
  if (format == 1) {
    std::uint16_t start = t.u16(class_def + 2), count = t.u16(class_def + 4);
    return glyph >= start && glyph - start < count ? t.u16(class_def + 6 + 2 * std::size_t(glyph - start)) : 0;
  }
  if (format != 2) throw std::runtime_error("unknown class definition format");
  std::size_t lo = 0, hi = t.u16(class_def + 2);
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2, range = class_def + 4 + 6 * mid;
    std::uint16_t start = t.u16(range), end = t.u16(range + 2);
    if (glyph >= start && glyph <= end) return t.u16(range + 4);
    (end < glyph ? lo = mid + 1 : hi = mid);
  }
  return 0;
}

// One pair adjustment subtable on the pair: the first glyph's XAdvance when
// the subtable applies (HarfBuzz then stops at it), nullopt when it does not.
std::optional<std::int16_t> apply_pair_subtable(const Table& t, std::size_t sub, GlyphId left, GlyphId right) {
  std::uint16_t format = t.u16(sub);
  long index = coverage_index(t, sub + t.u16(sub + 2), left);
  if (index < 0) return std::nullopt;
  std::uint16_t format1 = t.u16(sub + 4), format2 = t.u16(sub + 6);
  std::size_t record_size = value_record_size(format1) + value_record_size(format2);
  auto advance = x_advance_at(format1);
  if (format == 1) {
    if (std::size_t(index) >= t.u16(sub + 8)) return std::nullopt;
    std::size_t set = sub + t.u16(sub + 10 + 2 * std::size_t(index));
    std::size_t lo = 0, hi = t.u16(set);
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2, record = set + 2 + mid * (2 + record_size);
      std::uint16_t second = t.u16(record);
      if (second == right) return advance ? t.s16(record + 2 + *advance) : std::int16_t(0);
      (second < right ? lo = mid + 1 : hi = mid);
    }
    return std::nullopt;
  }
  std::uint16_t class1 = class_of(t, sub + t.u16(sub + 8), left), class2 = class_of(t, sub + t.u16(sub + 10), right);
  std::uint16_t class1_count = t.u16(sub + 12), class2_count = t.u16(sub + 14);
  if (class1 >= class1_count || class2 >= class2_count) return std::nullopt;
  std::size_t record = sub + 16 + (std::size_t(class1) * class2_count + class2) * record_size;
  return advance ? t.s16(record + *advance) : std::int16_t(0);
}

// The LangSys HarfBuzz picks for Latin script, English: script latn, else
// DFLT, else dflt; language ENG, else the script's default. 0 when none.
std::size_t english_lang_sys(const Table& t, std::size_t script_list) {
  for (const char* script_tag : {"latn", "DFLT", "dflt"}) {
    std::uint16_t scripts = t.u16(script_list);
    for (std::size_t i = 0; i < scripts; ++i) {
      std::size_t record = script_list + 2 + 6 * i;
      if (!t.tag_is(record, script_tag)) continue;
      std::size_t script = script_list + t.u16(record + 4);
      std::uint16_t languages = t.u16(script + 2);
      for (std::size_t k = 0; k < languages; ++k)
        if (t.tag_is(script + 4 + 6 * k, "ENG ")) return script + t.u16(script + 4 + 6 * k + 4);
      return t.u16(script) ? script + t.u16(script) : 0;
    }
  }
  return 0;
}

}  // namespace

std::optional<GposKerning> GposKerning::load(std::span<const std::uint8_t> gpos) {
  try {
    Table t{gpos};
    if (t.u16(0) != 1) return std::nullopt;
    std::size_t script_list = t.u16(4), feature_list = t.u16(6), lookup_list = t.u16(8);
    GposKerning kerning;
    kerning.gpos_ = gpos;
    std::size_t lang_sys = english_lang_sys(t, script_list);
    if (!lang_sys) return kerning;  // no features for this script: no kerning

    std::vector<std::uint16_t> features;
    if (std::uint16_t required = t.u16(lang_sys + 2); required != 0xFFFF) features.push_back(required);
    for (std::size_t i = 0, n = t.u16(lang_sys + 4); i < n; ++i) features.push_back(t.u16(lang_sys + 6 + 2 * i));
    std::vector<std::uint16_t> lookups;
    for (std::uint16_t f : features) {
      std::size_t record = feature_list + 2 + 6 * std::size_t(f);
      if (!t.tag_is(record, "kern")) continue;
      std::size_t feature = feature_list + t.u16(record + 4);
      for (std::size_t i = 0, n = t.u16(feature + 2); i < n; ++i) lookups.push_back(t.u16(feature + 4 + 2 * i));
    }
    std::sort(lookups.begin(), lookups.end());  // applied in lookup-list order
    lookups.erase(std::unique(lookups.begin(), lookups.end()), lookups.end());

    for (std::uint16_t index : lookups) {
      std::size_t lookup = lookup_list + t.u16(lookup_list + 2 + 2 * std::size_t(index));
      std::uint16_t type = t.u16(lookup);
      for (std::size_t i = 0, n = t.u16(lookup + 4); i < n; ++i) {
        std::size_t sub = lookup + t.u16(lookup + 6 + 2 * i);
        std::uint16_t sub_type = type;
        if (type == 9) {  // extension: the real subtable is further on
          sub_type = t.u16(sub + 2);
          sub += t.u32(sub + 4);
        }
        // Anything but pair adjustment under 'kern' would move glyphs in
        // ways this reader does not follow: let HarfBuzz do it.
        if (sub_type != 2) return std::nullopt;
        std::uint16_t format = t.u16(sub);
        if (format != 1 && format != 2) return std::nullopt;
        kerning.subtables_.push_back(sub);
      }
      kerning.lookup_ends_.push_back(kerning.subtables_.size());
    }
    return kerning;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::int16_t GposKerning::pair(GlyphId left, GlyphId right) const {
  Table t{gpos_};
  int total = 0;
  std::size_t first = 0;
  try {
    for (std::size_t end : lookup_ends_) {
      for (std::size_t s = first; s < end; ++s)
        if (auto value = apply_pair_subtable(t, subtables_[s], left, right)) {
          total += *value;
          break;
        }
      first = end;
    }
  } catch (const std::exception&) {
    return 0;  // a subtable that runs off the table kerns nothing
  }
  return std::int16_t(total);
}

}  // namespace ucap::font
