// A PNG a PDF can show as it is. PDF's /FlateDecode with the PNG predictor
// (/Predictor 15) reads a PNG's image data unchanged: the IDAT chunks'
// payloads, joined, are one zlib stream of rows that each start with their
// PNG filter byte. So an opaque, non-interlaced PNG of grey, RGB or palette
// pixels of 1–8 bits is embedded without decoding or compressing a pixel;
// only what PDF cannot say that way (an alpha channel or tRNS, which need a
// soft mask; Adam7 interlacing; 16-bit samples) is left to libharu's
// decoder.
//
// The chunks are walked from the bytes, trusting no length: the file was
// checked whole before layout (validate/png_integrity.h), but a chunk that
// would run past the buffer still makes the PNG malformed, never a read
// beyond it. CRCs are not checked again.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

namespace ucap::pdf {

struct PngAsIs {
  std::uint32_t width = 0, height = 0;  // pixels
  int bits_per_component = 8;           // 1, 2, 4 or 8
  int colours = 1;                      // samples per pixel: 1 (grey, palette index) or 3 (RGB)
  bool indexed = false;                 // colours are indices into `palette`
  std::string_view palette;             // PLTE: RGB triples, for an indexed image (a view of the PNG)
  std::vector<std::uint8_t> image_data; // the IDAT payloads in order: one zlib stream
};

// Well formed, but only a decoder can turn it into a PDF image.
struct PngNeedsDecoding {};

// Not a PNG that could be shown at all.
struct PngMalformed {};

std::variant<PngAsIs, PngNeedsDecoding, PngMalformed> read_png_as_is(std::string_view png);

}  // namespace ucap::pdf
