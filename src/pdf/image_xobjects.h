// Figures' images as image XObjects: each distinct image is embedded once
// (PNG through libharu's decoder, with its alpha as a soft mask; JPEG as
// its own DCT stream, untouched) and drawn wherever the layout placed it.
#pragma once

#include <map>
#include <string>

#include <hpdf.h>

#include "layout/page_boxes.h"

namespace ucap::pdf {

class ImageXObjects {
 public:
  explicit ImageXObjects(HPDF_Doc pdf) : pdf_(pdf) {}

  // Draws the page's images after its content (a figure's box holds no
  // text, so the order does not matter). Returns an error message, or an
  // empty string.
  std::string draw(HPDF_Page page, const layout::Page& laid_out);

 private:
  HPDF_Image load(const model::FigureImage& image);

  HPDF_Doc pdf_;
  std::map<const model::FigureImage*, HPDF_Image> loaded_;
};

}  // namespace ucap::pdf
