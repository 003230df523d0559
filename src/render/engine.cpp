#include "render/engine.h"

#include <algorithm>

#include "layout/plan_layout.h"
#include "layout/report_layout.h"
#include "model/document_folder.h"
#include "pdf/pdf_writer.h"
#include "render/figure_images.h"
#include "report/report_facts.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::render {

std::unique_ptr<Engine> Engine::load(const std::string& data_directory, std::string& error) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->rules_ = catalog::Catalog::load(data_directory, error);
  if (!engine->rules_) return nullptr;
  for (const auto& [id, definition] : engine->rules_->templates())
    engine->styles_.emplace(id, layout::DocumentStyle::from(definition));
  auto fonts = font::FontRegistry::load_from_data_dir(data_directory);
  if (!fonts) {
    error = fonts.error();
    return nullptr;
  }
  engine->fonts_ = std::make_unique<font::FontRegistry>(std::move(*fonts));
  engine->measurer_ = std::make_unique<font::RegistryMeasurer>(*engine->fonts_);
  engine->hyphenator_ = text::Hyphenator::load();
  return engine;
}

const layout::DocumentStyle& Engine::style_for(const std::string& template_id) const {
  static const layout::DocumentStyle built_in{};
  auto found = styles_.find(template_id);
  return found == styles_.end() ? built_in : found->second;
}

// The progress-report template's, which names the plan template's styles
// it is set like (the catalogue has resolved them).
const layout::DocumentStyle& Engine::report_style(const model::ProgressReport& report) const {
  const catalog::Template* definition = rules_->report_template(report.template_id.value);
  return style_for(definition ? definition->id : std::string());
}

layout::LaidOutDocument Engine::layout_plan(const model::ActionPlan& plan, model::Language language,
                                            const std::string& fallback_date) const {
  return layout_plan(plan, std::vector<model::Language>{language}, fallback_date);
}

// Images are read here, upstream of the layout, from the plan's folder (the
// validator checked them there); the pages keep them alive.
layout::LaidOutDocument Engine::layout_plan(const model::ActionPlan& plan,
                                            const std::vector<model::Language>& languages,
                                            const std::string& fallback_date) const {
  const FigureImagesRead read = load_figure_images(plan, model::document_folder(plan.file, plan.from_memory));
  return layout_with_images(plan, languages, fallback_date, read.images);
}

layout::LaidOutDocument Engine::layout_with_images(const model::ActionPlan& plan,
                                                   const std::vector<model::Language>& languages,
                                                   const std::string& fallback_date,
                                                   const model::FigureImages& images) const {
  const catalog::Template* plan_template = rules_->find_template(plan.template_id.value);
  static const catalog::Template no_template{};
  return layout::layout_plan({.plan = plan,
                              .plan_template = plan_template ? *plan_template : no_template,
                              .sdgs = rules_->sdgs(),
                              .style = style_for(plan.template_id.value),
                              .measurer = *measurer_,
                              .language = languages.empty() ? model::Language::en : languages.front(),
                              .hyphenator = hyphenator_.get(),
                              .fallback_date = fallback_date,
                              .languages = languages,
                              .images = &images});
}

namespace {

// The PDF, and the characters layout drew as boxes (no font has them),
// each once, in the order they are drawn: what the warnings report.
RenderedPdf write(layout::LaidOutDocument document, model::Language language, const font::FontRegistry& fonts,
                  const pdf::WriteOptions& options, std::vector<char32_t>& drawn_as_boxes) {
  RenderedPdf out;
  out.language = language;
  std::vector<pdf::MissingGlyphFinding> findings;
  auto bytes = pdf::write_pdf(document, fonts, findings, options);
  if (!bytes) out.error = bytes.error();
  else out.bytes = std::move(*bytes);
  for (const pdf::MissingGlyphFinding& finding : findings)
    if (std::find(drawn_as_boxes.begin(), drawn_as_boxes.end(), finding.code_point) == drawn_as_boxes.end())
      drawn_as_boxes.push_back(finding.code_point);
  return out;
}

}  // namespace

layout::LaidOutDocument Engine::layout_report(const model::ProgressReport& report,
                                              const report::ReportSources& sources, model::Language language,
                                              const std::string& fallback_date) const {
  std::optional<report::ReportFacts> facts = report::gather_report_facts(report, sources, *rules_);
  if (!facts) facts.emplace();  // no roster: the validator has said so; the parts stay empty
  return layout::layout_report(
      {report, *facts, rules_->sdgs(), report_style(report), *measurer_, language, hyphenator_.get(),
       fallback_date});
}

RenderedPdf Engine::render_report(const model::ProgressReport& report, const report::ReportSources& sources,
                                  model::Language language, const std::string& fallback_date,
                                  const pdf::WriteOptions& options) const {
  std::vector<char32_t> drawn_as_boxes;
  RenderedPdf out =
      write(layout_report(report, sources, language, fallback_date), language, *fonts_, options, drawn_as_boxes);
  out.warnings = missing_glyph_warnings(report, language, drawn_as_boxes);
  return out;
}

RenderedPdf Engine::render_plan(const model::ActionPlan& plan, model::Language language,
                                const std::string& fallback_date, const pdf::WriteOptions& options) const {
  return render_plan(plan, std::vector<model::Language>{language}, fallback_date, options);
}

RenderedPdf Engine::render_plan(const model::ActionPlan& plan, const std::vector<model::Language>& languages,
                                const std::string& fallback_date, const pdf::WriteOptions& options) const {
  const model::Language first = languages.empty() ? model::Language::en : languages.front();
  FigureImagesRead read = load_figure_images(plan, model::document_folder(plan.file, plan.from_memory));
  if (!read.problems.empty()) {
    RenderedPdf out;
    out.language = first;
    out.problems = std::move(read.problems);
    return out;
  }
  std::vector<char32_t> drawn_as_boxes;
  RenderedPdf out =
      write(layout_with_images(plan, languages, fallback_date, read.images), first, *fonts_, options, drawn_as_boxes);
  for (model::Language language : languages) {
    // A language-neutral text shows in every edition; report its character once.
    for (Diagnostic& warning : missing_glyph_warnings(plan, language, drawn_as_boxes)) {
      const auto same = [&](const Diagnostic& seen) {
        return seen.line == warning.line && seen.column == warning.column && seen.message == warning.message;
      };
      if (std::none_of(out.warnings.begin(), out.warnings.end(), same)) out.warnings.push_back(std::move(warning));
    }
  }
  return out;
}

}  // namespace ucap::render
