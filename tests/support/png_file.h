// PNG files for tests, written and read by libpng itself: any colour type,
// depth, palette, transparency (alpha, tRNS), interlacing, and image data split into as
// many IDAT chunks as wanted; and any PNG decoded to 8-bit RGBA, the pixels
// a viewer shows.
#pragma once

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ucap::test {

struct PngSpec {
  std::uint32_t width = 1, height = 1;
  int depth = 8;        // bits per sample
  int colour_type = 2;  // PNG_COLOR_TYPE_*
  bool interlaced = false;
  std::vector<png_color> palette;
  std::vector<std::uint8_t> transparency;  // tRNS of a palette image: alpha per entry
  std::size_t idat_size = 0;               // bytes per IDAT chunk; 0: libpng's default (8 KB)
  std::optional<png_color_16> transparent_colour;  // tRNS of a grey or RGB image

  int channels() const {
    switch (colour_type) {
      case PNG_COLOR_TYPE_RGB: return 3;
      case PNG_COLOR_TYPE_RGB_ALPHA: return 4;
      case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
      default: return 1;
    }
  }
};

namespace png_file_detail {

inline void append(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
inline void flush(png_structp) {}

// Samples (width × channels per row, each below 2^depth) packed as PNG rows
// hold them: several to a byte below 8 bits, big-endian at 16.
inline std::vector<std::vector<png_byte>> packed_rows(const PngSpec& spec, const std::vector<std::uint16_t>& samples) {
  const std::size_t per_row = std::size_t(spec.width) * spec.channels();
  std::vector<std::vector<png_byte>> rows(spec.height, std::vector<png_byte>((per_row * spec.depth + 7) / 8));
  for (std::size_t y = 0; y < spec.height; ++y)
    for (std::size_t i = 0; i < per_row; ++i) {
      const unsigned value = samples.at(y * per_row + i);
      if (spec.depth == 16) {
        rows[y][2 * i] = png_byte(value >> 8);
        rows[y][2 * i + 1] = png_byte(value);
      } else {
        const std::size_t bit = i * spec.depth;
        rows[y][bit / 8] |= png_byte(value << (8 - spec.depth - bit % 8));
      }
    }
  return rows;
}

// Plain locals only between setjmp and a libpng error's longjmp.
inline bool write(const PngSpec& spec, std::vector<png_bytep>& row_pointers, std::string& out) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &out, append, flush);
  if (spec.idat_size) png_set_compression_buffer_size(png, spec.idat_size);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_ALL_FILTERS);  // rows of every filter type
  png_set_IHDR(png, info, spec.width, spec.height, spec.depth, spec.colour_type,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
               PNG_FILTER_TYPE_BASE);
  if (!spec.palette.empty())
    png_set_PLTE(png, info, const_cast<png_colorp>(spec.palette.data()), int(spec.palette.size()));
  if (!spec.transparency.empty())
    png_set_tRNS(png, info, const_cast<png_bytep>(spec.transparency.data()), int(spec.transparency.size()), nullptr);
  if (spec.transparent_colour)
    png_set_tRNS(png, info, nullptr, 0, const_cast<png_color_16p>(&*spec.transparent_colour));
  png_write_info(png, info);
  png_set_interlace_handling(png);
  png_write_image(png, row_pointers.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace png_file_detail

// The PNG of `samples`, row by row; empty if libpng refused it.
inline std::string png_file(const PngSpec& spec, const std::vector<std::uint16_t>& samples) {
  auto rows = png_file_detail::packed_rows(spec, samples);
  std::vector<png_bytep> row_pointers;
  for (auto& row : rows) row_pointers.push_back(row.data());
  std::string out;
  if (!png_file_detail::write(spec, row_pointers, out)) return {};
  return out;
}

struct RgbaImage {
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA, row by row; empty if the PNG could not be read

  const std::uint8_t* at(std::uint32_t x, std::uint32_t y) const { return &pixels[(std::size_t(y) * width + x) * 4]; }
};

inline RgbaImage decoded_png(const std::string& bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  RgbaImage out;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return out;
  image.format = PNG_FORMAT_RGBA;
  image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;  // 16-bit samples are not linear light either
  out.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    out.pixels.clear();
    return out;
  }
  out.width = image.width;
  out.height = image.height;
  return out;
}

}  // namespace ucap::test
