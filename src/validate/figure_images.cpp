#include "validate/figure_images.h"

#include <fstream>
#include <iterator>

#include "validate/image_check.h"

namespace ucap::validate {

namespace fs = std::filesystem;

namespace {

class FigureLoader {
 public:
  explicit FigureLoader(const fs::path& folder) : folder_(folder) {}

  void blocks(const model::Blocks& blocks) {
    for (const model::Block& block : blocks) {
      if (const auto* figure = std::get_if<model::Figure>(&block.content)) {
        if (figure->has_source) load(figure->source);
      }
      else if (const auto* list = std::get_if<model::List>(&block.content))
        for (const model::ListItem& item : list->items) this->blocks(item.blocks);
      else if (const auto* note = std::get_if<model::Note>(&block.content)) this->blocks(note->blocks);
    }
  }

  void item(const model::SectionItem& item) {
    if (const auto* block = std::get_if<model::Block>(&item)) blocks({*block});
    else if (const auto* activity = std::get_if<model::Activity>(&item)) blocks(activity->blocks);
    else if (const auto* risk = std::get_if<model::Risk>(&item)) blocks(risk->blocks);
  }

  model::FigureImages take() { return std::move(images_); }

 private:
  void load(const std::string& src) {
    if (images_.count(src) || check_image_source(src, folder_)) return;
    std::ifstream in(folder_ / fs::path(src), std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) return;
    // The header again, from the bytes kept: the file may have changed
    // since it was checked.
    auto header = read_image_header_in_memory(bytes);
    const auto* known = std::get_if<ImageHeader>(&header);
    if (!known || known->width > max_image_side || known->height > max_image_side ||
        std::uint64_t{known->width} * known->height > max_image_pixels)
      return;
    auto image = std::make_shared<model::FigureImage>();
    image->kind = known->format == ImageFormat::jpeg ? model::ImageKind::jpeg : model::ImageKind::png;
    image->width = known->width;
    image->height = known->height;
    image->bytes = std::move(bytes);
    images_.emplace(src, std::move(image));
  }

  fs::path folder_;
  model::FigureImages images_;
};

}  // namespace

model::FigureImages load_figure_images(const model::ActionPlan& plan, const fs::path& document_folder) {
  FigureLoader loader(document_folder);
  loader.blocks(plan.summary);
  for (const model::Section& section : plan.sections)
    for (const model::SectionItem& item : section.items) loader.item(item);
  return loader.take();
}

}  // namespace ucap::validate
