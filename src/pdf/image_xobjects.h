// Figures' images as image XObjects: each distinct image is embedded once
// and drawn wherever the layout placed it. A JPEG is its own DCT stream,
// untouched. A PNG a PDF can show as it is (opaque, not interlaced, grey,
// RGB or palette of at most 8 bits: png_pass_through.h) is written here,
// its image data passed through under the PNG predictor, without a pixel
// decoded; any other PNG goes through libharu's decoder, which makes the
// soft mask of its alpha.
#pragma once

#include <map>
#include <string>

#include <hpdf.h>

#include "layout/page_boxes.h"

namespace ucap::pdf {

struct PngAsIs;

class ImageXObjects {
 public:
  explicit ImageXObjects(HPDF_Doc pdf) : pdf_(pdf) {}

  // Draws the page's images after its content (a figure's box holds no
  // text, so the order does not matter). Returns an error message, or an
  // empty string.
  std::string draw(HPDF_Page page, const layout::Page& laid_out);

 private:
  HPDF_Image load(const model::FigureImage& image);
  HPDF_Image load_png(const std::string& bytes);
  HPDF_Image embed_as_is(const PngAsIs& png);

  HPDF_Doc pdf_;
  std::map<const model::FigureImage*, HPDF_Image> loaded_;
};

}  // namespace ucap::pdf
