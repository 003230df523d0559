// An action plan, in one language, as pages: the title block, the
// executive summary, the template's numbered sections with activities,
// risks and indicators, running header, page numbers, outline and
// document info.
#pragma once

#include <string>
#include <vector>

#include "font/font_choice.h"
#include "layout/document_style.h"
#include "layout/page_boxes.h"
#include "model/action_plan.h"
#include "model/figure_image.h"
#include "model/language.h"
#include "text/hyphenation.h"
#include "catalog/reference_data.h"
#include "catalog/template.h"

namespace ucap::layout {

struct PlanLayoutInput {
  const model::ActionPlan& plan;
  const catalog::Template& plan_template;
  const catalog::SdgCatalogue& sdgs;
  const DocumentStyle& style;
  const font::TextMeasurer& measurer;
  model::Language language = model::Language::en;
  const text::Hyphenator* hyphenator = nullptr;  // null: no hyphenation
  // The document info's date when the plan has no full <issued> date
  // ("YYYY-MM-DD", from SOURCE_DATE_EPOCH; never the clock).
  std::string fallback_date;
  // The bilingual edition: these languages section by section, in order
  // (when empty, `language` alone).
  std::vector<model::Language> languages;
  // The figures' images, read from the document's folder upstream; null or
  // without an entry: the figure shows its caption alone.
  const model::FigureImages* images = nullptr;
};

LaidOutDocument layout_plan(const PlanLayoutInput& input);

}  // namespace ucap::layout
