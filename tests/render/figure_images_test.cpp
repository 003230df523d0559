// The figures' images read for the layout: found beside the document in
// every place a figure may stand, each once, PNGs reduced to what is drawn;
// a problem is an error at the figure's src, never a silent gap.
#include <doctest/doctest.h>

#include <filesystem>

#include "support/check.h"
#include "render/figure_images.h"

using namespace ucap;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(UCAP_TEST_DIR) / "schema" / "fixtures";

model::ActionPlan plan_of(const std::string& text, const fs::path& file) {
  auto parsed = test::parse_text(text, file.string());
  REQUIRE(std::holds_alternative<model::ActionPlan>(parsed.document));
  return std::get<model::ActionPlan>(parsed.document);
}

}  // namespace

TEST_CASE("images of figures in sections, lists and notes are read once, beside the document") {
  const fs::path file = fixtures / "valid-plan-full.xml";
  const std::string text = test::read_text(file.string());
  render::FigureImagesRead read = render::load_figure_images(plan_of(text, file), file.parent_path());
  CHECK(read.problems.empty());
  REQUIRE(read.images.size() == 2);
  const auto& png = read.images.at("figures/flood-map.png");
  CHECK(png->kind == model::ImageKind::png);
  CHECK(png->width == 32);
  CHECK(png->height == 16);
  CHECK(png->bytes.substr(1, 3) == "PNG");
  const auto& jpeg = read.images.at("figures/../figures/trees.JPG");
  CHECK(jpeg->kind == model::ImageKind::jpeg);
  CHECK(jpeg->width == 16);
  CHECK(jpeg->bytes == test::read_text((fixtures / "figures" / "trees.JPG").string()));  // a JPEG as it is

  // The same src in a list item and a note inside an activity: read once.
  std::string nested = test::replace_once(
      text, "</summary>",
      "<ul><li><p>x</p><figure><img src=\"figures/flood-map.png\"/></figure></li></ul>"
      "<note><figure><img src=\"figures/flood-map.png\"/></figure></note></summary>");
  read = render::load_figure_images(plan_of(nested, file), file.parent_path());
  CHECK(read.problems.empty());
  CHECK(read.images.size() == 2);
}

TEST_CASE("an image missing when rendering is an error at its src") {
  const fs::path file = fixtures / "valid-plan-full.xml";
  const std::string text =
      test::replace_once(test::read_text(file.string()), "figures/flood-map.png", "figures/gone.png");
  render::FigureImagesRead read = render::load_figure_images(plan_of(text, file), file.parent_path());
  REQUIRE(read.problems.size() == 1);
  CHECK(test::brief(read.problems[0]) == "error UCAP081 35:17");
  CHECK(read.problems[0].file == file.string());
  CHECK(read.images.size() == 1);
}
