// The C API: handles made and freed, status codes, diagnostics as C
// structs, and NULL wherever a caller might pass it.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "api/api_support.h"
#include "ucap/ucap.h"

namespace {

// The C codes are the C++ ones, so the C API can pass statuses through.
static_assert(UCAP_OK == int(ucap::Status::ok));
static_assert(UCAP_INVALID_DOCUMENT == int(ucap::Status::invalid_document));
static_assert(UCAP_READ_FAILED == int(ucap::Status::read_failed));
static_assert(UCAP_WRITE_FAILED == int(ucap::Status::write_failed));
static_assert(UCAP_ENGINE_UNAVAILABLE == int(ucap::Status::engine_unavailable));
static_assert(UCAP_DOCUMENT_ROSTER == int(ucap::DocumentKind::roster));
static_assert(UCAP_DOCUMENT_PROGRESS_REPORT == int(ucap::DocumentKind::progress_report));
static_assert(UCAP_SEVERITY_WARNING == int(ucap::Severity::warning));

const std::string minimal = ucap::test::fixture("plans/minimal.xml");

// One engine for the file: loading fonts takes a while.
ucap_engine* c_engine() {
  static ucap_engine* engine = [] {
    ucap_engine* made = nullptr;
    char error[512];
    REQUIRE_MESSAGE(ucap_engine_load(UCAP_SOURCE_DIR, 0, &made, error, sizeof error) == UCAP_OK, error);
    return made;
  }();
  return engine;
}

ucap_document* buffer(const std::string& name, const std::string& text) {
  ucap_document* document = nullptr;
  REQUIRE(ucap_document_load_buffer(name.c_str(), text.data(), text.size(), &document) == UCAP_OK);
  return document;
}

}  // namespace

TEST_CASE("C: a good plan renders to PDF bytes that the result owns") {
  ucap_document* plan = buffer("minimal.xml", minimal);
  CHECK(ucap_document_get_kind(plan) == UCAP_DOCUMENT_ACTION_PLAN);
  ucap_result* result = nullptr;
  CHECK(ucap_validate(c_engine(), plan, nullptr, &result) == UCAP_OK);
  CHECK(ucap_result_diagnostic_count(result) == 0);
  ucap_result_free(result);

  REQUIRE(ucap_render(c_engine(), plan, "ja", nullptr, nullptr, &result) == UCAP_OK);
  std::size_t size = 0;
  const unsigned char* pdf = ucap_result_pdf(result, &size);
  REQUIRE(pdf);
  CHECK(ucap::test::looks_like_pdf({pdf, pdf + size}));
  ucap_result_free(result);
  ucap_document_free(plan);
}

TEST_CASE("C: a progress report renders like a plan, in the language it declares") {
  const std::string path = std::string(UCAP_SOURCE_DIR) + "/tests/fixtures/reports/status/report.xml";
  ucap_document* report = nullptr;
  REQUIRE(ucap_document_load_file(path.c_str(), &report) == UCAP_OK);
  CHECK(ucap_document_get_kind(report) == UCAP_DOCUMENT_PROGRESS_REPORT);
  ucap_result* result = nullptr;
  REQUIRE(ucap_render(c_engine(), report, "ja", nullptr, nullptr, &result) == UCAP_OK);
  std::size_t size = 0;
  const unsigned char* pdf = ucap_result_pdf(result, &size);
  REQUIRE(pdf);
  CHECK(ucap::test::looks_like_pdf({pdf, pdf + size}));
  CHECK(ucap_result_diagnostic_count(result) == 0);  // the plans' findings are in the PDF, not here
  ucap_result_free(result);
  ucap_document_free(report);
}

TEST_CASE("C: a plan with errors gives UCAP_INVALID_DOCUMENT and its diagnostics, with positions") {
  ucap_document* plan = buffer("plan.xml", ucap::test::replace_once(minimal, "\"11.7\"", "\"11.8\""));
  ucap_result* result = nullptr;
  CHECK(ucap_render(c_engine(), plan, "en", nullptr, nullptr, &result) == UCAP_INVALID_DOCUMENT);
  REQUIRE(result);
  std::size_t size = 1;
  CHECK(ucap_result_pdf(result, &size) == nullptr);
  CHECK(size == 0);
  REQUIRE(ucap_result_diagnostic_count(result) == 1);
  const ucap_diagnostic* d = ucap_result_diagnostic(result, 0);
  CHECK(std::string(d->code) == "UCAP031");
  CHECK(d->severity == UCAP_SEVERITY_ERROR);
  CHECK(std::string(d->file) == "plan.xml");
  CHECK(d->line == 16);
  CHECK(d->column == 17);
  CHECK(std::string(d->message).find("'11.8' does not exist") != std::string::npos);
  CHECK(std::string(d->hint).empty());
  CHECK(ucap_result_diagnostic(result, 1) == nullptr);
  ucap_result_free(result);

  // Without a result the caller still gets the status.
  CHECK(ucap_validate(c_engine(), plan, nullptr, nullptr) == UCAP_INVALID_DOCUMENT);
  ucap_document_free(plan);
}

TEST_CASE("C: unreadable input, bad bytes and an unwritable output") {
  ucap_document* missing = nullptr;
  REQUIRE(ucap_document_load_file("/nonexistent/plan.xml", &missing) == UCAP_OK);
  CHECK(ucap_document_get_kind(missing) == UCAP_DOCUMENT_NONE);
  ucap_result* result = nullptr;
  CHECK(ucap_validate(c_engine(), missing, nullptr, &result) == UCAP_READ_FAILED);
  CHECK(std::string(ucap_result_diagnostic(result, 0)->code) == "UCAP001");
  ucap_result_free(result);
  ucap_document_free(missing);

  const char garbage[] = {'<', 'a', '\0', '\xFF'};  // not NUL-terminated text: size counts
  ucap_document* bad = nullptr;
  REQUIRE(ucap_document_load_buffer("garbage", garbage, sizeof garbage, &bad) == UCAP_OK);
  CHECK(ucap_validate(c_engine(), bad, nullptr, nullptr) == UCAP_INVALID_DOCUMENT);
  ucap_document_free(bad);

  ucap_document* plan = buffer("minimal.xml", minimal);
  CHECK(ucap_render_to_file(c_engine(), plan, "en", "/nonexistent/folder/x.pdf", nullptr, nullptr, &result) ==
        UCAP_WRITE_FAILED);
  CHECK(std::string(ucap_result_diagnostic(result, 0)->code) == "UCAP063");
  ucap_result_free(result);
  ucap_document_free(plan);
}

TEST_CASE("C: NULL arguments and unknown languages are UCAP_INVALID_ARGUMENT, and *result is NULL") {
  ucap_document* plan = buffer("minimal.xml", minimal);
  ucap_result* result = reinterpret_cast<ucap_result*>(1);  // must be overwritten
  CHECK(ucap_validate(nullptr, plan, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(result == nullptr);
  CHECK(ucap_validate(c_engine(), nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_render(c_engine(), nullptr, "en", nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_render(c_engine(), plan, nullptr, nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_render(c_engine(), plan, "fr", nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(result == nullptr);
  CHECK(ucap_render_to_file(c_engine(), plan, "en", nullptr, nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);

  ucap_document* document = reinterpret_cast<ucap_document*>(1);
  CHECK(ucap_document_load_file(nullptr, &document) == UCAP_INVALID_ARGUMENT);
  CHECK(document == nullptr);
  CHECK(ucap_document_load_file("plan.xml", nullptr) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_document_load_buffer(nullptr, "x", 1, &document) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_document_load_buffer("x", nullptr, 1, &document) == UCAP_INVALID_ARGUMENT);
  REQUIRE(ucap_document_load_buffer("empty", nullptr, 0, &document) == UCAP_OK);  // no bytes: empty file
  CHECK(ucap_validate(c_engine(), document, nullptr, nullptr) == UCAP_INVALID_DOCUMENT);
  ucap_document_free(document);

  CHECK(ucap_engine_load(nullptr, 0, nullptr, nullptr, 0) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_document_get_kind(nullptr) == UCAP_DOCUMENT_NONE);
  CHECK(ucap_result_pdf(nullptr, nullptr) == nullptr);
  CHECK(ucap_result_diagnostic_count(nullptr) == 0);
  CHECK(ucap_result_diagnostic(nullptr, 0) == nullptr);
  ucap_engine_free(nullptr);
  ucap_document_free(nullptr);
  ucap_result_free(nullptr);
  ucap_document_free(plan);
}

TEST_CASE("C: a data directory without data: UCAP_ENGINE_UNAVAILABLE and the reason, truncated to the buffer") {
  ucap_engine* engine = reinterpret_cast<ucap_engine*>(1);
  char error[512];
  CHECK(ucap_engine_load("/nonexistent/ucap-data", 0, &engine, error, sizeof error) == UCAP_ENGINE_UNAVAILABLE);
  CHECK(engine == nullptr);
  CHECK(std::string(error).find("/nonexistent/ucap-data") != std::string::npos);
  char small[8];
  CHECK(ucap_engine_load("/nonexistent/ucap-data", 0, &engine, small, sizeof small) == UCAP_ENGINE_UNAVAILABLE);
  CHECK(std::strlen(small) == 7);
  CHECK(ucap_engine_load("/nonexistent/ucap-data", 0, &engine, nullptr, 0) == UCAP_ENGINE_UNAVAILABLE);

  REQUIRE(ucap_engine_load(UCAP_SOURCE_DIR, UCAP_ENGINE_VALIDATION_ONLY, &engine, nullptr, 0) == UCAP_OK);
  ucap_document* plan = buffer("minimal.xml", minimal);
  CHECK(ucap_validate(engine, plan, nullptr, nullptr) == UCAP_OK);
  CHECK(ucap_render(engine, plan, "en", nullptr, nullptr, nullptr) == UCAP_ENGINE_UNAVAILABLE);
  ucap_document_free(plan);
  ucap_engine_free(engine);
}

TEST_CASE("C: names and version") {
  CHECK(std::string(ucap_version()) == ucap::version());
  CHECK(std::string(ucap_status_name(UCAP_OK)) == "ok");
  CHECK(std::string(ucap_status_name(UCAP_INVALID_ARGUMENT)) == "invalid argument");
  CHECK(std::string(ucap_status_name(static_cast<ucap_status>(99))) == "unknown status");
}

TEST_CASE("C: \"en ja\" renders the bilingual edition, the same bytes as the C++ API's") {
  ucap_document* plan = buffer("minimal.xml", minimal);
  ucap_result* result = nullptr;
  REQUIRE(ucap_render(c_engine(), plan, "en ja", nullptr, nullptr, &result) == UCAP_OK);
  std::size_t size = 0;
  const unsigned char* pdf = ucap_result_pdf(result, &size);
  REQUIRE(pdf);
  ucap::Rendering cpp = ucap::test::api_engine().render(ucap::Document::load_buffer("minimal.xml", minimal),
                                                        std::vector<ucap::Language>{ucap::Language::en, ucap::Language::ja});
  CHECK(std::vector<std::uint8_t>(pdf, pdf + size) == cpp.pdf);
  ucap_result_free(result);
  CHECK(ucap_render(c_engine(), plan, "en fr", nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(ucap_render(c_engine(), plan, " ", nullptr, nullptr, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(result == nullptr);
  ucap_document_free(plan);
}

TEST_CASE("C: a fallback date that does not exist is UCAP_INVALID_ARGUMENT with UCAP066, nothing rendered") {
  ucap_document* plan = buffer("minimal.xml", minimal);
  for (const char* date : {"2023-02-30", "2024-13-01", "yesterday", "2024-3-5"}) {
    CAPTURE(date);
    ucap_result* result = nullptr;
    CHECK(ucap_render(c_engine(), plan, "en", nullptr, date, &result) == UCAP_INVALID_ARGUMENT);
    REQUIRE(result != nullptr);
    CHECK(std::string(ucap_result_diagnostic(result, 0)->code) == "UCAP066");
    CHECK(std::string(ucap_result_diagnostic(result, 0)->message) ==
          std::string("the fallback date '") + date + "' is not a date YYYY-MM-DD that exists");
    std::size_t size = 1;
    CHECK(ucap_result_pdf(result, &size) == nullptr);
    CHECK(size == 0);
    ucap_result_free(result);
  }
  ucap_document_free(plan);
}

TEST_CASE("C: ucap_render_with_standards gives the C++ API's bytes for each choice of standards") {
  ucap_document* plan = buffer("minimal.xml", minimal);
  const ucap::Document cpp_plan = ucap::Document::load_buffer("minimal.xml", minimal);
  for (unsigned flags : {0u, UCAP_PDF_UA_1, UCAP_PDF_A_2A, UCAP_PDF_STANDARDS_DEFAULT}) {
    CAPTURE(flags);
    ucap_result* result = nullptr;
    REQUIRE(ucap_render_with_standards(c_engine(), plan, "en", nullptr, nullptr, nullptr, flags, &result) == UCAP_OK);
    std::size_t size = 0;
    const unsigned char* pdf = ucap_result_pdf(result, &size);
    REQUIRE(pdf);
    ucap::RenderOptions options;
    options.pdf_standards = {(flags & UCAP_PDF_UA_1) != 0, (flags & UCAP_PDF_A_2A) != 0};
    CHECK(std::vector<std::uint8_t>(pdf, pdf + size) == ucap::test::api_engine().render(cpp_plan, ucap::Language::en, options).pdf);
    const std::string text(pdf, pdf + size);
    CHECK((text.find("pdfuaid:part") != std::string::npos) == ((flags & UCAP_PDF_UA_1) != 0));
    CHECK((text.find("pdfaid:part") != std::string::npos) == ((flags & UCAP_PDF_A_2A) != 0));
    ucap_result_free(result);
  }
  // ucap_render writes both standards, as the default does.
  ucap_result* result = nullptr;
  REQUIRE(ucap_render(c_engine(), plan, "en", nullptr, nullptr, &result) == UCAP_OK);
  std::size_t size = 0;
  const unsigned char* pdf = ucap_result_pdf(result, &size);
  CHECK(std::vector<std::uint8_t>(pdf, pdf + size) == ucap::test::api_engine().render(cpp_plan, ucap::Language::en).pdf);
  ucap_result_free(result);
  CHECK(ucap_render_with_standards(c_engine(), plan, "en", nullptr, nullptr, nullptr, 4u, &result) == UCAP_INVALID_ARGUMENT);
  CHECK(result == nullptr);
  ucap_document_free(plan);
}
