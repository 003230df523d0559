// Documents: an action plan, a roster or a progress report, read from a file
// or from memory and parsed once. A Document is immutable, and copying one shares it, so one
// Document can be validated and rendered on several threads at once.
//
//   ucap::Document plan = ucap::Document::load_buffer("plan.xml", xml);
//   if (plan.kind() == ucap::DocumentKind::action_plan) …
//
// Loading never fails and never throws for a bad file: what went wrong is
// in diagnostics(), with positions.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ucap/diagnostic.h"
#include "ucap/export.h"

namespace ucap {

// The languages a document is written in and rendered to (FORMAT.md).
enum class Language : std::uint8_t { en = 1, ja = 2 };

// "en" or "ja".
UCAP_API const char* to_string(Language language);

// The language a code names ("en", "ja"); nothing for any other string.
UCAP_API std::optional<Language> parse_language(std::string_view code);

// What a document is, by its root element; none when it could not be read
// or parsed. Progress reports are validated; only plans are rendered (yet).
enum class DocumentKind : std::uint8_t { none = 0, action_plan = 1, roster = 2, progress_report = 3 };

// "none", "action-plan", "roster" or "progress-report".
UCAP_API const char* to_string(DocumentKind kind);

// What else a document's validation and rendering read, as paths that open
// from the current directory, whether or not they exist now: for a program
// that renders again when one of them changes (`ucap watch`).
struct DocumentInputs {
  // A plan's figure images; a report's roster.
  std::vector<std::string> files;
  // A report's plans folder (every *.xml in it, however many come and go).
  std::vector<std::string> folders;
};

namespace detail {
struct DocumentData;
struct DocumentAccess;
}  // namespace detail

class UCAP_API Document {
 public:
  // Reads and parses the file at `path`; diagnostics() name it by `path`.
  // A file that is missing, unreadable, not UTF-8, empty or not XML gives a
  // Document of kind none whose diagnostics say why (UCAP001–UCAP008).
  static Document load_file(const std::string& path);

  // The same for bytes in memory (an upload, a pipe). `name` stands for the
  // file in diagnostics. The bytes are copied: the caller keeps its buffer.
  // A name with a folder ("plans/plan.xml") gives the folder that images and
  // a report's hrefs are read from; a bare name ("plan.xml") gives none, and
  // they are refused (UCAP080, UCAP075) rather than read from the process's
  // current folder.
  static Document load_buffer(std::string name, std::string_view bytes);

  // The same for a stream read to its end (standard input), never further
  // than the input limit: a stream that goes on past 16 MiB is UCAP008.
  static Document load_stream(std::string name, std::istream& in);

  // Copies share the parsed document (a reference count, no copy of the
  // model); there is no moved-from state: every Document is a loaded one.
  Document(const Document&) = default;
  Document& operator=(const Document&) = default;
  // Frees the parsed document when the last copy goes.
  ~Document();

  // The path or name it was loaded under.
  const std::string& name() const noexcept;

  // What the root element made it: action_plan, roster, progress_report, or
  // none when the file could not be read or parsed as XML (see diagnostics()).
  DocumentKind kind() const noexcept;

  // False when the bytes could not be read or are not UTF-8 text
  // (UCAP001–UCAP004, UCAP008): nothing was parsed.
  bool readable() const noexcept;

  // What reading and parsing found, errors first, then by position. The
  // rules of the format (sections, SDG targets, dates …) are checked by
  // Engine::validate(), which returns these findings too.
  const std::vector<Diagnostic>& diagnostics() const noexcept;

  // The languages an action plan or progress report declares
  // (languages="en ja"), in order; empty for other kinds.
  std::vector<Language> languages() const;

  // The files and folders its hrefs and img srcs name; empty for a roster
  // or a document that could not be parsed. The engine's own data (the
  // templates, the font manifest) is not included.
  DocumentInputs inputs() const;

 private:
  explicit Document(std::shared_ptr<const detail::DocumentData> data);
  std::shared_ptr<const detail::DocumentData> data_;  // never null
  friend struct detail::DocumentAccess;
};

}  // namespace ucap
