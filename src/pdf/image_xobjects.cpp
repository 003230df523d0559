#include "pdf/image_xobjects.h"

namespace ucap::pdf {

HPDF_Image ImageXObjects::load(const model::FigureImage& image) {
  if (auto found = loaded_.find(&image); found != loaded_.end()) return found->second;
  const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(image.bytes.data());
  const auto size = HPDF_UINT(image.bytes.size());
  HPDF_Image loaded = image.kind == model::ImageKind::jpeg ? HPDF_LoadJpegImageFromMem(pdf_, bytes, size)
                                                           : HPDF_LoadPngImageFromMem(pdf_, bytes, size);
  loaded_[&image] = loaded;
  return loaded;
}

std::string ImageXObjects::draw(HPDF_Page page, const layout::Page& laid_out) {
  for (const layout::PlacedImage& placed : laid_out.images) {
    if (!placed.image) continue;
    HPDF_Image image = load(*placed.image);
    if (!image) return "an image could not be embedded (libharu could not read it)";
    const double bottom = laid_out.height - placed.y - placed.height;
    if (HPDF_Page_DrawImage(page, image, HPDF_REAL(placed.x), HPDF_REAL(bottom), HPDF_REAL(placed.width),
                            HPDF_REAL(placed.height)) != HPDF_OK)
      return "an image could not be drawn";
  }
  return {};
}

}  // namespace ucap::pdf
