// The engine: templates, reference data, template styles and fonts, loaded
// once and immutable afterwards. One Engine serves any number of documents
// on any number of threads at once; copying an Engine shares it.
//
//   ucap::Engine engine = ucap::Engine::load();          // share/ucap beside the library
//   if (!engine) return fail(engine.error());
//   ucap::Document plan = ucap::Document::load_buffer("plan.xml", xml);
//   ucap::Validation check = engine.validate(plan);      // check.diagnostics: every finding
//   ucap::Rendering pdf = engine.render(plan, ucap::Language::ja);
//   if (pdf.ok()) send(pdf.pdf);                         // the bytes of the PDF
//
// Nothing here throws for a user's mistake (a bad file, a missing language,
// an unwritable path): results carry a Status and diagnostics. Only a failed
// allocation propagates, as std::bad_alloc. The library prints nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ucap/diagnostic.h"
#include "ucap/document.h"
#include "ucap/export.h"

namespace ucap {

// The outcome of a call. The numbers are those of the C API's ucap_status.
enum class Status : std::uint8_t {
  ok = 0,                  // done; the diagnostics hold warnings at most
  invalid_document = 1,    // the document has errors (the diagnostics say which); nothing was rendered
  read_failed = 2,         // the document's file could not be read (UCAP001)
  write_failed = 3,        // the PDF could not be produced or written (UCAP063)
  engine_unavailable = 4,  // the engine did not load, or was loaded for validation only
  invalid_argument = 5,    // an option cannot be used (RenderOptions::fallback_date: UCAP066); nothing was rendered
};

// "ok", "invalid document", "read failed", "write failed", "engine unavailable",
// "invalid argument".
UCAP_API const char* to_string(Status status);

namespace detail {
struct ValidationStamp;
}

struct Validation {
  Status status = Status::ok;           // ok, invalid_document, read_failed or engine_unavailable
  std::vector<Diagnostic> diagnostics;  // every finding, errors first, then by position
  // No errors (warnings allowed).
  bool ok() const noexcept { return status == Status::ok; }
  // Which document, roster and engine this is the validation of (set by
  // Engine::validate()), so that render() can take it instead of
  // validating the document again (RenderOptions::validation).
  std::shared_ptr<const detail::ValidationStamp> stamp = nullptr;
};

struct Rendering {
  Status status = Status::ok;
  std::vector<std::uint8_t> pdf;  // the PDF when ok; always empty from render_to_file()
  // When the document has errors: all its findings (as validate() gives
  // them). Otherwise what rendering itself found: characters no font has
  // (UCAP060, warnings), a language the plan does not declare (UCAP062), an
  // output that cannot be written (UCAP063). The document's warnings are
  // validate()'s to report and are not repeated here.
  std::vector<Diagnostic> diagnostics;
  // The PDF was made (and, from render_to_file(), written).
  bool ok() const noexcept { return status == Status::ok; }
};

struct EngineOptions {
  // The folder that holds templates/ and fonts/manifest.xml; empty for
  // default_data_directory().
  std::string data_directory;
  // Load only what validation needs (no fonts, no styles): such an engine
  // validates, and render() answers Status::engine_unavailable.
  bool validation_only = false;
};

// The standards a PDF is written to meet, and claims in its XMP metadata:
// PDF/UA-1 (ISO 14289-1, accessibility) and PDF/A-2a (ISO 19005-2 level a,
// archiving). Either one makes the PDF tagged (its logical structure for
// screen readers); with neither it is untagged and claims nothing, as
// ucap's PDFs were before the standards came. Both by default.
struct PdfStandards {
  bool ua1 = true;
  bool a2a = true;
  bool operator==(const PdfStandards& other) const { return ua1 == other.ua1 && a2a == other.a2a; }
  bool operator!=(const PdfStandards& other) const { return !(*this == other); }
};

// "ua-1,a-2a" (either order), "ua-1", "a-2a" or "none" (`--pdf-standard`);
// nullopt for anything else.
UCAP_API std::optional<PdfStandards> parse_pdf_standards(std::string_view text);
// The same names: "ua-1,a-2a", "ua-1", "a-2a", "none".
UCAP_API std::string to_string(PdfStandards standards);

struct RenderOptions {
  // A roster to check a plan's pairing against before rendering (as
  // validate() does with one); the caller keeps it alive during the call.
  // Not used for a progress report, which names its own roster.
  const Document* roster = nullptr;
  // "YYYY-MM-DD": the PDF's date when the plan has no full <issued> date
  // (a report: when its meeting has no full date); a date that does not
  // exist is refused (Status::invalid_argument, UCAP066), never written.
  // Empty: such a PDF carries no date. The clock is never read, so the same
  // input always gives the same bytes.
  std::string fallback_date;
  // The PDF writer builds the fonts and the pages on this thread and one
  // more (both cores of a two-core machine for a single render). A caller
  // that already renders on every core, as `ucap batch` does, turns it off
  // so that its own threads are all there is.
  bool use_second_thread = true;
  // What the PDF meets and claims (PDF/UA-1 and PDF/A-2a by default).
  PdfStandards pdf_standards;
  // validate()'s answer for this document and roster, when the caller
  // already has it (it printed the findings): render() takes it instead of
  // validating the document once more for each PDF. One of another
  // document, roster or engine is not used; render() validates then, as
  // without one. The caller keeps it alive during the call.
  const Validation* validation = nullptr;
};

namespace detail {
struct EngineData;
}

class UCAP_API Engine {
 public:
  // Loads the templates, reference data, styles and fonts below
  // options.data_directory. Never throws: on failure the Engine is empty
  // (operator bool is false) and error() says what is missing or broken.
  static Engine load(const EngineOptions& options = {});

  // An empty engine: every call answers Status::engine_unavailable.
  Engine() noexcept;
  // Copies share the loaded data (a reference count); the fonts are freed
  // when the last copy goes.
  Engine(const Engine&) = default;
  Engine& operator=(const Engine&) = default;
  ~Engine();

  // True when load() succeeded.
  explicit operator bool() const noexcept;

  // Why load() failed; empty for a loaded engine.
  const std::string& error() const noexcept;

  // Checks the document against the format and its template: the findings
  // of reading and parsing, then the rules' (a plan's sections, SDG targets,
  // dates …; a roster's pairings; a report's, with the roster and plans
  // folder its hrefs name, read from the file system), sorted. With `roster`
  // (a Document of kind roster; the caller keeps it alive during the call) a
  // plan's pairing is also checked against it; a roster Document of another
  // kind is reported as UCAP053. Status: ok (warnings allowed), invalid_document,
  // read_failed (UCAP001), engine_unavailable.
  Validation validate(const Document& document, const Document* roster = nullptr) const;

  // Validates `plan` (an action plan or a progress report) and, when it has
  // no errors, typesets it in `language` and returns the PDF's bytes. A
  // report reads its roster and plans folder through its own hrefs (the
  // options' roster is for plans); its plans' findings are shown in its
  // status table and annex, never a reason not to render it. Status: ok;
  // invalid_document (errors, a roster (UCAP061), or a language the
  // document does not declare (UCAP062)); read_failed; write_failed
  // (UCAP063); engine_unavailable.
  Rendering render(const Document& plan, Language language, const RenderOptions& options = {}) const;

  // render(), then writes the PDF to `path` through a temporary file in the
  // same folder and a rename, so a reader never sees half a PDF and a failed
  // write leaves any previous file as it was (write_failed, UCAP063).
  Rendering render_to_file(const Document& plan, Language language, const std::string& path,
                           const RenderOptions& options = {}) const;

  // The bilingual edition: one PDF with the plan in each of `languages`,
  // section by section in that order (both title blocks, then the summary
  // and each section in the first language followed by the second), with
  // every heading in the outline in its language and the running header in
  // all of them. An empty list means the languages the plan declares, in
  // its order; a repeated language counts once. Status as render(); each
  // language must be one the plan declares (UCAP062). A progress report has
  // no bilingual edition: a list of two for one is UCAP065.
  Rendering render(const Document& plan, const std::vector<Language>& languages,
                   const RenderOptions& options = {}) const;
  Rendering render_to_file(const Document& plan, const std::vector<Language>& languages, const std::string& path,
                           const RenderOptions& options = {}) const;

 private:
  std::shared_ptr<const detail::EngineData> data_;  // null when empty
  std::string error_;
};

// Where load() looks when no data directory is given: share/ucap beside an
// installed library (<prefix>/lib/libucap.so → <prefix>/share/ucap) when it
// holds templates/, else the source tree the library was built from. A
// program that links libucap.a and is not installed beside share/ucap
// should pass EngineOptions::data_directory.
UCAP_API std::string default_data_directory();

// The library's version, "MAJOR.MINOR.PATCH".
UCAP_API const char* version() noexcept;

}  // namespace ucap
