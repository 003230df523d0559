#include "ucap/engine.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "api/document_data.h"
#include "files/atomic_file.h"
#include "pdf/pdf_writer.h"
#include "render/engine.h"
#include "report/report_sources.h"
#include "validate/dates.h"
#include "validate/validate.h"

namespace ucap {

namespace detail {

// A full engine owns the renderer (which holds the rules); a
// validation-only one holds the rules alone.
struct EngineData {
  std::unique_ptr<render::Engine> renderer;
  std::unique_ptr<catalog::Catalog> rules_only;

  const catalog::Catalog& rules() const { return renderer ? renderer->rules() : *rules_only; }
};

// What a Validation is of: the document's parse, the roster's and the
// engine's data, held so that none can be replaced by another at the same
// address while the Validation lives.
struct ValidationStamp {
  std::shared_ptr<const DocumentData> document;
  std::shared_ptr<const DocumentData> roster;  // null without one
  std::shared_ptr<const EngineData> engine;

  bool of(const std::shared_ptr<const DocumentData>& other_document, const Document* other_roster,
          const std::shared_ptr<const EngineData>& other_engine) const {
    const std::shared_ptr<const DocumentData>* other_roster_data =
        other_roster ? &DocumentAccess::shared(*other_roster) : nullptr;
    return document == other_document && engine == other_engine &&
           (other_roster_data ? roster == *other_roster_data : roster == nullptr);
  }
};

}  // namespace detail

namespace {

using detail::DocumentAccess;
using detail::DocumentData;

Status status_of(const DocumentData& document, const std::vector<Diagnostic>& diagnostics) {
  if (document.parsed.io_failure) return Status::read_failed;
  return has_errors(diagnostics) ? Status::invalid_document : Status::ok;
}

// The roster model to check a plan's pairing against; null, with a finding
// about `roster`, when it is not one.
const model::Roster* roster_model(const Document* roster, std::vector<Diagnostic>& findings) {
  if (!roster) return nullptr;
  const DocumentData& data = DocumentAccess::data(*roster);
  if (const auto* pairings = std::get_if<model::Roster>(&data.parsed.document)) return pairings;
  findings.push_back(Diagnostic{
      .code = "UCAP053",
      .severity = Severity::error,
      .file = data.name,
      .message = "the document given as the roster is not a <roster>; the pairing was not checked"});
  return nullptr;
}

// What render() answers for a document that is neither an action plan nor
// a progress report: its own findings, and UCAP061 when it is some other
// kind of document (a roster).
Rendering not_renderable(const DocumentData& document) {
  std::vector<Diagnostic> findings = document.parsed.diagnostics;
  if (!std::holds_alternative<std::monostate>(document.parsed.document))
    findings.push_back(Diagnostic{
        .code = "UCAP061",
        .severity = Severity::error,
        .file = document.name,
        .message = "only action plans and progress reports can be rendered; this file is a <roster>"});
  sort_diagnostics(findings);
  Status status = document.parsed.io_failure ? Status::read_failed : Status::invalid_document;
  return {status, {}, std::move(findings)};
}

// Plans and reports alike declare their languages on the root.
template <class Root>
bool declares(const Root& root, Language language) {
  return std::find(root.languages.begin(), root.languages.end(), detail::to_model(language)) != root.languages.end();
}

template <class Root>
Diagnostic undeclared_language(const Root& root, Language language, std::string_view kind) {
  const model::Attribute& declared = root.languages_attribute;
  return Diagnostic{.code = "UCAP062",
                    .severity = Severity::error,
                    .file = root.file,
                    .line = declared.position.line,
                    .column = declared.position.column,
                    .message = fmt::format("cannot render {}: the {}'s languages are \"{}\"",
                                           model::language_name_en(detail::to_model(language)), kind, declared.value),
                    .hint = "add the language to languages=\"…\" and its texts, or choose --lang"};
}

// The bilingual edition is an action plan's; a report is rendered in one
// of its languages at a time.
Diagnostic report_in_one_language(const model::ProgressReport& report) {
  const model::Attribute& declared = report.languages_attribute;
  return Diagnostic{
      .code = "UCAP065",
      .severity = Severity::error,
      .file = report.file,
      .line = declared.position.line,
      .column = declared.position.column,
      .message = "a progress report is rendered in one language at a time; the bilingual edition is for action plans",
      .hint = "choose --lang en or --lang ja"};
}

// UCAP066 for a fallback date that is not a day that exists: refused where
// it is given rather than written into the PDF's info as a date no reader
// can show.
std::optional<Diagnostic> impossible_fallback_date(const std::string& date) {
  if (date.empty() || validate::parse_date(date, validate::DateForm::day_only)) return std::nullopt;
  return Diagnostic{.code = "UCAP066",
                    .severity = Severity::error,
                    .file = "fallback_date",
                    .message = fmt::format("the fallback date '{}' is not a date YYYY-MM-DD that exists", date),
                    .hint = "give a date such as 2024-03-05, or none"};
}

Diagnostic cannot_write(const std::string& path, const std::string& reason) {
  return Diagnostic{
      .code = "UCAP063", .severity = Severity::error, .file = path, .message = "cannot write the PDF: " + reason};
}

}  // namespace

const char* to_string(Status status) {
  switch (status) {
    case Status::ok: return "ok";
    case Status::invalid_document: return "invalid document";
    case Status::read_failed: return "read failed";
    case Status::write_failed: return "write failed";
    case Status::engine_unavailable: return "engine unavailable";
    case Status::invalid_argument: return "invalid argument";
  }
  return "unknown status";
}

std::optional<PdfStandards> parse_pdf_standards(std::string_view text) {
  if (text == "none") return PdfStandards{false, false};
  PdfStandards standards{false, false};
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view name = text.substr(0, comma);
    bool& wanted = name == "ua-1" ? standards.ua1 : standards.a2a;
    if ((name != "ua-1" && name != "a-2a") || wanted) return std::nullopt;  // unknown, or named twice
    wanted = true;
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
    if (text.empty()) return std::nullopt;  // a trailing comma
  }
  if (!standards.ua1 && !standards.a2a) return std::nullopt;
  return standards;
}

std::string to_string(PdfStandards standards) {
  if (standards.ua1 && standards.a2a) return "ua-1,a-2a";
  if (standards.ua1) return "ua-1";
  if (standards.a2a) return "a-2a";
  return "none";
}

Engine::Engine() noexcept = default;
Engine::~Engine() = default;

Engine Engine::load(const EngineOptions& options) {
  const std::string directory = options.data_directory.empty() ? default_data_directory() : options.data_directory;
  auto data = std::make_shared<detail::EngineData>();
  std::string error;
  if (options.validation_only) data->rules_only = catalog::Catalog::load(directory, error);
  else data->renderer = render::Engine::load(directory, error);
  Engine engine;
  if (data->renderer || data->rules_only) engine.data_ = std::move(data);
  else engine.error_ = std::move(error);
  return engine;
}

Engine::operator bool() const noexcept { return data_ != nullptr; }

const std::string& Engine::error() const noexcept { return error_; }

Validation Engine::validate(const Document& document, const Document* roster) const {
  if (!data_) return {Status::engine_unavailable, {}};
  const DocumentData& data = DocumentAccess::data(document);
  std::vector<Diagnostic> about_roster;
  const model::Roster* pairings = roster_model(roster, about_roster);
  std::optional<std::vector<Diagnostic>> about_report;  // a report's findings need its roster and plans
  if (const auto* report = std::get_if<model::ProgressReport>(&data.parsed.document))
    about_report = report::report_findings(*report, data.report_sources(), data_->rules());
  std::vector<Diagnostic> findings =
      validate::validate_document(data.parsed, data_->rules(), pairings, about_report ? &*about_report : nullptr);
  if (!about_roster.empty()) {
    findings.insert(findings.end(), about_roster.begin(), about_roster.end());
    sort_diagnostics(findings);
  }
  Status status = status_of(data, findings);
  auto stamp = std::make_shared<detail::ValidationStamp>(detail::ValidationStamp{
      DocumentAccess::shared(document), roster ? DocumentAccess::shared(*roster) : nullptr, data_});
  return {status, std::move(findings), std::move(stamp)};
}

Rendering Engine::render(const Document& document, Language language, const RenderOptions& options) const {
  return render(document, std::vector<Language>{language}, options);
}

Rendering Engine::render(const Document& document, const std::vector<Language>& languages,
                         const RenderOptions& options) const {
  if (!data_ || !data_->renderer) return {Status::engine_unavailable, {}, {}};
  if (auto refused = impossible_fallback_date(options.fallback_date)) return {Status::invalid_argument, {}, {*refused}};
  const DocumentData& data = DocumentAccess::data(document);
  const auto* plan = std::get_if<model::ActionPlan>(&data.parsed.document);
  const auto* report = std::get_if<model::ProgressReport>(&data.parsed.document);
  if (!plan && !report) return not_renderable(data);
  // A report finds its roster through its own <roster href>; options.roster is for plans.
  const Document* roster = plan ? options.roster : nullptr;
  const Validation* check = options.validation;
  Validation fresh;
  if (!check || !check->stamp || !check->stamp->of(DocumentAccess::shared(document), roster, data_)) {
    fresh = validate(document, roster);
    check = &fresh;
  }
  if (!check->ok()) return {check->status, {}, check->diagnostics};
  std::vector<model::Language> edition;  // each language once, in the order asked
  for (Language language : languages.empty() ? document.languages() : languages)
    if (std::find(edition.begin(), edition.end(), detail::to_model(language)) == edition.end())
      edition.push_back(detail::to_model(language));
  if (report && edition.size() != 1) return {Status::invalid_document, {}, {report_in_one_language(*report)}};
  for (model::Language language : edition) {
    const Language asked = language == model::Language::ja ? Language::ja : Language::en;
    if (plan ? !declares(*plan, asked) : !declares(*report, asked))
      return {Status::invalid_document, {},
              {plan ? undeclared_language(*plan, asked, "plan") : undeclared_language(*report, asked, "report")}};
  }

  pdf::WriteOptions writing;
  writing.use_second_thread = options.use_second_thread;
  writing.standards.ua1 = options.pdf_standards.ua1;
  writing.standards.a2a = options.pdf_standards.a2a;
  render::RenderedPdf pdf = plan ? data_->renderer->render_plan(*plan, edition, options.fallback_date, writing)
                                 : data_->renderer->render_report(*report, data.report_sources(), edition.front(),
                                                                  options.fallback_date, writing);
  if (!pdf.problems.empty()) return {Status::invalid_document, {}, std::move(pdf.problems)};
  Rendering out{Status::ok, {}, std::move(pdf.warnings)};
  if (pdf.error.empty()) {
    out.pdf = std::move(pdf.bytes);
  } else {
    out.status = Status::write_failed;
    out.diagnostics.push_back(cannot_write(plan ? plan->file : report->file, pdf.error));
  }
  return out;
}

Rendering Engine::render_to_file(const Document& plan, Language language, const std::string& path,
                                 const RenderOptions& options) const {
  return render_to_file(plan, std::vector<Language>{language}, path, options);
}

Rendering Engine::render_to_file(const Document& plan, const std::vector<Language>& languages,
                                 const std::string& path, const RenderOptions& options) const {
  Rendering out = render(plan, languages, options);
  if (!out.ok()) return out;
  if (std::string error = files::write_file_atomically(path, out.pdf); !error.empty()) {
    out.status = Status::write_failed;
    out.diagnostics.push_back(cannot_write(path, error));
  }
  out.pdf = {};
  return out;
}

}  // namespace ucap
