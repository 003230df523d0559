// The internal engine over the project's data (rules, styles, fonts),
// loaded once for all tests, as a process loads it once.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "render/engine.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace ucap::render::testing {

inline const Engine& shared_engine() {
  static std::unique_ptr<Engine> loaded = [] {
    std::string error;
    auto e = Engine::load(UCAP_SOURCE_DIR, error);
    REQUIRE_MESSAGE(e, error);
    return e;
  }();
  return *loaded;
}

// A valid plan under the source tree (samples/…, tests/fixtures/…), parsed
// and validated as Engine::validate does it, with the shared engine's rules.
inline model::ActionPlan checked_plan(const std::string& relative) {
  xml::ParsedDocument parsed = xml::parse_file(std::string(UCAP_SOURCE_DIR) + "/" + relative);
  auto* plan = std::get_if<model::ActionPlan>(&parsed.document);
  REQUIRE_MESSAGE(plan, relative, " is not an action plan");
  const std::vector<Diagnostic> findings = validate::validate_document(parsed, shared_engine().rules());
  for (const Diagnostic& finding : findings) CHECK_MESSAGE(finding.severity != Severity::error, format_text(finding));
  REQUIRE_FALSE(has_errors(findings));
  return std::move(*plan);
}

}  // namespace ucap::render::testing
