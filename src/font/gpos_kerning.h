// Pair kerning read straight from a face's GPOS table: the lookups of the
// 'kern' feature (script latn, else DFLT; language ENG, else the default),
// pair adjustment subtables in formats 1 and 2, through extension lookups.
// What HarfBuzz gives for two glyphs shaped alone, without shaping them:
// shaping a pair costs microseconds, and a cold English render met ~1,500
// pairs (a sixth of its work). A table this reader does not understand
// makes load() return nothing, and the caller shapes instead.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "font/truetype_face.h"

namespace ucap::font {

class GposKerning {
 public:
  static std::optional<GposKerning> load(std::span<const std::uint8_t> gpos);
  // The first glyph's advance adjustment, in font units.
  std::int16_t pair(GlyphId left, GlyphId right) const;

 private:
  std::span<const std::uint8_t> gpos_;
  std::vector<std::size_t> subtables_;  // pair adjustment subtables, lookup by lookup
  std::vector<std::size_t> lookup_ends_;  // subtables_[lookup_ends_[k-1] .. lookup_ends_[k]) form lookup k
};

}  // namespace ucap::font
