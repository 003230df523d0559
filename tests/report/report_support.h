// Shared by the report tests: a report fixture parsed, and its facts
// gathered as the engine gathers them.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "report/report_facts.h"
#include "report/report_sources.h"
#include "support/check.h"
#include "xml/parse.h"

namespace ucap::test {

inline const std::string status_report = std::string(UCAP_SOURCE_DIR) + "/tests/fixtures/reports/status/report.xml";

inline model::ProgressReport report_at(const std::string& path) {
  xml::ParsedDocument parsed = xml::parse_file(path);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(std::holds_alternative<model::ProgressReport>(parsed.document));
  return std::get<model::ProgressReport>(std::move(parsed.document));
}

inline report::ReportFacts facts_of(const model::ProgressReport& report) {
  const report::ReportSources sources = report::load_report_sources(report);
  REQUIRE(sources.findings.empty());
  auto facts = report::gather_report_facts(report, sources, rules());
  REQUIRE(facts);
  return std::move(*facts);
}

}  // namespace ucap::test
