// The internal engine over the project's data (rules, styles, fonts),
// loaded once for all tests, as a process loads it once.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "render/engine.h"
#include "xml/source_file.h"

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
// and checked by the shared engine.
inline model::ActionPlan checked_plan(const std::string& relative) {
  std::vector<Diagnostic> found;
  auto source = xml::read_source_file(std::string(UCAP_SOURCE_DIR) + "/" + relative, found);
  REQUIRE(source);
  PlanCheck check = shared_engine().check_plan(*source);
  REQUIRE(check.renderable());
  return std::move(*check.plan);
}

}  // namespace ucap::render::testing
