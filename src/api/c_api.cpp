// The C API: each handle wraps its C++ counterpart; every entry point
// catches whatever C++ throws, because an exception must not unwind into C.
#include "ucap/ucap.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ucap/engine.h"

struct ucap_engine {
  ucap::Engine engine;
};

struct ucap_document {
  ucap::Document document;
};

struct ucap_result {
  std::vector<std::uint8_t> pdf;
  std::vector<ucap::Diagnostic> diagnostics;
  std::vector<ucap_diagnostic> views;  // point into `diagnostics`, which never changes once made
};

namespace {

template <class Call>
ucap_status guarded(Call&& call) noexcept {
  try {
    return call();
  } catch (const std::bad_alloc&) {
    return UCAP_OUT_OF_MEMORY;
  } catch (...) {
    return UCAP_INTERNAL_ERROR;
  }
}

ucap_status to_c(ucap::Status status) { return static_cast<ucap_status>(status); }

ucap_diagnostic view_of(const ucap::Diagnostic& d) {
  return {d.code.c_str(), static_cast<ucap_severity>(d.severity), d.file.c_str(), d.line, d.column,
          d.message.c_str(),  d.hint.c_str()};
}

// Hands the outcome to the caller as a result (when it asked for one) and
// returns its status.
ucap_status deliver(ucap::Status status, std::vector<std::uint8_t> pdf, std::vector<ucap::Diagnostic> diagnostics,
                    ucap_result** result) {
  if (result) {
    auto made = std::make_unique<ucap_result>();
    made->pdf = std::move(pdf);
    made->diagnostics = std::move(diagnostics);
    std::transform(made->diagnostics.begin(), made->diagnostics.end(), std::back_inserter(made->views), view_of);
    *result = made.release();
  }
  return to_c(status);
}

void copy_message(const std::string& message, char* buffer, std::size_t size) {
  if (!buffer || size == 0) return;
  const std::size_t length = std::min(message.size(), size - 1);
  std::memcpy(buffer, message.data(), length);
  buffer[length] = '\0';
}

// Clears *out first, so that it is null on every path that makes nothing.
template <class T>
void clear(T** out) {
  if (out) *out = nullptr;
}

// "en", "ja", or the bilingual edition's languages in order, separated by
// spaces as in languages="en ja"; nothing for an empty list or an unknown code.
std::optional<std::vector<ucap::Language>> parse_languages(std::string_view codes) {
  std::vector<ucap::Language> languages;
  while (!codes.empty()) {
    const std::size_t space = codes.find(' ');
    const std::string_view code = codes.substr(0, space);
    if (!code.empty()) {
      std::optional<ucap::Language> language = ucap::parse_language(code);
      if (!language) return std::nullopt;
      languages.push_back(*language);
    }
    codes = space == std::string_view::npos ? std::string_view() : codes.substr(space + 1);
  }
  if (languages.empty()) return std::nullopt;
  return languages;
}

ucap_status render_call(const ucap_engine* engine, const ucap_document* plan, const char* language,
                        const char* path, const ucap_document* roster, const char* fallback_date,
                        ucap_result** result, unsigned pdf_standards = UCAP_PDF_STANDARDS_DEFAULT) {
  clear(result);
  if (!engine || !plan || !language) return UCAP_INVALID_ARGUMENT;
  if (pdf_standards & ~UCAP_PDF_STANDARDS_DEFAULT) return UCAP_INVALID_ARGUMENT;
  std::optional<std::vector<ucap::Language>> wanted = parse_languages(language);
  if (!wanted) return UCAP_INVALID_ARGUMENT;
  return guarded([&] {
    ucap::RenderOptions options;
    options.roster = roster ? &roster->document : nullptr;
    options.fallback_date = fallback_date ? fallback_date : "";
    options.pdf_standards = {(pdf_standards & UCAP_PDF_UA_1) != 0, (pdf_standards & UCAP_PDF_A_2A) != 0};
    ucap::Rendering out = path ? engine->engine.render_to_file(plan->document, *wanted, path, options)
                               : engine->engine.render(plan->document, *wanted, options);
    return deliver(out.status, std::move(out.pdf), std::move(out.diagnostics), result);
  });
}

}  // namespace

extern "C" {

const char* ucap_version(void) { return ucap::version(); }

const char* ucap_status_name(ucap_status status) {
  switch (status) {
    case UCAP_INVALID_ARGUMENT: return "invalid argument";
    case UCAP_OUT_OF_MEMORY: return "out of memory";
    case UCAP_INTERNAL_ERROR: return "internal error";
    default: return ucap::to_string(static_cast<ucap::Status>(status));
  }
}

ucap_status ucap_engine_load(const char* data_directory, unsigned flags, ucap_engine** engine, char* error,
                             std::size_t error_size) {
  clear(engine);
  copy_message("", error, error_size);
  if (!engine) return UCAP_INVALID_ARGUMENT;
  return guarded([&] {
    ucap::EngineOptions options{data_directory ? data_directory : "", (flags & UCAP_ENGINE_VALIDATION_ONLY) != 0};
    ucap::Engine loaded = ucap::Engine::load(options);
    if (!loaded) {
      copy_message(loaded.error(), error, error_size);
      return UCAP_ENGINE_UNAVAILABLE;
    }
    *engine = new ucap_engine{std::move(loaded)};
    return UCAP_OK;
  });
}

void ucap_engine_free(ucap_engine* engine) { delete engine; }

ucap_status ucap_document_load_file(const char* path, ucap_document** document) {
  clear(document);
  if (!path || !document) return UCAP_INVALID_ARGUMENT;
  return guarded([&] {
    *document = new ucap_document{ucap::Document::load_file(path)};
    return UCAP_OK;
  });
}

ucap_status ucap_document_load_buffer(const char* name, const void* bytes, std::size_t size,
                                      ucap_document** document) {
  clear(document);
  if (!name || !document || (!bytes && size > 0)) return UCAP_INVALID_ARGUMENT;
  return guarded([&] {
    std::string_view text = size ? std::string_view(static_cast<const char*>(bytes), size) : std::string_view();
    *document = new ucap_document{ucap::Document::load_buffer(name, text)};
    return UCAP_OK;
  });
}

void ucap_document_free(ucap_document* document) { delete document; }

ucap_document_kind ucap_document_get_kind(const ucap_document* document) {
  return document ? static_cast<ucap_document_kind>(document->document.kind()) : UCAP_DOCUMENT_NONE;
}

ucap_status ucap_validate(const ucap_engine* engine, const ucap_document* document, const ucap_document* roster,
                          ucap_result** result) {
  clear(result);
  if (!engine || !document) return UCAP_INVALID_ARGUMENT;
  return guarded([&] {
    ucap::Validation out = engine->engine.validate(document->document, roster ? &roster->document : nullptr);
    return deliver(out.status, {}, std::move(out.diagnostics), result);
  });
}

ucap_status ucap_render(const ucap_engine* engine, const ucap_document* plan, const char* language,
                        const ucap_document* roster, const char* fallback_date, ucap_result** result) {
  return render_call(engine, plan, language, nullptr, roster, fallback_date, result);
}

ucap_status ucap_render_to_file(const ucap_engine* engine, const ucap_document* plan, const char* language,
                                const char* path, const ucap_document* roster, const char* fallback_date,
                                ucap_result** result) {
  if (!path) {
    clear(result);
    return UCAP_INVALID_ARGUMENT;
  }
  return render_call(engine, plan, language, path, roster, fallback_date, result);
}

ucap_status ucap_render_with_standards(const ucap_engine* engine, const ucap_document* plan, const char* language,
                                       const char* path, const ucap_document* roster, const char* fallback_date,
                                       unsigned pdf_standards, ucap_result** result) {
  return render_call(engine, plan, language, path, roster, fallback_date, result, pdf_standards);
}

const unsigned char* ucap_result_pdf(const ucap_result* result, std::size_t* size) {
  const bool has_pdf = result && !result->pdf.empty();
  if (size) *size = has_pdf ? result->pdf.size() : 0;
  return has_pdf ? result->pdf.data() : nullptr;
}

std::size_t ucap_result_diagnostic_count(const ucap_result* result) { return result ? result->views.size() : 0; }

const ucap_diagnostic* ucap_result_diagnostic(const ucap_result* result, std::size_t index) {
  if (!result || index >= result->views.size()) return nullptr;
  return &result->views[index];
}

void ucap_result_free(ucap_result* result) { delete result; }

}  // extern "C"
