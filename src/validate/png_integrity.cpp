#include "validate/png_integrity.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <zlib.h>

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

// The rows of the image as stored: one pass, or Adam7's seven.
std::vector<std::pair<std::uint64_t, std::uint64_t>> passes(const Header& h) {  // (row bytes, rows)
  if (h.interlace == 0) return {{h.row_bytes(h.width), h.height}};
  static constexpr std::array<std::array<unsigned, 4>, 7> adam7{
      {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}};
  std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
  for (const auto& [x0, y0, dx, dy] : adam7) {
    const std::uint64_t columns = h.width > x0 ? (h.width - x0 + dx - 1) / dx : 0;
    const std::uint64_t rows = h.height > y0 ? (h.height - y0 + dy - 1) / dy : 0;
    if (columns && rows) out.push_back({h.row_bytes(columns), rows});
  }
  return out;
}

// Inflates the image data and checks that it holds every row, each with a
// filter byte of 0–4, and nothing after the last.
std::optional<std::string> image_data_damage(const std::string& compressed, const Header& h) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return "cannot start decompressing";
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::vector<unsigned char> row;
  std::optional<std::string> damage;
  int status = Z_OK;
  for (const auto& [row_bytes, rows] : passes(h)) {
    row.resize(row_bytes + 1);
    for (std::uint64_t r = 0; r < rows && !damage; ++r) {
      stream.next_out = row.data();
      stream.avail_out = static_cast<uInt>(row.size());
      while (stream.avail_out > 0 && status == Z_OK) status = inflate(&stream, Z_NO_FLUSH);
      if (stream.avail_out > 0)
        damage = status == Z_STREAM_END ? "its image data ends before the last row"
                                        : fmt::format("its image data cannot be decompressed ({})",
                                                      stream.msg ? stream.msg : "zlib error");
      else if (row[0] > 4)
        damage = fmt::format("a row of its image data has an unknown filter type {}", row[0]);
    }
    if (damage) break;
  }
  if (!damage && status != Z_STREAM_END) {
    unsigned char extra = 0;
    stream.next_out = &extra;
    stream.avail_out = 1;
    status = inflate(&stream, Z_FINISH);
    if (status != Z_STREAM_END) damage = "its image data does not end where the rows do";
  }
  inflateEnd(&stream);
  return damage;
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

std::variant<std::string, PngDamage> drawable_png(std::string_view bytes) {
  const auto damaged = [](std::string reason) { return PngDamage{std::move(reason)}; };
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
  if (auto damage = image_data_damage(image_data, header)) return damaged(*damage);
  std::string drawable(signature);
  append_chunk(drawable, "IHDR", header_data);
  // Only an indexed image needs its palette; in the others it is a mere
  // suggestion (or, in grey ones, not allowed), which libpng warns about.
  if (header.color == 3) append_chunk(drawable, "PLTE", palette);
  if (!transparency.empty()) append_chunk(drawable, "tRNS", transparency);
  append_chunk(drawable, "IDAT", image_data);
  append_chunk(drawable, "IEND", {});
  return drawable;
}

}  // namespace ucap::validate
