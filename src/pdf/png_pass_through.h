// A PNG a PDF can show as it is. PDF's /FlateDecode with the PNG predictor
// (/Predictor 15) reads a PNG's image data unchanged: the IDAT chunks'
// payloads, joined, are one zlib stream of rows that each start with their
// PNG filter byte. So an opaque, non-interlaced PNG of grey, RGB or palette
// pixels of 1–8 bits is embedded without decoding or compressing a pixel;
// only what PDF cannot say that way (an alpha channel or tRNS, which need a
// soft mask; Adam7 interlacing; 16-bit samples) is decoded (png_decode.h).
//
// The chunks are walked from the bytes, trusting no length: the file was
// checked whole before layout (validate/png_integrity.h), but a chunk that
// would run past the buffer still makes the PNG malformed, never a read
// beyond it. CRCs are not checked again.
#pragma once

#include <string_view>
#include <variant>

#include "pdf/png_image.h"

namespace ucap::pdf {

// Well formed, but only its decoded pixels can make a PDF image.
struct PngNeedsDecoding {};

// Not a PNG that could be shown at all.
struct PngMalformed {};

// Three outcomes, not a value or an error: "needs decoding" is a good PNG
// that takes the other path, so this stays a variant rather than a Result.
std::variant<PngImage, PngNeedsDecoding, PngMalformed> read_png_as_is(std::string_view png);

}  // namespace ucap::pdf
