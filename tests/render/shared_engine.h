// The internal engine over the project's data (rules, styles, fonts),
// loaded once for all tests, as a process loads it once.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "render/engine.h"

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

}  // namespace ucap::render::testing
