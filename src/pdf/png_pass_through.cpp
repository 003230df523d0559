#include "pdf/png_pass_through.h"

#include <string_view>

namespace ucap::pdf {
namespace {

constexpr std::string_view png_signature{"\x89PNG\r\n\x1a\n", 8};
constexpr std::size_t chunk_frame = 12;  // length, type and CRC around the data

std::uint32_t big_endian32(std::string_view bytes, std::size_t at) {
  const auto byte = [&](std::size_t i) { return std::uint32_t(static_cast<unsigned char>(bytes[at + i])); };
  return byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
}

// What IHDR says that decides the route. Its values were checked with the
// file (png_integrity.h); only the combinations shown as they are matter here.
struct ImageHeader {
  std::uint32_t width = 0, height = 0;
  unsigned depth = 0, colour_type = 0, interlace = 0;
};

// Grey or palette of 1, 2, 4 or 8 bits, or 8-bit RGB; not interlaced.
bool shown_as_is(const ImageHeader& h, bool has_transparency) {
  const bool low_depth = h.depth == 1 || h.depth == 2 || h.depth == 4 || h.depth == 8;
  const bool samples_fit =
      ((h.colour_type == 0 || h.colour_type == 3) && low_depth) || (h.colour_type == 2 && h.depth == 8);
  return samples_fit && h.interlace == 0 && !has_transparency && h.width > 0 && h.height > 0 &&
         h.width <= 0x7FFFFFFF && h.height <= 0x7FFFFFFF;  // PNG's own limit, which a PDF number holds
}

bool valid_palette(const ImageHeader& h, std::string_view palette) {
  const std::size_t entries = palette.size() / 3;
  return !palette.empty() && palette.size() % 3 == 0 && entries <= (std::size_t{1} << h.depth);
}

}  // namespace

std::variant<PngImage, PngNeedsDecoding, PngMalformed> read_png_as_is(std::string_view png) {
  if (png.substr(0, png_signature.size()) != png_signature) return PngMalformed{};
  ImageHeader header;
  bool seen_header = false, seen_end = false, has_transparency = false;
  std::string_view palette;
  std::vector<std::string_view> image_data;
  for (std::size_t at = png_signature.size(); !seen_end;) {
    if (png.size() - at < chunk_frame) return PngMalformed{};
    const std::uint32_t length = big_endian32(png, at);
    if (length > png.size() - at - chunk_frame) return PngMalformed{};
    const std::string_view type = png.substr(at + 4, 4);
    const std::string_view data = png.substr(at + 8, length);
    if (seen_header == (type == "IHDR")) return PngMalformed{};  // IHDR first, and once
    if (type == "IHDR") {
      if (length != 13) return PngMalformed{};
      header = {big_endian32(data, 0), big_endian32(data, 4), unsigned(static_cast<unsigned char>(data[8])),
                unsigned(static_cast<unsigned char>(data[9])), unsigned(static_cast<unsigned char>(data[12]))};
      seen_header = true;
    } else if (type == "PLTE") {
      palette = data;
    } else if (type == "tRNS") {
      has_transparency = true;
    } else if (type == "IDAT") {
      image_data.push_back(data);
    } else if (type == "IEND") {
      seen_end = true;
    }
    at += chunk_frame + length;
  }
  if (image_data.empty()) return PngMalformed{};
  if (header.colour_type == 3 && !valid_palette(header, palette)) return PngMalformed{};
  if (!shown_as_is(header, has_transparency)) return PngNeedsDecoding{};

  PngImage image;
  image.width = header.width;
  image.height = header.height;
  image.bits_per_component = int(header.depth);
  image.colours = header.colour_type == 2 ? 3 : 1;
  image.indexed = header.colour_type == 3;
  if (image.indexed) image.palette = palette;
  std::size_t total = 0;
  for (std::string_view part : image_data) total += part.size();
  image.image_data.reserve(total);
  for (std::string_view part : image_data) image.image_data.insert(image.image_data.end(), part.begin(), part.end());
  return image;
}

}  // namespace ucap::pdf
