#include "validate/png_integrity.h"

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <libdeflate.h>
#include <png.h>
#include <zlib.h>

#include "validate/image_check.h"

namespace ucap::validate {

namespace {

std::uint32_t be32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

struct Header {
  std::uint32_t width = 0, height = 0;
  unsigned depth = 0, color = 0, interlace = 0;

  unsigned channels() const {
    switch (color) {
      case 0: case 3: return 1;
      case 2: return 3;
      case 4: return 2;
      default: return 4;
    }
  }
  // Bytes of one row of `pixels` pixels, without its filter byte.
  std::uint64_t row_bytes(std::uint64_t pixels) const { return (pixels * channels() * depth + 7) / 8; }
};

// The combinations of PNG's table 11.1.
bool valid_depth(const Header& h) {
  switch (h.color) {
    case 0: return h.depth == 1 || h.depth == 2 || h.depth == 4 || h.depth == 8 || h.depth == 16;
    case 3: return h.depth == 1 || h.depth == 2 || h.depth == 4 || h.depth == 8;
    case 2: case 4: case 6: return h.depth == 8 || h.depth == 16;
    default: return false;
  }
}

// What libpng is given and what it says: plain data only, because the
// function that reads through libpng longjmps out of libpng on an error and
// must have no destructor to skip.
struct PngReading {
  const unsigned char* bytes;
  std::size_t size;
  std::size_t at;
  char error[160];
};

void read_from_memory(png_structp png, png_bytep out, png_size_t length) {
  auto* reading = static_cast<PngReading*>(png_get_io_ptr(png));
  if (length > reading->size - reading->at) png_error(png, "Read past the end of the data");
  std::memcpy(out, reading->bytes + reading->at, length);
  reading->at += length;
}

[[noreturn]] void keep_error_and_leave(png_structp png, png_const_charp message) {
  auto* reading = static_cast<PngReading*>(png_get_error_ptr(png));
  std::snprintf(reading->error, sizeof reading->error, "%s", message);
  png_longjmp(png, 1);
}

// libpng's warnings are about ancillary details it has already recovered
// from; damage that matters is an error (benign errors are made errors).
void ignore_warning(png_structp, png_const_charp) {}

// Reads every row of the PNG through libpng into `row` (one row, reused:
// `row_capacity` is the bytes of a whole row), so that everything libpng
// rejects in the image data is found. False with reading->error on damage.
// Only plain locals here: setjmp/longjmp would skip their destructors.
bool read_every_row(PngReading* reading, unsigned char* row, std::size_t row_capacity) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, reading, keep_error_and_leave, ignore_warning);
  if (png == nullptr) {
    std::snprintf(reading->error, sizeof reading->error, "%s", "libpng could not start");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    std::snprintf(reading->error, sizeof reading->error, "%s", "libpng could not start");
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_read_fn(png, reading, read_from_memory);
  png_set_benign_errors(png, 0);  // e.g. data after the last row: the file is damaged
  png_set_user_limits(png, max_image_side, max_image_side);
  png_read_info(png, info);
  if (png_get_rowbytes(png, info) > row_capacity) png_error(png, "Row larger than its header promised");
  const int pass_count = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  for (int pass = 0; pass < pass_count; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row, nullptr);
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

// libpng's message in the words of the rest of ucap's diagnostics.
std::string damage_in_words(std::string_view libpng_message) {
  const auto says = [&](std::string_view text) { return libpng_message.find(text) != std::string_view::npos; };
  if (says("Not enough image data")) return "its image data ends before the last row";
  if (says("Extra compressed data") || says("Too much image data"))
    return "its image data does not end where the rows do";
  if (says("bad adaptive filter value")) return "a row of its image data has an unknown filter type";
  return fmt::format("its image data cannot be decompressed ({})", libpng_message);
}

// The image data of a non-interlaced PNG is whole when it inflates, check
// value included and nothing left over, to exactly a filter byte and a row
// per line, every filter byte one of PNG's five: what libpng checks, told by
// libdeflate in a third of the time. False when it is not, or cannot be told
// this way (interlaced, over the size limits, or too large to inflate at
// once): libpng decides, and says why.
bool image_data_whole(std::string_view zlib_data, const Header& header) {
  constexpr std::uint64_t largest_inflated = 16u << 20;
  if (header.interlace != 0 || header.width > max_image_side || header.height > max_image_side ||
      std::uint64_t{header.width} * header.height > max_image_pixels)
    return false;
  const std::uint64_t stride = 1 + header.row_bytes(header.width);
  if (stride * header.height > largest_inflated) return false;
  std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> inflater(
      libdeflate_alloc_decompressor(), libdeflate_free_decompressor);
  if (!inflater) return false;
  std::vector<unsigned char> rows(stride * header.height);
  std::size_t read = 0, written = 0;
  if (libdeflate_zlib_decompress_ex(inflater.get(), zlib_data.data(), zlib_data.size(), rows.data(), rows.size(),
                                    &read, &written) != LIBDEFLATE_SUCCESS ||
      read != zlib_data.size() || written != rows.size())
    return false;
  for (std::size_t at = 0; at < rows.size(); at += stride)
    if (rows[at] > 4) return false;
  return true;
}

// Why libpng rejects the (reduced) PNG `png`, if it does.
std::optional<std::string> image_data_damage(std::string_view png, const Header& header) {
  // The size limits (UCAP083) are checked before an image gets here; this
  // keeps the row buffer bounded even when they were not.
  if (header.width > max_image_side || header.height > max_image_side ||
      std::uint64_t{header.width} * header.height > max_image_pixels)
    return fmt::format("its header gives a size of {} × {} pixels, over the limit", header.width, header.height);
  std::vector<unsigned char> row(header.row_bytes(header.width));
  PngReading reading{reinterpret_cast<const unsigned char*>(png.data()), png.size(), 0, {}};
  if (read_every_row(&reading, row.data(), row.size())) return std::nullopt;
  return damage_in_words(reading.error);
}

// A tRNS chunk as PNG allows it for the colour type (and palette size).
bool valid_transparency(const Header& h, std::size_t length, std::size_t palette_entries) {
  switch (h.color) {
    case 0: return length == 2;
    case 2: return length == 6;
    case 3: return length >= 1 && length <= palette_entries;
    default: return false;  // colour types with alpha have no tRNS
  }
}

void append_chunk(std::string& out, std::string_view type, std::string_view data) {
  const auto be = [&](std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
  };
  be(static_cast<std::uint32_t>(data.size()));
  const std::size_t crc_from = out.size();
  out.append(type);
  out.append(data);
  be(static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(out.data() + crc_from), static_cast<uInt>(out.size() - crc_from))));
}

}  // namespace

Result<std::string> drawable_png(std::string_view bytes) {
  const auto damaged = [](std::string reason) {
    return Result<std::string>::failure(
        Diagnostic{.code = "UCAP082", .severity = Severity::error, .message = std::move(reason)});
  };
  const std::string_view signature("\x89PNG\r\n\x1a\n", 8);
  if (bytes.size() < 8 || bytes.substr(0, 8) != signature) return damaged("not a PNG");
  Header header;
  bool seen_header = false, seen_palette = false, seen_end = false;
  std::string image_data, header_data, palette, transparency;
  std::string previous;
  for (std::size_t at = 8; at < bytes.size() && !seen_end;) {
    if (bytes.size() - at < 12) return damaged("a chunk is cut short");
    const std::uint32_t length = be32(bytes, at);
    if (length > bytes.size() - at - 12) return damaged("a chunk is cut short");
    const std::string type(bytes.substr(at + 4, 4));
    const std::string_view data = bytes.substr(at + 8, length);
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(bytes.data() + at + 4), length + 4);
    if (crc != be32(bytes, at + 8 + length)) return damaged(fmt::format("its {} chunk is damaged (CRC)", type));
    const bool critical = !(type[0] & 0x20);
    if (!seen_header && type != "IHDR") return damaged("it does not start with its header (IHDR)");
    if (type == "IHDR") {
      if (seen_header || length != 13) return damaged("its header (IHDR) is damaged");
      header = {be32(data, 0), be32(data, 4), static_cast<unsigned char>(data[8]),
                static_cast<unsigned char>(data[9]), static_cast<unsigned char>(data[12])};
      if (!valid_depth(header) || data[10] != 0 || data[11] != 0 || header.interlace > 1 || header.width == 0 ||
          header.height == 0)
        return damaged("its header (IHDR) describes no valid PNG");
      seen_header = true;
      header_data = data;
    } else if (type == "PLTE") {
      if (seen_palette || !image_data.empty() || length == 0 || length % 3 != 0 || length / 3 > 256 ||
          (header.color == 3 && length / 3 > (1u << header.depth)))
        return damaged("its palette (PLTE) is damaged");
      seen_palette = true;
      palette = data;
    } else if (type == "tRNS") {
      if (!transparency.empty() || !image_data.empty() || !valid_transparency(header, length, palette.size() / 3))
        return damaged("its transparency (tRNS) does not fit its colour type");
      transparency = data;
    } else if (type == "IDAT") {
      if (!image_data.empty() && previous != "IDAT") return damaged("its image data (IDAT) is not in one run");
      if (header.color == 3 && !seen_palette) return damaged("it has no palette (PLTE) before its image data");
      image_data.append(data);
    } else if (type == "IEND") {
      seen_end = true;
    } else if (critical) {
      return damaged(fmt::format("it has a chunk ({}) that PNG readers cannot skip", type));
    }
    previous = type;
    at += 12 + length;
  }
  if (!seen_end) return damaged("it has no end (IEND) chunk");
  if (image_data.empty()) return damaged("it has no image data (IDAT)");
  std::string drawable(signature);
  append_chunk(drawable, "IHDR", header_data);
  // Only an indexed image needs its palette; in the others it is a mere
  // suggestion (or, in grey ones, not allowed), which libpng warns about.
  if (header.color == 3) append_chunk(drawable, "PLTE", palette);
  if (!transparency.empty()) append_chunk(drawable, "tRNS", transparency);
  append_chunk(drawable, "IDAT", image_data);
  append_chunk(drawable, "IEND", {});
  // libpng reads what the PDF writer will be given (unless libdeflate has
  // found its image data whole).
  if (image_data_whole(image_data, header)) return drawable;
  if (auto damage = image_data_damage(drawable, header)) return damaged(*damage);
  return drawable;
}

}  // namespace ucap::validate
