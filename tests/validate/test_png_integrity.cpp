// A PNG is read through libpng (its every row) before libharu sees it (libpng aborts
// the process on damage there): each kind of damage is named, a good PNG of
// every colour type comes back reduced to the chunks that are drawn.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>
#include <vector>

#include "validate/png_integrity.h"

using namespace ucap::validate;

namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
  const std::string body = type + data;
  return be32(static_cast<std::uint32_t>(data.size())) + body +
         be32(static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

std::string deflated(const std::string& raw) {
  uLongf size = compressBound(uLong(raw.size()));
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), uLong(raw.size()));
  out.resize(size);
  return out;
}

struct Png {
  std::uint32_t width = 4, height = 3;
  int depth = 8, color = 2, interlace = 0;
  std::string before_data;           // chunks between IHDR and IDAT
  std::string raw;                   // filter byte + row bytes for each row; empty: made from the size
  std::string after_data;            // chunks between IDAT and IEND

  std::string rows() const {
    if (!raw.empty()) return raw;
    const int channels = color == 2 ? 3 : color == 6 ? 4 : color == 4 ? 2 : 1;
    const std::size_t row = (std::size_t(width) * channels * depth + 7) / 8;
    std::string out;
    for (std::uint32_t y = 0; y < height; ++y) out += '\0' + std::string(row, char(y * 40));
    return out;
  }
  std::string bytes() const {
    const std::string header = be32(width) + be32(height) + char(depth) + char(color) + '\0' + '\0' + char(interlace);
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + before_data + chunk("IDAT", deflated(rows())) +
           after_data + chunk("IEND", "");
  }
};

std::string damage_of(const std::string& bytes) {
  ucap::Result<std::string> result = drawable_png(bytes);
  if (!result) return result.diagnostics().front().message;
  return "";
}

}  // namespace

TEST_CASE("good PNGs of each colour type and depth pass, reduced to the chunks that are drawn") {
  const std::string palette = chunk("PLTE", std::string("\xff\0\0\0\xff\0", 6));
  std::vector<Png> good{{4, 3, 8, 2}, {4, 3, 16, 2}, {4, 3, 8, 6}, {4, 3, 8, 0}, {4, 3, 1, 0}, {4, 3, 8, 4},
                        {4, 3, 8, 3, 0, palette}, {4, 3, 2, 3, 0, palette + chunk("tRNS", "\x80")}};
  for (const Png& png : good) {
    CAPTURE(png.color);
    CAPTURE(png.depth);
    ucap::Result<std::string> result = drawable_png(png.bytes());
    REQUIRE(result.ok());
    CHECK(result.value().substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  }
  // Ancillary chunks (text, gamma) are left out; the image data is kept.
  Png with_text{4, 3, 8, 2, 0, chunk("tEXt", std::string("Title\0Map", 9)) + chunk("gAMA", be32(45455))};
  const std::string drawn = drawable_png(with_text.bytes()).value();
  CHECK(drawn.find("tEXt") == std::string::npos);
  CHECK(drawn.find("gAMA") == std::string::npos);
  CHECK(drawn == Png{}.bytes());
}

TEST_CASE("an interlaced PNG is read pass by pass") {
  Png interlaced{5, 5, 8, 0, 1};
  // Adam7 on 5 × 5 grey: passes of 1×1, 1×1, 2×1, 1×2, 3×1, 2×3 and 5×2 pixels.
  std::string raw;
  for (auto [columns, rows] : std::vector<std::pair<int, int>>{{1, 1}, {1, 1}, {2, 1}, {1, 2}, {3, 1}, {2, 3}, {5, 2}})
    for (int r = 0; r < rows; ++r) raw += '\0' + std::string(std::size_t(columns), 'x');
  interlaced.raw = raw;
  CHECK(damage_of(interlaced.bytes()) == "");
  interlaced.raw = raw.substr(0, raw.size() - 1);
  CHECK(damage_of(interlaced.bytes()) == "its image data ends before the last row");
}

TEST_CASE("each kind of damage is named") {
  Png png;
  std::string bytes = png.bytes();
  CHECK(damage_of("GIF89a") == "not a PNG");
  CHECK(damage_of(bytes.substr(0, bytes.size() - 6)) == "a chunk is cut short");

  std::string flipped = bytes;
  flipped[flipped.find("IDAT") + 6] ^= 0x20;
  CHECK(damage_of(flipped) == "its IDAT chunk is damaged (CRC)");

  Png short_rows;
  short_rows.raw = short_rows.rows().substr(0, 20);
  CHECK(damage_of(short_rows.bytes()) == "its image data ends before the last row");
  Png long_rows;
  long_rows.raw = long_rows.rows() + "more";
  CHECK(damage_of(long_rows.bytes()) == "its image data does not end where the rows do");
  Png bad_filter;
  bad_filter.raw = bad_filter.rows();
  bad_filter.raw[13] = 9;  // the second row's filter byte
  CHECK(damage_of(bad_filter.bytes()) == "a row of its image data has an unknown filter type");

  Png not_deflate;
  std::string broken = not_deflate.bytes();
  const std::size_t idat = broken.find("IDAT");
  const std::string garbage(16, '\x55');
  broken = broken.substr(0, idat - 4) + chunk("IDAT", garbage) + broken.substr(broken.find("IEND") - 4);
  CHECK(damage_of(broken).rfind("its image data cannot be decompressed", 0) == 0);

  CHECK(damage_of(Png{4, 3, 16, 3}.bytes()) == "its header (IHDR) describes no valid PNG");
  CHECK(damage_of(Png{4, 3, 8, 3}.bytes()) == "it has no palette (PLTE) before its image data");
  CHECK(damage_of(Png{4, 3, 8, 6, 0, chunk("tRNS", "\0\1")}.bytes()) ==
        "its transparency (tRNS) does not fit its colour type");
  CHECK(damage_of(Png{4, 3, 8, 2, 0, chunk("ABCD", "x")}.bytes()) == "it has a chunk (ABCD) that PNG readers cannot skip");
  CHECK(damage_of(Png{4, 3, 8, 2, 0, "", "", chunk("tEXt", std::string("a\0b", 3)) + chunk("IDAT", deflated("x"))}.bytes()) ==
        "its image data (IDAT) is not in one run");
}

TEST_CASE("an image over the size limits is not read row by row") {
  // Callers check the limits first (UCAP083); drawable_png keeps its one row
  // buffer bounded even when they did not.
  CHECK(damage_of(Png{20'000, 1, 8, 0}.bytes()) == "its header gives a size of 20000 × 1 pixels, over the limit");
  CHECK(damage_of(Png{10'000, 1, 8, 0}.bytes()) == "");
}

TEST_CASE("image data that inflates but is not whole is damage, whichever reader finds it") {
  // The quick check (libdeflate) passes only data libpng would pass; the
  // rest goes to libpng, which names the damage.
  Png png;
  const std::string good_data = deflated(png.rows());
  const auto with_image_data = [&](const std::string& data) {
    return std::string("\x89PNG\r\n\x1a\n", 8) +
           chunk("IHDR", be32(png.width) + be32(png.height) + char(8) + char(2) + '\0' + '\0' + '\0') +
           chunk("IDAT", data) + chunk("IEND", "");
  };
  CHECK(damage_of(with_image_data(good_data)) == "");

  std::string bad_check = good_data;
  bad_check.back() ^= 0x01;  // the zlib stream's Adler-32 of the rows
  CHECK(damage_of(with_image_data(bad_check)).rfind("its image data", 0) == 0);

  CHECK(damage_of(with_image_data(good_data + "tail")).rfind("its image data", 0) == 0);
}
