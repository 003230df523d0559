#include "pdf/png_decode.h"

#include <png.h>

#include <vector>

#include "pdf/deflated_stream.h"

namespace ucap::pdf {
namespace {

// Bytes of pixels held at once: validation stops larger images (50 M pixels)
// long before this; it only keeps the sizes below in range.
constexpr std::uint64_t max_decoded_bytes = std::uint64_t{1} << 31;

// Channels [first, first + count) of each pixel of `channels`, as rows that
// each start with filter byte 0, compressed.
std::vector<std::uint8_t> plane_rows(const std::vector<std::uint8_t>& pixels, std::uint32_t width,
                                     std::uint32_t height, unsigned channels, unsigned first, unsigned count) {
  std::vector<std::uint8_t> rows;
  rows.reserve(std::size_t(height) * (1 + std::size_t(width) * count));
  for (std::size_t y = 0; y < height; ++y) {
    rows.push_back(0);
    const std::uint8_t* pixel = pixels.data() + y * width * channels;
    for (std::size_t x = 0; x < width; ++x, pixel += channels)
      rows.insert(rows.end(), pixel + first, pixel + first + count);
  }
  return deflate_bytes(rows.data(), rows.size());
}

}  // namespace

std::optional<PngImage> decode_png(std::string_view png) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return std::nullopt;
  // 8-bit sRGB samples, alpha not premultiplied; a palette looked up.
  image.format &= PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA;
  image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
  const unsigned channels = PNG_IMAGE_PIXEL_CHANNELS(image.format);
  const std::uint64_t size = std::uint64_t{image.width} * image.height * channels;
  if (size > max_decoded_bytes) {
    png_image_free(&image);
    return std::nullopt;
  }
  std::vector<std::uint8_t> pixels(size);
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    return std::nullopt;
  }
  PngImage decoded;
  decoded.width = image.width;
  decoded.height = image.height;
  decoded.colours = image.format & PNG_FORMAT_FLAG_COLOR ? 3 : 1;
  decoded.image_data = plane_rows(pixels, image.width, image.height, channels, 0, unsigned(decoded.colours));
  if (image.format & PNG_FORMAT_FLAG_ALPHA)
    decoded.alpha_data = plane_rows(pixels, image.width, image.height, channels, unsigned(decoded.colours), 1);
  return decoded;
}

}  // namespace ucap::pdf
