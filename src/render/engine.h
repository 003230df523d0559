// The whole flow for one document: parse → validate → layout → PDF, over
// data loaded once (rules, template styles, fonts). An Engine is immutable
// after load() and may render many documents on many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "font/font_registry.h"
#include "font/registry_measurer.h"
#include "pdf/pdf_writer.h"
#include "layout/document_style.h"
#include "layout/page_boxes.h"
#include "model/action_plan.h"
#include "model/figure_image.h"
#include "model/progress_report.h"
#include "model/language.h"
#include "model/roster.h"
#include "report/report_sources.h"
#include "text/hyphenation.h"
#include "ucap/diagnostic.h"
#include "validate/rulebook.h"
#include "xml/source_file.h"

namespace ucap::render {

struct RenderedPdf {
  model::Language language = model::Language::en;
  std::vector<std::uint8_t> bytes;  // empty when `error` is set
  std::vector<Diagnostic> warnings;  // characters no font has, with positions
  std::string error;                 // the PDF could not be produced
  // Errors at a figure's src (an image missing, changed or damaged since
  // validation, UCAP080–083): no PDF was made.
  std::vector<Diagnostic> problems;
};

class Engine {
 public:
  // Loads rules, templates, styles and fonts below `data_directory`; null
  // and `error` set when any of them is missing or broken.
  static std::unique_ptr<Engine> load(const std::string& data_directory, std::string& error);

  // Lays out and writes one language of a valid plan. `fallback_date`
  // ("YYYY-MM-DD") dates the PDF when the plan has no full <issued> date.
  // `write` chooses how the PDF is written (threads, hinting), not what
  // it shows.
  RenderedPdf render_plan(const model::ActionPlan& plan, model::Language language,
                          const std::string& fallback_date, const pdf::WriteOptions& write = {}) const;
  // The bilingual edition: the plan in each of `languages`, section by
  // section in that order, in one PDF (one language: as above).
  RenderedPdf render_plan(const model::ActionPlan& plan, const std::vector<model::Language>& languages,
                          const std::string& fallback_date, const pdf::WriteOptions& write = {}) const;

  // The pages alone, for tests and benchmarks that look at positions.
  layout::LaidOutDocument layout_plan(const model::ActionPlan& plan, model::Language language,
                                      const std::string& fallback_date) const;
  layout::LaidOutDocument layout_plan(const model::ActionPlan& plan, const std::vector<model::Language>& languages,
                                      const std::string& fallback_date) const;

  // Lays out and writes a valid progress report in `language` from its
  // roster and plans as read once (`sources`); every plan is validated (a
  // bad or missing plan is shown in the status table, never an obstacle).
  // `fallback_date` dates the PDF when the meeting has no full date.
  RenderedPdf render_report(const model::ProgressReport& report, const report::ReportSources& sources,
                            model::Language language, const std::string& fallback_date,
                            const pdf::WriteOptions& write = {}) const;
  layout::LaidOutDocument layout_report(const model::ProgressReport& report, const report::ReportSources& sources,
                                        model::Language language, const std::string& fallback_date) const;

  const catalog::Catalog& rules() const { return *rules_; }
  const font::FontRegistry& fonts() const { return *fonts_; }

 private:
  Engine() = default;
  const layout::DocumentStyle& style_for(const std::string& template_id) const;
  const layout::DocumentStyle& report_style(const model::ProgressReport& report) const;
  layout::LaidOutDocument layout_with_images(const model::ActionPlan& plan,
                                             const std::vector<model::Language>& languages,
                                             const std::string& fallback_date,
                                             const model::FigureImages& images) const;

  std::unique_ptr<catalog::Catalog> rules_;
  std::unique_ptr<font::FontRegistry> fonts_;
  std::unique_ptr<font::RegistryMeasurer> measurer_;
  std::unique_ptr<text::Hyphenator> hyphenator_;  // English patterns, read once
  std::map<std::string, layout::DocumentStyle, std::less<>> styles_;  // by template id
};

// Warnings for the characters layout drew as boxes (no font has them):
// one per code point, at the first run of the plan's (or report's) text in
// `language` that holds it. A character only generated text holds (from
// a report's roster and plans) is reported where that file is rendered.
std::vector<Diagnostic> missing_glyph_warnings(const model::ActionPlan& plan, model::Language language,
                                               const std::vector<char32_t>& drawn_as_boxes);
std::vector<Diagnostic> missing_glyph_warnings(const model::ProgressReport& report, model::Language language,
                                               const std::vector<char32_t>& drawn_as_boxes);

}  // namespace ucap::render
