// PNG figures in the PDF as a reader sees them. Opaque, non-interlaced grey,
// RGB and palette PNGs of 1–8 bits are embedded with their own image data
// (the IDAT bytes are in the file, under the PNG predictor); every other PNG
// is decoded (alpha and tRNS as a soft mask). Either way poppler extracts
// and renders the PNG's pixels, as libpng decodes them.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "../font/shared_registry.h"
#include "files/atomic_file.h"
#include "pdf/pdf_writer.h"
#include "pdf/png_pass_through.h"
#include "sample_document.h"
#include "support/png_file.h"

using namespace ucap;
using namespace ucap::pdf;
using namespace ucap::pdf::testing;
using ucap::font::testing::shared_registry;
using ucap::test::PngSpec;
using ucap::test::RgbaImage;

namespace {

constexpr double points_per_pixel = 8;  // rendered at 72 dpi, each pixel a block of 8 × 8

struct TestPng {
  std::string name;  // its kind, for the failures
  PngSpec spec;
  std::string bytes;
};

// A PNG of the spec with varied samples (and a palette of `palette_entries`
// colours for a palette image).
TestPng test_png(std::string name, PngSpec spec, int palette_entries = 0) {
  for (int i = 0; i < palette_entries; ++i)
    spec.palette.push_back({png_byte(i * 53 + 7), png_byte(255 - i * 97), png_byte(i * 29)});
  const unsigned limit = palette_entries ? unsigned(palette_entries) : 1u << spec.depth;
  std::vector<std::uint16_t> samples;
  for (std::uint32_t y = 0; y < spec.height; ++y)
    for (std::uint32_t x = 0; x < spec.width; ++x)
      for (int c = 0; c < spec.channels(); ++c) {
        unsigned value = (x * 37 + y * 59 + unsigned(c) * 101 + x * y * 7) % limit;
        if (spec.depth == 16) value = (value % 256) * 257;  // 16 bits that an 8-bit reading keeps exactly
        samples.push_back(std::uint16_t(value));
      }
  std::string bytes = test::png_file(spec, samples);
  REQUIRE_MESSAGE(!bytes.empty(), name);
  return {std::move(name), std::move(spec), std::move(bytes)};
}

// Named by process: several checkouts' suites may run at once on one machine.
std::string scratch(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("ucap-png-test-" + std::to_string(::getpid()) + "-" + name)).string();
}

// One page per placement of the image, each the image's size at 8 points a
// pixel, filled by it.
layout::LaidOutDocument figure_document(const std::string& png, std::uint32_t width, std::uint32_t height,
                                        int pages = 1) {
  auto image = std::make_shared<model::FigureImage>();
  image->kind = model::ImageKind::png;
  image->width = width;
  image->height = height;
  image->bytes = png;
  layout::LaidOutDocument doc;
  for (int p = 0; p < pages; ++p) {
    layout::Page page;
    page.width = width * points_per_pixel;
    page.height = height * points_per_pixel;
    page.images.push_back({0, 0, page.width, page.height, image});
    doc.pages.push_back(page);
  }
  return doc;
}

layout::LaidOutDocument figure_document(const TestPng& png, int pages = 1) {
  return figure_document(png.bytes, png.spec.width, png.spec.height, pages);
}

// Set UCAP_KEEP_TEST_PDFS=1 to keep the files in the temp folder for a look.
void discard(const std::string& path) {
  if (!std::getenv("UCAP_KEEP_TEST_PDFS")) std::filesystem::remove(path);
}

std::vector<std::uint8_t> pdf_bytes(const layout::LaidOutDocument& doc) {
  std::vector<MissingGlyphFinding> findings;
  auto bytes = write_pdf(doc, shared_registry(), findings);
  REQUIRE_MESSAGE(bytes.ok(), bytes.error());
  return bytes.value();
}

std::string write_figure_pdf(const TestPng& png, int pages = 1) {
  std::string path = scratch(png.name + ".pdf");
  REQUIRE(files::write_file_atomically(path, pdf_bytes(figure_document(png, pages))).empty());
  return path;
}

// `pdfimages -list` rows: "type width height colour components bpc encoding object".
std::vector<std::string> listed_images(const std::string& pdf) {
  auto listed = run_command("pdfimages -list " + pdf, pdf);
  CHECK(listed.status == 0);
  CHECK(listed.err == "");
  std::istringstream lines(listed.out);
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);  // header and rule
  std::vector<std::string> rows;
  while (std::getline(lines, line)) {
    // page num type width height color comp bpc enc interp object ...
    std::istringstream fields(line);
    std::vector<std::string> field(11);
    for (std::string& f : field) fields >> f;
    std::string row = field[2];
    for (std::size_t i : {3, 4, 5, 6, 7, 8, 10}) row += " " + field[i];
    rows.push_back(row);
  }
  return rows;
}

RgbaImage read_png_file(const std::string& path) {
  RgbaImage image = test::decoded_png(read_whole_file(path));
  std::filesystem::remove(path);
  return image;
}

// The `index`th image as `pdfimages -png` extracts it (colour space applied).
RgbaImage extracted_image(const std::string& pdf, int index) {
  const std::string prefix = scratch("extracted");
  auto r = run_command("pdfimages -png " + pdf + " " + prefix, pdf);
  CHECK(r.status == 0);
  std::vector<RgbaImage> images;
  for (int i = 0; std::filesystem::exists(prefix + "-00" + std::to_string(i) + ".png"); ++i)
    images.push_back(read_png_file(prefix + "-00" + std::to_string(i) + ".png"));
  REQUIRE(index < int(images.size()));
  return images[std::size_t(index)];
}

// The first page as pdftoppm renders it at 72 dpi.
RgbaImage rendered_page(const std::string& pdf) {
  const std::string prefix = scratch("rendered");
  auto r = run_command("pdftoppm -r 72 -f 1 -l 1 -singlefile -png " + pdf + " " + prefix, pdf);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  return read_png_file(prefix + ".png");
}

// Channels 0..count-1 of every pixel of `seen`, sampled every `step` pixels
// from the middle of the first block, against `source`'s channels from `first`.
void check_pixels(const RgbaImage& seen, const RgbaImage& source, int step, int first = 0, int count = 3) {
  REQUIRE(seen.width == source.width * std::uint32_t(step));
  REQUIRE(seen.height == source.height * std::uint32_t(step));
  int wrong = 0;
  for (std::uint32_t y = 0; y < source.height; ++y)
    for (std::uint32_t x = 0; x < source.width; ++x) {
      const std::uint8_t* got = seen.at(x * step + step / 2, y * step + step / 2);
      const std::uint8_t* want = source.at(x, y);
      for (int c = 0; c < count; ++c)
        if (got[c] != want[first + c] && ++wrong <= 5)
          FAIL_CHECK("pixel (" << x << ", " << y << ") channel " << c << ": " << int(got[c]) << ", the PNG has "
                               << int(want[first + c]));
    }
  CHECK(wrong == 0);
}

void check_clean(const std::string& pdf) {
  auto check = run_command("qpdf --check " + pdf, pdf);
  INFO(check.out, check.err);
  CHECK(check.status == 0);
  CHECK(check.err == "");
}

// The PNG's chunks in order: (type, data).
std::vector<std::pair<std::string, std::string>> chunks_of(const std::string& png) {
  std::vector<std::pair<std::string, std::string>> chunks;
  for (std::size_t at = 8; at + 12 <= png.size();) {
    std::size_t length = 0;
    for (std::size_t i = 0; i < 4; ++i) length = length << 8 | std::uint8_t(png[at + i]);
    chunks.emplace_back(png.substr(at + 4, 4), png.substr(at + 8, length));
    at += 12 + length;
  }
  return chunks;
}

// The IDAT chunks' payloads, joined.
std::string image_data_of(const std::string& png) {
  std::string data;
  for (const auto& [type, payload] : chunks_of(png))
    if (type == "IDAT") data += payload;
  return data;
}

std::vector<TestPng> pass_through_pngs() {
  return {
      test_png("grey-8", {13, 6, 8, PNG_COLOR_TYPE_GRAY}),
      test_png("rgb-8", {13, 6, 8, PNG_COLOR_TYPE_RGB}),
      test_png("palette-8", {13, 6, 8, PNG_COLOR_TYPE_PALETTE}, 180),
      test_png("palette-4", {13, 6, 4, PNG_COLOR_TYPE_PALETTE}, 11),
      test_png("palette-1", {13, 6, 1, PNG_COLOR_TYPE_PALETTE}, 2),
      test_png("grey-1", {13, 6, 1, PNG_COLOR_TYPE_GRAY}),
      test_png("grey-2", {13, 6, 2, PNG_COLOR_TYPE_GRAY}),
      // Image data in many IDAT chunks, joined into one stream.
      test_png("rgb-8-split", {21, 9, 8, PNG_COLOR_TYPE_RGB, false, {}, {}, 40}),
  };
}

// What `pdfimages -list` says of each: colour space, components, bits.
std::string listed_colour(const PngSpec& spec) {
  const std::string bits = std::to_string(std::min(spec.depth, 8));
  switch (spec.colour_type) {
    case PNG_COLOR_TYPE_RGB: case PNG_COLOR_TYPE_RGB_ALPHA: return "rgb 3 " + bits;
    case PNG_COLOR_TYPE_PALETTE: return "index 1 " + bits;
    default: return "gray 1 " + bits;
  }
}

}  // namespace

TEST_CASE("png: opaque grey, RGB and palette PNGs are embedded with their own image data, pixels as the PNG's") {
  for (const TestPng& png : pass_through_pngs()) {
    CAPTURE(png.name);
    CHECK(std::holds_alternative<PngImage>(read_png_as_is(png.bytes)));
    const std::string pdf = write_figure_pdf(png);
    const std::string size = std::to_string(png.spec.width) + " " + std::to_string(png.spec.height);
    auto rows = listed_images(pdf);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].substr(0, rows[0].rfind(' ')) == "image " + size + " " + listed_colour(png.spec) + " image");

    // The PNG's compressed rows are in the file as they are.
    const std::string file = read_whole_file(pdf);
    CHECK(file.find(image_data_of(png.bytes)) != std::string::npos);
    CHECK(file.find("/Predictor 15") != std::string::npos);

    const RgbaImage source = test::decoded_png(png.bytes);
    REQUIRE(!source.pixels.empty());
    // pdfimages -png writes a 1-bit image's bits as black and white, whatever its palette.
    if (png.spec.colour_type != PNG_COLOR_TYPE_PALETTE || png.spec.depth != 1)
      check_pixels(extracted_image(pdf, 0), source, 1);
    check_pixels(rendered_page(pdf), source, int(points_per_pixel));
    check_clean(pdf);
    CHECK(pdf_bytes(figure_document(png)) == pdf_bytes(figure_document(png)));
    discard(pdf);
  }
  const auto split = chunks_of(pass_through_pngs().back().bytes);
  CHECK(std::count_if(split.begin(), split.end(), [](const auto& chunk) { return chunk.first == "IDAT"; }) > 5);
}

TEST_CASE("png: an image on two pages is embedded once") {
  const std::string pdf = write_figure_pdf(test_png("twice", {13, 6, 8, PNG_COLOR_TYPE_RGB}), 2);
  auto rows = listed_images(pdf);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == rows[1]);  // the same object
  check_clean(pdf);
  discard(pdf);
}

TEST_CASE("png: alpha, transparency, interlacing and 16 bits are decoded, pixels and alpha as the PNG's") {
  struct Decoded {
    TestPng png;
    bool soft_mask;
  };
  std::vector<std::uint8_t> palette_alpha(180);
  for (std::size_t i = 0; i < palette_alpha.size(); ++i) palette_alpha[i] = std::uint8_t(i * 41);
  const std::vector<Decoded> pngs{
      {test_png("rgba-8", {13, 6, 8, PNG_COLOR_TYPE_RGB_ALPHA}), true},
      {test_png("grey-alpha-8", {13, 6, 8, PNG_COLOR_TYPE_GRAY_ALPHA}), true},
      {test_png("palette-8-trns", {13, 6, 8, PNG_COLOR_TYPE_PALETTE, false, {}, palette_alpha}, 180), true},
      {test_png("palette-4-trns", {13, 6, 4, PNG_COLOR_TYPE_PALETTE, false, {}, {0, 128, 255, 30}}, 11), true},
      // One colour transparent: pixel (1, 0)'s.
      {test_png("grey-8-trns", {13, 6, 8, PNG_COLOR_TYPE_GRAY, false, {}, {}, 0, png_color_16{0, 0, 0, 0, 37}}),
       true},
      {test_png("rgb-8-trns", {13, 6, 8, PNG_COLOR_TYPE_RGB, false, {}, {}, 0, png_color_16{0, 37, 138, 239, 0}}),
       true},
      {test_png("rgb-8-interlaced", {13, 6, 8, PNG_COLOR_TYPE_RGB, true}), false},
      {test_png("palette-4-interlaced", {13, 6, 4, PNG_COLOR_TYPE_PALETTE, true}, 11), false},
      {test_png("grey-1-interlaced", {13, 6, 1, PNG_COLOR_TYPE_GRAY, true}), false},
      {test_png("rgba-8-interlaced", {13, 6, 8, PNG_COLOR_TYPE_RGB_ALPHA, true}), true},
      {test_png("grey-16", {13, 6, 16, PNG_COLOR_TYPE_GRAY}), false},
      {test_png("rgba-16", {13, 6, 16, PNG_COLOR_TYPE_RGB_ALPHA}), true},
  };
  for (const Decoded& decoded : pngs) {
    const TestPng& png = decoded.png;
    CAPTURE(png.name);
    CHECK(std::holds_alternative<PngNeedsDecoding>(read_png_as_is(png.bytes)));
    const std::string pdf = write_figure_pdf(png);
    // Decoded to 8 bits, a palette's colours looked up.
    const std::string colour = png.spec.colour_type & PNG_COLOR_MASK_COLOR ? "rgb 3 8" : "gray 1 8";
    const std::string size = std::to_string(png.spec.width) + " " + std::to_string(png.spec.height);
    auto rows = listed_images(pdf);
    REQUIRE(rows.size() == (decoded.soft_mask ? 2 : 1));
    CHECK(rows[0].substr(0, rows[0].rfind(' ')) == "image " + size + " " + colour + " image");
    if (decoded.soft_mask) CHECK(rows[1].substr(0, rows[1].rfind(' ')) == "smask " + size + " gray 1 8 image");

    const RgbaImage source = test::decoded_png(png.bytes);
    check_pixels(extracted_image(pdf, 0), source, 1);
    if (decoded.soft_mask)
      check_pixels(extracted_image(pdf, 1), source, 1, 3, 1);  // the mask's grey is the PNG's alpha
    else
      check_pixels(rendered_page(pdf), source, int(points_per_pixel));
    check_clean(pdf);
    CHECK(pdf_bytes(figure_document(png)) == pdf_bytes(figure_document(png)));
    discard(pdf);
  }
}

TEST_CASE("png: a PNG whose chunks run past its end is an error, never a read beyond the bytes") {
  const std::string good = test_png("cut", {13, 6, 8, PNG_COLOR_TYPE_RGB}).bytes;
  const std::size_t idat = good.find("IDAT") - 4;
  std::string too_long = good;
  too_long[idat] = '\x7f';  // IDAT's length: about 2 GB
  const std::vector<std::string> malformed{too_long, good.substr(0, idat + 20), good.substr(0, good.size() - 12),
                                           good.substr(0, 30), std::string("\x89PNG\r\n\x1a\n", 8), ""};
  for (const std::string& bytes : malformed) {
    CAPTURE(bytes.size());
    CHECK(std::holds_alternative<PngMalformed>(read_png_as_is(bytes)));
    std::vector<MissingGlyphFinding> findings;
    auto written = write_pdf(figure_document(bytes, 13, 6), shared_registry(), findings);
    REQUIRE(!written.ok());
    CHECK(written.error() == "an image could not be embedded (its data could not be read)");
  }
}
