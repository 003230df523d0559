// A PNG a PDF cannot show as it is (png_pass_through.h: alpha, tRNS,
// interlaced, 16-bit), decoded by libpng's simplified API to 8-bit grey or
// RGB and, where it has any transparency, an 8-bit alpha for the soft mask.
// That API reports damage instead of aborting, and it gets right what
// libharu 2.3.0's PNG reader does not: interlaced images (an error, or with
// alpha a double free), 16-bit ones (declared 16 bits, written 8), a
// palette of fewer than 8 bits with tRNS (wrong colours and mask), and grey
// or RGB with tRNS (transparency dropped).
//
// 8-bit samples come out as they are (no gamma chunk survives validation,
// so both sides are sRGB); 16-bit ones are read as sRGB too and rounded to
// 8 bits (PDF 1.4 has no 16-bit images).
#pragma once

#include <optional>
#include <string_view>

#include "pdf/png_image.h"

namespace ucap::pdf {

// The decoded rows compressed, each after a filter byte of 0 (none);
// nullopt when libpng cannot read the PNG or it is too large to hold.
std::optional<PngImage> decode_png(std::string_view png);

}  // namespace ucap::pdf
