#include "pdf/image_xobjects.h"

#include <optional>
#include <variant>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf/deflated_stream.h"
#include "pdf/png_decode.h"
#include "pdf/png_pass_through.h"

namespace ucap::pdf {
namespace {

// [/Indexed /DeviceRGB hival <palette>], as libharu writes a PNG's palette.
HPDF_Array indexed_colour_space(HPDF_MMgr mmgr, std::string_view palette) {
  HPDF_Array space = HPDF_Array_New(mmgr);
  if (!space) return nullptr;
  HPDF_STATUS failed = HPDF_Array_AddName(space, "Indexed");
  failed |= HPDF_Array_AddName(space, "DeviceRGB");
  failed |= HPDF_Array_AddNumber(space, HPDF_INT32(palette.size() / 3) - 1);
  failed |= HPDF_Array_Add(space, HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(palette.data())),
                                                  HPDF_UINT(palette.size())));
  return failed ? nullptr : space;
}

// How /FlateDecode undoes the rows' PNG filters: /Predictor 15 says each
// row starts with its own filter byte.
HPDF_Dict png_predictor(HPDF_MMgr mmgr, std::uint32_t width, int colours, int bits) {
  HPDF_Dict parameters = HPDF_Dict_New(mmgr);
  if (!parameters) return nullptr;
  HPDF_STATUS failed = HPDF_Dict_AddNumber(parameters, "Predictor", 15);
  failed |= HPDF_Dict_AddNumber(parameters, "Colors", colours);
  failed |= HPDF_Dict_AddNumber(parameters, "BitsPerComponent", bits);
  failed |= HPDF_Dict_AddNumber(parameters, "Columns", HPDF_INT32(width));
  return failed ? nullptr : parameters;
}

}  // namespace

// An image XObject of `rows` (the image's or its soft mask's), without its
// colour space.
HPDF_Dict ImageXObjects::image_stream(const PngImage& png, int colours, int bits,
                                      const std::vector<std::uint8_t>& rows) {
  HPDF_MMgr mmgr = pdf_->mmgr;
  HPDF_Dict image = HPDF_DictStream_New(mmgr, pdf_->xref);
  if (!image) return nullptr;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;  // what HPDF_Page_DrawImage accepts as an image
  HPDF_STATUS failed = HPDF_Dict_AddName(image, "Type", "XObject");
  failed |= HPDF_Dict_AddName(image, "Subtype", "Image");
  failed |= HPDF_Dict_AddNumber(image, "Width", HPDF_INT32(png.width));
  failed |= HPDF_Dict_AddNumber(image, "Height", HPDF_INT32(png.height));
  failed |= HPDF_Dict_AddNumber(image, "BitsPerComponent", bits);
  failed |= HPDF_Dict_Add(image, "DecodeParms", png_predictor(mmgr, png.width, colours, bits));
  if (failed || !fill_precompressed(image, rows)) return nullptr;
  return image;
}

HPDF_Image ImageXObjects::embed(const PngImage& png) {
  HPDF_Dict image = image_stream(png, png.colours, png.bits_per_component, png.image_data);
  if (!image) return nullptr;
  HPDF_STATUS failed =
      png.indexed ? HPDF_Dict_Add(image, "ColorSpace", indexed_colour_space(pdf_->mmgr, png.palette))
                  : HPDF_Dict_AddName(image, "ColorSpace", png.colours == 3 ? "DeviceRGB" : "DeviceGray");
  if (!png.alpha_data.empty()) {
    HPDF_Dict mask = image_stream(png, 1, 8, png.alpha_data);
    if (!mask) return nullptr;
    failed |= HPDF_Dict_AddName(mask, "ColorSpace", "DeviceGray");
    failed |= HPDF_Dict_Add(image, "SMask", mask);
  }
  return failed ? nullptr : image;
}

HPDF_Image ImageXObjects::load_png(const std::string& bytes) {
  auto read = read_png_as_is(bytes);
  if (auto* as_is = std::get_if<PngImage>(&read)) return embed(*as_is);
  if (std::holds_alternative<PngMalformed>(read)) return nullptr;
  std::optional<PngImage> decoded = decode_png(bytes);
  return decoded ? embed(*decoded) : nullptr;
}

HPDF_Image ImageXObjects::load(const model::FigureImage& image) {
  if (auto found = loaded_.find(&image); found != loaded_.end()) return found->second;
  HPDF_Image loaded =
      image.kind == model::ImageKind::jpeg
          ? HPDF_LoadJpegImageFromMem(pdf_, reinterpret_cast<const HPDF_BYTE*>(image.bytes.data()),
                                      HPDF_UINT(image.bytes.size()))
          : load_png(image.bytes);
  loaded_[&image] = loaded;
  return loaded;
}

std::string ImageXObjects::draw(HPDF_Page page, const layout::Page& laid_out, const std::vector<std::string>& marks) {
  const auto marked = [&](std::size_t i) { return i < marks.size() && !marks[i].empty(); };
  HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
  for (std::size_t i = 0; i < laid_out.images.size(); ++i) {
    const layout::PlacedImage& placed = laid_out.images[i];
    if (!placed.image) continue;
    HPDF_Image image = load(*placed.image);
    if (!image) return "an image could not be embedded (its data could not be read)";
    const double bottom = laid_out.height - placed.y - placed.height;
    if (marked(i) && HPDF_Stream_WriteStr(stream, marks[i].c_str()) != HPDF_OK) return "an image could not be drawn";
    if (HPDF_Page_DrawImage(page, image, HPDF_REAL(placed.x), HPDF_REAL(bottom), HPDF_REAL(placed.width),
                            HPDF_REAL(placed.height)) != HPDF_OK)
      return "an image could not be drawn";
    if (marked(i) && HPDF_Stream_WriteStr(stream, "EMC\n") != HPDF_OK) return "an image could not be drawn";
  }
  return {};
}

}  // namespace ucap::pdf
