// The images a plan's figures show, read once by the engine from the
// document's folder and passed to the layout and the PDF writer (which
// never open files). An image is loaded after the checks of
// image_check.h (which validation ran too); a PNG is also decoded through,
// so that a damaged one is a finding here (UCAP082) rather than a crash in
// the PDF writer's libpng, and reduced to the chunks that are drawn.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/action_plan.h"
#include "model/figure_image.h"
#include "ucap/diagnostic.h"

namespace ucap::render {

// Largest image file read: a 50-megapixel photograph is a few tens of MB.
inline constexpr std::uint64_t max_image_file_bytes = 100ull << 20;

struct FigureImagesRead {
  model::FigureImages images;
  // Errors at the figures' src (UCAP080–083): the plan must not be
  // rendered without these images.
  std::vector<Diagnostic> problems;
};

FigureImagesRead load_figure_images(const model::ActionPlan& plan, const std::optional<std::filesystem::path>& document_folder);

// Every figure's img/@src as written, once each, in document order.
std::vector<std::string> figure_sources(const model::ActionPlan& plan);

}  // namespace ucap::render
