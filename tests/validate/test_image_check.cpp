// Image headers (PNG IHDR, JPEG frame header) read from bytes, and where an
// <img src> may point.
#include <doctest/doctest.h>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/check.h"
#include "validate/image_check.h"
#include "support/scratch.h"

using namespace ucap::validate;
namespace fs = std::filesystem;

namespace {

const std::string figures = std::string(UCAP_TEST_DIR) + "/schema/fixtures/figures";
const std::string small_png = ucap::test::read_text(figures + "/flood-map.png");   // 32 × 16
const std::string small_jpeg = ucap::test::read_text(figures + "/trees.JPG");      // 16 × 16

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

// A PNG whose IHDR says width × height, with a correct CRC, and the rest of
// `small_png` after it.
std::string png_sized(std::uint32_t width, std::uint32_t height) {
  std::string chunk = "IHDR" + be32(width) + be32(height) + std::string("\x08\x00\x00\x00\x00", 5);
  auto crc = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
  return small_png.substr(0, 12) + chunk + be32(static_cast<std::uint32_t>(crc)) + small_png.substr(33);
}

std::string problem_of(std::string_view bytes) {
  ucap::Result<ImageHeader> header = read_image_header_in_memory(bytes);
  if (!header) return header.diagnostics().front().code + " " + header.diagnostics().front().message;
  return "";
}

}  // namespace

TEST_CASE("PNG and JPEG dimensions come from the header") {
  auto png = read_image_header_in_memory(small_png).value();
  CHECK(png.format == ImageFormat::png);
  CHECK(png.width == 32);
  CHECK(png.height == 16);
  auto jpeg = read_image_header_in_memory(small_jpeg).value();
  CHECK(jpeg.format == ImageFormat::jpeg);
  CHECK(jpeg.width == 16);
  CHECK(jpeg.height == 16);
  auto big = read_image_header_in_memory(png_sized(100000, 3)).value();
  CHECK(big.width == 100000);
}

TEST_CASE("files that are not whole PNGs or JPEGs are refused with UCAP082") {
  CHECK(problem_of("") == "UCAP082 file is not a PNG or JPEG image");
  CHECK(problem_of("GIF89a") == "UCAP082 file is not a PNG or JPEG image");
  CHECK(problem_of(small_png.substr(0, 20)) == "UCAP082 PNG file is cut short: its header is incomplete");
  CHECK(problem_of(small_png.substr(0, small_png.size() - 12)) ==
        "UCAP082 PNG file is cut short: it has no end (IEND) chunk");
  std::string bad_crc = small_png;
  bad_crc[20] ^= 1;
  CHECK(problem_of(bad_crc) == "UCAP082 PNG header (IHDR) is damaged");
  CHECK(problem_of(png_sized(0, 10)) == "UCAP082 PNG header gives a size of 0 × 10 pixels");
  CHECK(problem_of(small_jpeg.substr(0, 10)) == "UCAP082 JPEG file is cut short before its frame header");
  CHECK(problem_of(small_jpeg.substr(0, small_jpeg.size() - 2)) ==
        "UCAP082 JPEG file is cut short: it has no end-of-image marker");
  CHECK(problem_of("\xFF\xD8\xFF\xD9") == "UCAP082 JPEG has no frame header before its image data");
  CHECK(problem_of(std::string("\xFF\xD8\xFF\xE0\x00\x01", 6)) == "UCAP082 JPEG structure is damaged");
}

TEST_CASE("a JPEG with more segments than are walked is refused, not walked to the end") {
  std::string many = "\xFF\xD8";
  for (int i = 0; i < 1001; ++i) many += std::string("\xFF\xFE\x00\x02", 4);  // empty comments
  CHECK(problem_of(many) == "UCAP082 JPEG has no frame header in its first 1000 segments");
}

TEST_CASE("img src stays in the document's folder and names a usable image") {
  fs::path folder = ucap::test::scratch_path("image-check-test");
  fs::create_directories(folder / "figures");
  std::ofstream(folder / "figures/ok.png", std::ios::binary) << small_png;
  std::ofstream(folder / "figures/huge.png", std::ios::binary) << png_sized(8000, 8000);
  auto code = [&](std::string_view src) {
    auto problem = check_image_source(src, folder);
    return problem ? std::string(problem->code) : std::string("ok");
  };
  CHECK(code("figures/ok.png") == "ok");
  CHECK(code("./figures/../figures/ok.png") == "ok");
  CHECK(code("") == "UCAP080");
  CHECK(code("/etc/passwd") == "UCAP080");
  CHECK(code("../secret.png") == "UCAP080");
  CHECK(code("figures/../../secret.png") == "UCAP080");
  CHECK(code("https://example.org/a.png") == "UCAP080");
  CHECK(code("C:/images/a.png") == "UCAP080");
  CHECK(code("figures/none.png") == "UCAP081");
  CHECK(code("figures") == "UCAP081");
  CHECK(code("figures/huge.png") == "UCAP083");  // 64 megapixels, each side under the limit
  fs::remove_all(folder);
}
