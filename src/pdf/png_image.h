// A PNG figure as its image XObject holds it: rows of samples, each after
// its PNG filter byte, in one zlib stream, which /FlateDecode with
// /Predictor 15 reads back. Made from a PNG's own image data where a PDF
// can show it as it is (png_pass_through.h), else from its decoded pixels
// (png_decode.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ucap::pdf {

struct PngImage {
  std::uint32_t width = 0, height = 0;  // pixels
  int bits_per_component = 8;           // 1, 2, 4 or 8
  int colours = 1;                      // samples per pixel: 1 (grey, palette index) or 3 (RGB)
  bool indexed = false;                 // colours are indices into `palette`
  std::string_view palette;             // PLTE: RGB triples, for an indexed image (a view of the PNG's bytes)
  std::vector<std::uint8_t> image_data; // the rows, compressed
  std::vector<std::uint8_t> alpha_data; // the soft mask's rows (8 bits), compressed the same way; empty: opaque
};

}  // namespace ucap::pdf
