// Figures: the image's size (natural at 96 dpi, shrunk to the column and
// the page, never enlarged), its place (centred, caption below, the two
// kept together).
#include <doctest/doctest.h>

#include "fake_measurer.h"
#include "layout/block_layout.h"

using namespace ucap;
using namespace ucap::layout;

namespace {

model::Block figure_of(const std::string& src, const std::string& caption) {
  model::Figure figure;
  figure.source = src;
  figure.has_source = true;
  if (!caption.empty()) figure.captions.push_back({model::Language::en, BlockLayout::text(caption), {}});
  return {figure, model::Language::unset, {}, "figure"};
}

model::FigureImages images_of(std::uint32_t width, std::uint32_t height) {
  auto image = std::make_shared<model::FigureImage>();
  image->width = width;
  image->height = height;
  return {{"map.png", image}};
}

// The pages a figure gives after `filler` points of other content.
std::vector<Page> pages_with(const model::FigureImages& images, const model::Block& figure, double filler = 0) {
  DocumentStyle style;  // A4, text area 450 × 695.89 pt from (72.638, 76)
  FlowBuilder flow;
  if (filler > 0) {
    Strip above;
    above.height = filler;
    flow.add(above);
  }
  const test::FakeMeasurer measurer;  // BlockLayout keeps a reference
  BlockLayout blocks(flow, style, measurer, model::Language::en, &images);
  blocks.blocks({figure});
  return paginate(flow.take(), style.page).pages;
}

}  // namespace

TEST_CASE("fit_image: natural size at 96 dpi, shrunk to fit, proportions kept, never enlarged") {
  CHECK(fit_image(480, 300, 450, 600).width == doctest::Approx(360));
  CHECK(fit_image(480, 300, 450, 600).height == doctest::Approx(225));
  CHECK(fit_image(1200, 600, 450, 600).width == doctest::Approx(450));
  CHECK(fit_image(1200, 600, 450, 600).height == doctest::Approx(225));
  CHECK(fit_image(300, 3000, 450, 600).height == doctest::Approx(600));
  CHECK(fit_image(300, 3000, 450, 600).width == doctest::Approx(60));
  CHECK(fit_image(20, 10, 450, 600).width == doctest::Approx(15));
  CHECK(fit_image(0, 10, 450, 600).width == 0);
}

TEST_CASE("a figure's image is centred in the column with its caption just below") {
  std::vector<Page> pages = pages_with(images_of(480, 300), figure_of("map.png", "Tohoku"));
  REQUIRE(pages.size() == 1);
  REQUIRE(pages[0].images.size() == 1);
  const PlacedImage& image = pages[0].images[0];
  CHECK(image.width == doctest::Approx(360));
  CHECK(image.height == doctest::Approx(225));
  CHECK(image.x == doctest::Approx(72.638 + (450 - 360) / 2.0));
  CHECK(image.y == doctest::Approx(76));  // space before a figure is dropped at a page's top
  REQUIRE(!pages[0].texts.empty());
  const PlacedText& caption = pages[0].texts.front();
  CHECK(caption.text.find("Tohoku") != std::string::npos);
  CHECK(caption.baseline_y > image.y + image.height);
  CHECK(caption.baseline_y < image.y + image.height + 20);
}

TEST_CASE("a tall image is shrunk so that it and its caption fit on a page; a figure that does not fit moves whole") {
  std::vector<Page> tall = pages_with(images_of(400, 4000), figure_of("map.png", "Tall"));
  REQUIRE(tall.size() == 1);
  REQUIRE(tall[0].images.size() == 1);
  const PlacedImage& image = tall[0].images[0];
  CHECK(image.y + image.height < 841.89 - 70);
  for (const PlacedText& text : tall[0].texts) CHECK(text.baseline_y <= 841.89 - 70);
  CHECK(image.width == doctest::Approx(image.height / 10));

  // After 600 pt of text, a 225 pt image does not fit: it goes to page 2
  // with its caption, leaving nothing of the figure on page 1.
  std::vector<Page> moved = pages_with(images_of(480, 300), figure_of("map.png", "Moved"), 600);
  REQUIRE(moved.size() == 2);
  CHECK(moved[0].images.empty());
  CHECK(moved[0].texts.empty());
  REQUIRE(moved[1].images.size() == 1);
  CHECK(moved[1].images[0].y == doctest::Approx(76));
  REQUIRE(!moved[1].texts.empty());
  CHECK(moved[1].texts.front().text.find("Moved") != std::string::npos);
}

TEST_CASE("a figure whose image was not loaded shows its caption; one without a caption its image alone") {
  std::vector<Page> no_image = pages_with({}, figure_of("map.png", "Only the caption"));
  REQUIRE(no_image.size() == 1);
  CHECK(no_image[0].images.empty());
  REQUIRE(!no_image[0].texts.empty());
  CHECK(no_image[0].texts.front().text.find("Only") != std::string::npos);

  std::vector<Page> no_caption = pages_with(images_of(480, 300), figure_of("map.png", ""));
  REQUIRE(no_caption.size() == 1);
  CHECK(no_caption[0].images.size() == 1);
  CHECK(no_caption[0].texts.empty());
}
