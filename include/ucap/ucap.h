/* The C API of libucap: opaque handles over the C++ API (ucap/engine.h), for
   C programs and for other languages (Python's ctypes or cffi).

     ucap_engine* engine;
     char error[512];
     if (ucap_engine_load(NULL, 0, &engine, error, sizeof error) != UCAP_OK) …
     ucap_document* plan;
     ucap_document_load_buffer("plan.xml", xml, xml_size, &plan);
     ucap_result* result;
     if (ucap_render(engine, plan, "ja", NULL, NULL, &result) == UCAP_OK) {
       size_t size; const unsigned char* pdf = ucap_result_pdf(result, &size); …
     }
     ucap_result_free(result); ucap_document_free(plan); ucap_engine_free(engine);

   Ownership: every handle a function hands out through a `**` parameter
   belongs to the caller, who frees it with the matching ucap_*_free (each
   accepts NULL). Pointers returned by accessors (strings, bytes,
   diagnostics) belong to the handle they came from and live as long as it.

   Threads: an engine and a document are immutable once loaded; any number
   of threads may use the same ones at once. A result belongs to the thread
   that reads it.

   Errors: functions return a ucap_status. A user's mistake in a document is
   not an error of the call: it comes back as UCAP_INVALID_DOCUMENT with
   diagnostics in the result. Nothing is printed, and no C++ exception
   crosses this API. */
#ifndef UCAP_UCAP_H
#define UCAP_UCAP_H

#include <stddef.h>
#include <stdint.h>

#include "ucap/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ucap_status {
  UCAP_OK = 0,                  /* done; diagnostics hold warnings at most */
  UCAP_INVALID_DOCUMENT = 1,    /* the document has errors (see the result's diagnostics) */
  UCAP_READ_FAILED = 2,         /* the document's file could not be read (UCAP001) */
  UCAP_WRITE_FAILED = 3,        /* the PDF could not be produced or written (UCAP063) */
  UCAP_ENGINE_UNAVAILABLE = 4,  /* the data could not be loaded, or the engine is validation-only */
  UCAP_INVALID_ARGUMENT = 5,    /* a required pointer is NULL, an unknown language code, or a
                                   fallback_date that is not a day that exists (UCAP066) */
  UCAP_OUT_OF_MEMORY = 6,
  UCAP_INTERNAL_ERROR = 7,      /* a bug in libucap; please report it with the input */
  /* Not a status: makes the type hold every int, so that a value from a
     newer or a careless caller reaches ucap_status_name() as it is. */
  UCAP_STATUS_MAX_ENUM = 0x7fffffff
} ucap_status;

typedef enum ucap_severity { UCAP_SEVERITY_ERROR = 0, UCAP_SEVERITY_WARNING = 1, UCAP_SEVERITY_NOTE = 2 } ucap_severity;

typedef enum ucap_document_kind {
  UCAP_DOCUMENT_NONE = 0,  /* could not be read or parsed */
  UCAP_DOCUMENT_ACTION_PLAN = 1,
  UCAP_DOCUMENT_ROSTER = 2,
  UCAP_DOCUMENT_PROGRESS_REPORT = 3 /* validated and rendered like a plan */
} ucap_document_kind;

/* The standards a PDF is written to meet and claims (ucap_render_with_standards):
   PDF/UA-1 (ISO 14289-1) and PDF/A-2a (ISO 19005-2 level a). 0 writes an
   untagged PDF that claims neither. ucap_render and ucap_render_to_file use
   UCAP_PDF_STANDARDS_DEFAULT. */
#define UCAP_PDF_UA_1 1u
#define UCAP_PDF_A_2A 2u
#define UCAP_PDF_STANDARDS_DEFAULT (UCAP_PDF_UA_1 | UCAP_PDF_A_2A)

/* ucap_engine_load flags. */
#define UCAP_ENGINE_VALIDATION_ONLY 1u /* no fonts or styles: validates, does not render */

typedef struct ucap_engine ucap_engine;
typedef struct ucap_document ucap_document;
typedef struct ucap_result ucap_result;

/* One finding. line and column are 1-based (columns count code points) and
   0 when the finding is about the file as a whole; hint is "" when there is
   none. The strings belong to the result the diagnostic came from. */
typedef struct ucap_diagnostic {
  const char* code; /* "UCAP031"; see docs/diagnostics.md */
  ucap_severity severity;
  const char* file;
  uint32_t line;
  uint32_t column;
  const char* message;
  const char* hint;
} ucap_diagnostic;

/* The library's version, "MAJOR.MINOR.PATCH"; a static string. */
UCAP_API const char* ucap_version(void);

/* A status's name ("ok", "invalid document" …); a static string, "unknown
   status" for a value outside the enum. */
UCAP_API const char* ucap_status_name(ucap_status status);

/* Loads templates, reference data, styles and fonts from data_directory
   (NULL or "": share/ucap beside the installed library, see
   ucap::default_data_directory). flags: 0 or UCAP_ENGINE_VALIDATION_ONLY.
   On UCAP_OK *engine is the caller's (ucap_engine_free). On failure *engine
   is NULL and, when error is not NULL, the reason is copied there,
   truncated to error_size bytes including the terminating NUL. Returns
   UCAP_ENGINE_UNAVAILABLE (data missing or broken), UCAP_INVALID_ARGUMENT
   (engine is NULL), UCAP_OUT_OF_MEMORY. Loading takes a while (fonts):
   load once, share between threads. */
UCAP_API ucap_status ucap_engine_load(const char* data_directory, unsigned flags, ucap_engine** engine, char* error,
                                      size_t error_size);

/* Frees an engine; NULL is allowed. Documents and results do not depend on
   it and stay valid. */
UCAP_API void ucap_engine_free(ucap_engine* engine);

/* Reads and parses the file at path. A file that cannot be read or parsed
   still gives a document (of kind UCAP_DOCUMENT_NONE): ucap_validate reports
   why. On UCAP_OK *document is the caller's (ucap_document_free). Returns
   UCAP_INVALID_ARGUMENT (path or document NULL), UCAP_OUT_OF_MEMORY. */
UCAP_API ucap_status ucap_document_load_file(const char* path, ucap_document** document);

/* The same for size bytes in memory (need not be NUL-terminated; copied,
   so the caller keeps its buffer). name stands for the file in
   diagnostics; a name with a folder ("plans/plan.xml") gives the folder images
   and a report's hrefs are read from, a bare name none (they are refused,
   never read from the current folder). bytes may be NULL when size is 0. Returns UCAP_OK,
   UCAP_INVALID_ARGUMENT (name or document NULL, or bytes NULL with a size),
   UCAP_OUT_OF_MEMORY. */
UCAP_API ucap_status ucap_document_load_buffer(const char* name, const void* bytes, size_t size,
                                               ucap_document** document);

/* Frees a document; NULL is allowed. */
UCAP_API void ucap_document_free(ucap_document* document);

/* What the document is; UCAP_DOCUMENT_NONE for NULL. */
UCAP_API ucap_document_kind ucap_document_get_kind(const ucap_document* document);

/* Validates document (with roster, when not NULL, to check a plan's
   pairing). When result is not NULL, *result receives the diagnostics and
   is the caller's (ucap_result_free), for every return but
   UCAP_INVALID_ARGUMENT, UCAP_OUT_OF_MEMORY and UCAP_INTERNAL_ERROR, where
   it is NULL. Returns UCAP_OK (warnings allowed), UCAP_INVALID_DOCUMENT,
   UCAP_READ_FAILED, UCAP_ENGINE_UNAVAILABLE, UCAP_INVALID_ARGUMENT (engine
   or document NULL), UCAP_OUT_OF_MEMORY, UCAP_INTERNAL_ERROR. */
UCAP_API ucap_status ucap_validate(const ucap_engine* engine, const ucap_document* document,
                                   const ucap_document* roster, ucap_result** result);

/* Validates plan (an action plan or a progress report) and renders it in
   language ("en" or "ja"; or, for a plan's bilingual edition, the languages
   in order separated by a space, "en ja" or "ja en", as in the plan's
   languages attribute) to a PDF held by the result (ucap_result_pdf).
   roster: NULL, or a roster to check a plan's pairing against first (a
   report names its own). fallback_date: NULL, or "YYYY-MM-DD" to date the
   PDF when the plan has no full <issued> date (a date that does not exist,
   "2023-02-30", is UCAP_INVALID_ARGUMENT with a UCAP066 diagnostic). *result as for
   ucap_validate. Returns UCAP_OK, UCAP_INVALID_DOCUMENT (errors, a roster,
   a language the document does not declare, two languages for a report),
   UCAP_READ_FAILED,
   UCAP_WRITE_FAILED, UCAP_ENGINE_UNAVAILABLE, UCAP_INVALID_ARGUMENT
   (engine, plan or language NULL, or language not "en", "ja" or a list of
   them),
   UCAP_OUT_OF_MEMORY, UCAP_INTERNAL_ERROR. */
UCAP_API ucap_status ucap_render(const ucap_engine* engine, const ucap_document* plan, const char* language,
                                 const ucap_document* roster, const char* fallback_date, ucap_result** result);

/* ucap_render, then writes the PDF to path atomically (a temporary file in
   the same folder, then a rename); the result holds no bytes. Also returns
   UCAP_WRITE_FAILED with a UCAP063 diagnostic when path cannot be written,
   and UCAP_INVALID_ARGUMENT when path is NULL. */
UCAP_API ucap_status ucap_render_to_file(const ucap_engine* engine, const ucap_document* plan, const char* language,
                                         const char* path, const ucap_document* roster, const char* fallback_date,
                                         ucap_result** result);

/* ucap_render and ucap_render_to_file (path NULL: into the result, as
   ucap_render) with the standards the PDF meets: pdf_standards is 0 or
   UCAP_PDF_UA_1 and/or UCAP_PDF_A_2A; other bits are UCAP_INVALID_ARGUMENT.
   The C ABI only grows: the functions above are unchanged. */
UCAP_API ucap_status ucap_render_with_standards(const ucap_engine* engine, const ucap_document* plan,
                                                const char* language, const char* path, const ucap_document* roster,
                                                const char* fallback_date, unsigned pdf_standards,
                                                ucap_result** result);

/* The PDF's bytes, owned by the result; NULL (and *size 0) when there are
   none. size may be NULL. */
UCAP_API const unsigned char* ucap_result_pdf(const ucap_result* result, size_t* size);

/* How many diagnostics the result holds; 0 for NULL. */
UCAP_API size_t ucap_result_diagnostic_count(const ucap_result* result);

/* The index-th diagnostic, owned by the result; NULL when result is NULL
   or index is out of range. A validation's come errors first, then by
   position; a rendering's in the order they were found. */
UCAP_API const ucap_diagnostic* ucap_result_diagnostic(const ucap_result* result, size_t index);

/* Frees a result and everything its accessors returned; NULL is allowed. */
UCAP_API void ucap_result_free(ucap_result* result);

#ifdef __cplusplus
}
#endif

#endif
