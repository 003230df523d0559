// TextMeasurer over a FontRegistry: the widths layout breaks lines with are
// the very glyphs the PDF writer draws (same resolve(), same hmtx), so a
// line measured to fit does fit.
#pragma once

#include <cstdint>
#include <shared_mutex>
#include <unordered_map>

#include "font/font_choice.h"
#include "font/font_registry.h"

struct hb_language_impl_t;

namespace ucap::font {

class RegistryMeasurer final : public TextMeasurer {
 public:
  explicit RegistryMeasurer(const FontRegistry& registry);

  // Advance from hmtx; zero for a default-ignorable character; the
  // placeholder's (.notdef) width for a missing one.
  double advance(const FontChoice& font, char32_t c, double size) const override;

  // Kerning between two characters drawn from the same Latin face: from
  // GPOS through HarfBuzz when the face has GPOS, else the kern table.
  // Zero across faces, for Japanese faces (set on the em grid), and for
  // characters that are missing or ignorable.
  double kerning(const FontChoice& font, char32_t left, char32_t right, double size) const override;

 private:
  std::int16_t shape_pair(const LoadedFace& face, GlyphId left, GlyphId right, char32_t l, char32_t r) const;

  const FontRegistry& registry_;
  // HarfBuzz interns languages in a process-wide list on first use; looking
  // "en" up once here, before any thread shapes, keeps that first insertion
  // out of concurrent renders.
  const hb_language_impl_t* english_;
  // Per-pair cache: shaping a pair costs microseconds, a lookup tens of
  // nanoseconds. Shared between threads that measure with this object.
  mutable std::shared_mutex cache_mutex_;
  mutable std::unordered_map<std::uint64_t, std::int16_t> pair_cache_;
};

}  // namespace ucap::font
