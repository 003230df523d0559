// The sRGB ICC profile that a PDF/A file's OutputIntent embeds: the device
// RGB every page paints in is declared to be sRGB. It is Debian's
// icc-profiles-free sRGB.icc (6.9 KB, ICC v2 display class, zlib licence),
// compiled in when the library is built (cmake/srgb_profile.cmake), so a
// render never depends on finding a file at run time.
#pragma once

#include <cstdint>
#include <span>

namespace ucap::pdf {

std::span<const std::uint8_t> srgb_icc_profile();

// What the OutputIntent says the profile is (its own description).
inline constexpr const char* srgb_condition = "sRGB IEC61966-2.1";

}  // namespace ucap::pdf
