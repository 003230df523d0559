// A progress report, in one language, as pages: the title block (title,
// subtitle, the meeting with its place and date, author), the hand-written
// sections and the generated parts in the author's order, an annex with
// the first findings of each failing plan, running header, page numbers,
// outline and document info. Draws the facts it is given (report/
// report_facts.h); reads no plan and runs no rule.
#pragma once

#include <string>

#include "font/font_choice.h"
#include "layout/document_style.h"
#include "layout/page_boxes.h"
#include "model/language.h"
#include "text/hyphenation.h"
#include "model/progress_report.h"
#include "catalog/reference_data.h"
#include "report/report_facts.h"

namespace ucap::layout {

struct ReportLayoutInput {
  const model::ProgressReport& report;
  const report::ReportFacts& facts;
  const catalog::SdgCatalogue& sdgs;
  const DocumentStyle& style;
  const font::TextMeasurer& measurer;
  model::Language language = model::Language::en;
  const text::Hyphenator* hyphenator = nullptr;  // null: no hyphenation
  // The document info's date when the meeting has no full date
  // ("YYYY-MM-DD", from SOURCE_DATE_EPOCH; never the clock).
  std::string fallback_date;
};

LaidOutDocument layout_report(const ReportLayoutInput& input);

}  // namespace ucap::layout
