#include "render/engine.h"

#include <filesystem>

#include "layout/plan_layout.h"
#include "layout/report_layout.h"
#include "pdf/pdf_writer.h"
#include "validate/report_facts.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::render {

namespace fs = std::filesystem;

std::unique_ptr<Engine> Engine::load(const std::string& data_directory, std::string& error) {
  std::unique_ptr<Engine> engine(new Engine());
  engine->rules_ = validate::Rulebook::load(data_directory, error);
  if (!engine->rules_) return nullptr;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(data_directory) / "templates", ec)) {
    if (entry.path().extension() != ".xml") continue;
    auto style = layout::DocumentStyle::load(entry.path().string());
    if (!style) {
      error = style.error();
      return nullptr;
    }
    std::string id = style->template_id;
    engine->styles_.emplace(std::move(id), std::move(*style));
  }
  auto fonts = font::FontRegistry::load_from_data_dir(data_directory);
  if (!fonts) {
    error = fonts.error();
    return nullptr;
  }
  engine->fonts_ = std::make_unique<font::FontRegistry>(std::move(*fonts));
  engine->measurer_ = std::make_unique<font::RegistryMeasurer>(*engine->fonts_);
  return engine;
}

PlanCheck Engine::check_plan(const xml::SourceFile& source, const model::Roster* roster) const {
  xml::ParsedDocument parsed = xml::parse_source(source);
  PlanCheck check;
  check.diagnostics = std::move(parsed.diagnostics);
  check.io_failure = parsed.io_failure;
  if (auto* plan = std::get_if<model::ActionPlan>(&parsed.document)) {
    auto findings = validate::validate_plan(*plan, *rules_, roster);
    check.diagnostics.insert(check.diagnostics.end(), findings.begin(), findings.end());
    check.plan = std::move(*plan);
  } else if (!std::holds_alternative<std::monostate>(parsed.document)) {
    check.diagnostics.push_back({"UCAP061", Severity::error, source.name, 0, 0,
                                 "only action plans can be rendered; this file is not an <action-plan>", {}});
  }
  sort_diagnostics(check.diagnostics);
  return check;
}

const layout::DocumentStyle& Engine::style_for(const std::string& template_id) const {
  static const layout::DocumentStyle built_in{};
  auto found = styles_.find(template_id);
  return found == styles_.end() ? built_in : found->second;
}

layout::LaidOutDocument Engine::layout_plan(const model::ActionPlan& plan, model::Language language,
                                            const std::string& fallback_date) const {
  const validate::Template* plan_template = rules_->find_template(plan.template_id.value);
  static const validate::Template no_template{};
  return layout::layout_plan({plan, plan_template ? *plan_template : no_template, rules_->sdgs(),
                              style_for(plan.template_id.value), *measurer_, language, fallback_date});
}

namespace {

// A report has no styles or words of its own: it is set like the plans it
// reports on, from the plan template's <styles> and <labels>.
constexpr const char* report_style_template = "ucap";

RenderedPdf write(layout::LaidOutDocument document, model::Language language, const font::FontRegistry& fonts,
                  std::vector<Diagnostic> warnings) {
  RenderedPdf out;
  out.language = language;
  out.warnings = std::move(warnings);
  std::vector<pdf::MissingGlyphFinding> drawn_as_boxes;  // reported from the model where it can be
  auto bytes = pdf::write_pdf(document, fonts, drawn_as_boxes);
  if (!bytes) out.error = bytes.error();
  else out.bytes = std::move(*bytes);
  return out;
}

}  // namespace

layout::LaidOutDocument Engine::layout_report(const model::ProgressReport& report, model::Language language,
                                              const std::string& fallback_date) const {
  const validate::ReportSources sources = validate::load_report_sources(report, *rules_);
  std::optional<validate::ReportFacts> facts = validate::gather_report_facts(report, sources, *rules_);
  if (!facts) facts.emplace();  // no roster: the validator has said so; the parts stay empty
  return layout::layout_report(
      {report, *facts, rules_->sdgs(), style_for(report_style_template), *measurer_, language, fallback_date});
}

RenderedPdf Engine::render_report(const model::ProgressReport& report, model::Language language,
                                  const std::string& fallback_date) const {
  return write(layout_report(report, language, fallback_date), language, *fonts_,
               missing_glyph_warnings(report, language, *fonts_));
}

RenderedPdf Engine::render_plan(const model::ActionPlan& plan, model::Language language,
                                const std::string& fallback_date) const {
  return write(layout_plan(plan, language, fallback_date), language, *fonts_,
               missing_glyph_warnings(plan, language, *fonts_));
}

}  // namespace ucap::render
