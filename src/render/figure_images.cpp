#include "render/figure_images.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include <fmt/format.h>

#include "model/quoted.h"
#include "validate/findings.h"
#include "validate/image_check.h"
#include "validate/png_integrity.h"

namespace ucap::render {

using validate::Findings;
using validate::ImageFormat;
using validate::ImageHeader;

namespace fs = std::filesystem;

namespace {

// What a PDF's DCTDecode filter (and libharu) cannot take: lossless,
// hierarchical or arithmetic-coded frames, samples of other than 8 bits,
// component counts other than grey, RGB and CMYK.
std::string undrawable_jpeg(const ImageHeader& header) {
  if (header.jpeg_frame != 0xC0 && header.jpeg_frame != 0xC1 && header.jpeg_frame != 0xC2)
    return fmt::format("its frame type (SOF{}) is not baseline or progressive", header.jpeg_frame - 0xC0);
  if (header.jpeg_precision != 8) return fmt::format("its samples have {} bits, not 8", header.jpeg_precision);
  if (header.jpeg_components != 1 && header.jpeg_components != 3 && header.jpeg_components != 4)
    return fmt::format("it has {} colour components (1, 3 or 4 can be shown)", header.jpeg_components);
  return {};
}

// Calls `visit` with every <figure> that has a src, in document order.
template <class Visit>
class FigureWalk {
 public:
  explicit FigureWalk(Visit& visit) : visit_(visit) {}

  void plan(const model::ActionPlan& plan) {
    blocks(plan.summary);
    for (const model::Section& section : plan.sections)
      for (const model::SectionItem& item : section.items) this->item(item);
  }

 private:
  void blocks(const model::Blocks& blocks) {
    for (const model::Block& block : blocks) {
      if (const auto* figure = std::get_if<model::Figure>(&block.content)) {
        if (figure->has_source) visit_(*figure);
      } else if (const auto* list = std::get_if<model::List>(&block.content)) {
        for (const model::ListItem& item : list->items) this->blocks(item.blocks);
      } else if (const auto* note = std::get_if<model::Note>(&block.content)) {
        this->blocks(note->blocks);
      }
    }
  }

  void item(const model::SectionItem& item) {
    if (const auto* block = std::get_if<model::Block>(&item)) blocks({*block});
    else if (const auto* activity = std::get_if<model::Activity>(&item)) blocks(activity->blocks);
    else if (const auto* risk = std::get_if<model::Risk>(&item)) blocks(risk->blocks);
  }

  Visit& visit_;
};

class FigureLoader {
 public:
  FigureLoader(const model::ActionPlan& plan, const std::optional<fs::path>& folder)
      : folder_(folder), findings_(plan.file, read_.problems) {}

  void operator()(const model::Figure& figure) { load(figure); }

  FigureImagesRead take() { return std::move(read_); }

 private:
  void load(const model::Figure& figure) {
    const std::string& src = figure.source;
    if (!tried_.insert(src).second) return;
    // Checked again: the file may have changed since validation.
    if (auto problem = validate::check_image_source(src, folder_))
      return findings_.error(problem->code.c_str(), figure.source_position, std::move(problem->message),
                             std::move(problem->hint));
    const fs::path path = *folder_ / fs::path(src);  // check_image_source refused a missing folder
    std::error_code ec;
    if (const std::uintmax_t size = fs::file_size(path, ec); !ec && size > max_image_file_bytes)
      return findings_.error("UCAP083", figure.source_position,
                             fmt::format("image '{}' is a file of {} MB; the limit is {} MB", model::quoted(src), size >> 20,
                                         max_image_file_bytes >> 20),
                             "save it with more compression, or at a smaller size");
    std::ifstream in(path, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const Result<ImageHeader> header = validate::read_image_header_in_memory(bytes);
    const ImageHeader* known = header ? &*header : nullptr;
    if (in.bad() || !known)
      return findings_.error("UCAP081", figure.source_position, fmt::format("image '{}' could not be read whole", model::quoted(src)));
    if (known->format == ImageFormat::jpeg) {
      if (std::string why = undrawable_jpeg(*known); !why.empty())
        return findings_.error("UCAP082", figure.source_position,
                               fmt::format("image '{}' is a JPEG that a PDF cannot show: {}", model::quoted(src), why),
                               "save it again as an ordinary (baseline) 8-bit JPEG");
    } else {
      Result<std::string> drawable = validate::drawable_png(bytes);
      if (!drawable)
        return findings_.error("UCAP082", figure.source_position,
                               fmt::format("image '{}' is a damaged PNG: {}", model::quoted(src),
                                           drawable.diagnostics().front().message),
                               "open it in an image editor and save it again as PNG");
      bytes = std::move(drawable).value();
    }
    auto image = std::make_shared<model::FigureImage>();
    image->kind = known->format == ImageFormat::jpeg ? model::ImageKind::jpeg : model::ImageKind::png;
    image->width = known->width;
    image->height = known->height;
    image->bytes = std::move(bytes);
    read_.images.emplace(src, std::move(image));
  }

  std::optional<fs::path> folder_;
  FigureImagesRead read_;
  Findings findings_;
  std::set<std::string, std::less<>> tried_;
};

}  // namespace

FigureImagesRead load_figure_images(const model::ActionPlan& plan, const std::optional<fs::path>& document_folder) {
  FigureLoader loader(plan, document_folder);
  FigureWalk(loader).plan(plan);
  return loader.take();
}

std::vector<std::string> figure_sources(const model::ActionPlan& plan) {
  std::vector<std::string> sources;
  auto collect = [&sources](const model::Figure& figure) {
    if (std::find(sources.begin(), sources.end(), figure.source) == sources.end()) sources.push_back(figure.source);
  };
  FigureWalk(collect).plan(plan);
  return sources;
}

}  // namespace ucap::render
