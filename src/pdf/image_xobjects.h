// Figures' images as image XObjects: each distinct image is embedded once
// and drawn wherever the layout placed it. A JPEG is its own DCT stream,
// untouched. A PNG's XObject is written here, its rows under the PNG
// predictor: a PNG a PDF can show as it is (opaque, not interlaced, grey,
// RGB or palette of at most 8 bits: png_pass_through.h) keeps its own
// compressed image data, without a pixel decoded; any other is decoded
// (png_decode.h), its alpha becoming a soft mask.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <hpdf.h>

#include "layout/page_boxes.h"

namespace ucap::pdf {

struct PngImage;

class ImageXObjects {
 public:
  explicit ImageXObjects(HPDF_Doc pdf) : pdf_(pdf) {}

  // Draws the page's images after its content (a figure's box holds no
  // text, so the order does not matter), each inside the marked content
  // `marks` begins when it has one per image (a tagged page). Returns an
  // error message, or an empty string.
  std::string draw(HPDF_Page page, const layout::Page& laid_out, const std::vector<std::string>& marks = {});

 private:
  HPDF_Image load(const model::FigureImage& image);
  HPDF_Image load_png(const std::string& bytes);
  HPDF_Image embed(const PngImage& png);
  HPDF_Dict image_stream(const PngImage& png, int colours, int bits, const std::vector<std::uint8_t>& rows);

  HPDF_Doc pdf_;
  std::map<const model::FigureImage*, HPDF_Image> loaded_;
};

}  // namespace ucap::pdf
