// The images a plan's figures show, read from the document's folder for the
// layout (which never opens files). Only an image that passes the checks of
// image_check.h is loaded; the others are the validator's findings
// (UCAP080–083), and a plan with them is not rendered.
#pragma once

#include <filesystem>

#include "model/action_plan.h"
#include "model/figure_image.h"

namespace ucap::validate {

model::FigureImages load_figure_images(const model::ActionPlan& plan, const std::filesystem::path& document_folder);

}  // namespace ucap::validate
