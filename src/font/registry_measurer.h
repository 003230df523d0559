// TextMeasurer over a FontRegistry: the widths layout breaks lines with are
// the very glyphs the PDF writer draws (same resolve(), same hmtx), so a
// line measured to fit does fit.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <atomic>

#include "font/font_choice.h"
#include "font/font_registry.h"

struct hb_language_impl_t;
struct hb_shape_plan_t;

namespace ucap::font {

class RegistryMeasurer final : public TextMeasurer {
 public:
  explicit RegistryMeasurer(const FontRegistry& registry);
  ~RegistryMeasurer() override;
  RegistryMeasurer(const RegistryMeasurer&) = delete;
  RegistryMeasurer& operator=(const RegistryMeasurer&) = delete;

  // Advance from hmtx; zero for a default-ignorable character; the
  // placeholder's (.notdef) width for a missing one.
  double advance(const FontChoice& font, char32_t c, double size) const override;

  // Kerning between two characters drawn from the same Latin face: from
  // GPOS through HarfBuzz when the face has GPOS, else the kern table.
  // Zero across faces, for Japanese faces (set on the em grid), and for
  // characters that are missing or ignorable.
  double kerning(const FontChoice& font, char32_t left, char32_t right, double size) const override;

  // resolve() (resolve_sequence() before a selector); a missing character
  // gets its blank stand-in (missing_stand_in).
  DrawnGlyph glyph(const FontChoice& font, char32_t c, char32_t next) const override;
  // Both from one resolve().
  Measured measure(const FontChoice& font, char32_t c, double size) const override;

 private:
  double advance_of(const ResolvedGlyph& g, double size) const;
  DrawnGlyph drawn(const FontChoice& font, const ResolvedGlyph& g) const;
  // The pair shaped alone by HarfBuzz (GPOS 'kern', no ligatures): the
  // first glyph's advance change, in font units. Called once per pair the
  // cache has not seen.
  std::int16_t shape_pair(FaceIndex face, GlyphId left, GlyphId right, char32_t l, char32_t r) const;
  hb_shape_plan_t* kerning_plan(FaceIndex face) const;

  const FontRegistry& registry_;
  // HarfBuzz interns languages in a process-wide list on first use; looking
  // "en" up once here, before any thread shapes, keeps that first insertion
  // out of concurrent renders.
  const hb_language_impl_t* english_;
  // Per-pair cache: shaping a pair costs microseconds, a lookup a few
  // nanoseconds. Shared between threads without a lock: each slot is one
  // atomic word holding the pair and its value, and a slot another pair
  // overwrites is only shaped again (the value is a pure function of the
  // pair, so results never depend on timing). A shared_mutex and a hash
  // map here were a third of laying out an English plan.
  static constexpr unsigned pair_cache_bits = 14;
  std::unique_ptr<std::atomic<std::uint64_t>[]> pair_cache_;
  // One shaping plan per face, made on first use and kept: looking a plan
  // up in HarfBuzz's cache for every pair cost a third of shaping it.
  struct KerningPlan {
    std::once_flag once;
    hb_shape_plan_t* plan = nullptr;
  };
  std::unique_ptr<KerningPlan[]> plans_;
};

}  // namespace ucap::font
