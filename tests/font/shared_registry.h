// The registry over the project's fonts/manifest.xml, loaded once for all
// tests (loading is what a process does once, too).
#pragma once

#include <doctest/doctest.h>

#include "font/font_registry.h"

namespace ucap::font::testing {

inline const FontRegistry& shared_registry() {
  static const FontRegistry registry = [] {
    auto loaded = FontRegistry::load_from_data_dir(UCAP_SOURCE_DIR);
    if (!loaded) FAIL(loaded.error());
    return std::move(loaded.value());
  }();
  return registry;
}

inline constexpr FontChoice latin_serif{Script::latin, Family::serif, false, false};
inline constexpr FontChoice latin_sans{Script::latin, Family::sans, false, false};
inline constexpr FontChoice japanese_serif{Script::japanese, Family::serif, false, false};
inline constexpr FontChoice japanese_sans{Script::japanese, Family::sans, false, false};

}  // namespace ucap::font::testing
