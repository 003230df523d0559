#include "ucap/document.h"

#include <optional>

#include <filesystem>

#include "api/document_data.h"
#include "render/figure_images.h"
#include "report/report_sources.h"
#include "xml/source_file.h"

namespace ucap {

namespace {

std::shared_ptr<const detail::DocumentData> parse(std::string name, xml::SourceRead read, bool from_memory = false) {
  auto data = std::make_shared<detail::DocumentData>();
  data->name = std::move(name);
  data->readable = read.source.ok();
  data->parsed = xml::parse_read(std::move(read));
  if (auto* plan = std::get_if<model::ActionPlan>(&data->parsed.document)) plan->from_memory = from_memory;
  if (auto* report = std::get_if<model::ProgressReport>(&data->parsed.document)) report->from_memory = from_memory;
  sort_diagnostics(data->parsed.diagnostics);
  return data;
}

}  // namespace

const char* to_string(Language language) { return language == Language::ja ? "ja" : "en"; }

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "ja") return Language::ja;
  return std::nullopt;
}

const char* to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::action_plan: return "action-plan";
    case DocumentKind::roster: return "roster";
    case DocumentKind::progress_report: return "progress-report";
    case DocumentKind::none: break;
  }
  return "none";
}

Document::Document(std::shared_ptr<const detail::DocumentData> data) : data_(std::move(data)) {}
Document::~Document() = default;

Document Document::load_file(const std::string& path) {
  return detail::DocumentAccess::make(parse(path, xml::read_source_file(path)));
}

Document Document::load_buffer(std::string name, std::string_view bytes) {
  xml::SourceRead read = xml::check_source_bytes(name, std::string(bytes));
  return detail::DocumentAccess::make(parse(std::move(name), std::move(read), true));
}

Document Document::load_stream(std::string name, std::istream& in) {
  xml::SourceRead read = xml::read_source_stream(name, in);
  return detail::DocumentAccess::make(parse(std::move(name), std::move(read), true));
}

const std::string& Document::name() const noexcept { return data_->name; }

DocumentKind Document::kind() const noexcept {
  if (std::holds_alternative<model::ActionPlan>(data_->parsed.document)) return DocumentKind::action_plan;
  if (std::holds_alternative<model::Roster>(data_->parsed.document)) return DocumentKind::roster;
  if (std::holds_alternative<model::ProgressReport>(data_->parsed.document)) return DocumentKind::progress_report;
  return DocumentKind::none;
}

bool Document::readable() const noexcept { return data_->readable; }

const std::vector<Diagnostic>& Document::diagnostics() const noexcept { return data_->parsed.diagnostics; }

std::vector<Language> Document::languages() const {
  std::vector<Language> languages;
  const std::vector<model::Language>* declared = nullptr;
  if (const auto* plan = std::get_if<model::ActionPlan>(&data_->parsed.document)) declared = &plan->languages;
  if (const auto* report = std::get_if<model::ProgressReport>(&data_->parsed.document)) declared = &report->languages;
  if (declared)
    for (model::Language language : *declared)
      if (auto code = parse_language(model::language_code(language))) languages.push_back(*code);
  return languages;
}

DocumentInputs Document::inputs() const {
  DocumentInputs inputs;
  if (const auto* plan = std::get_if<model::ActionPlan>(&data_->parsed.document)) {
    const std::filesystem::path folder = std::filesystem::path(plan->file).parent_path();
    for (const std::string& src : render::figure_sources(*plan))
      inputs.files.push_back((folder / src).lexically_normal().string());
  }
  if (const auto* report = std::get_if<model::ProgressReport>(&data_->parsed.document)) {
    if (report->roster_href.present && !report->roster_href.value.empty())
      inputs.files.push_back(report::resolve_href(report->file, report->roster_href.value));
    if (report->plans_href.present && !report->plans_href.value.empty())
      inputs.folders.push_back(report::resolve_href(report->file, report->plans_href.value));
  }
  return inputs;
}

}  // namespace ucap
