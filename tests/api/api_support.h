// Shared by the API tests: one engine over the source tree's data (loading
// fonts takes a while), the fixtures as buffers, and what a PDF looks like.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "support/check.h"
#include "ucap/engine.h"

namespace ucap::test {

inline const Engine& api_engine() {
  static const Engine engine = [] {
    Engine loaded = Engine::load({UCAP_SOURCE_DIR});
    REQUIRE_MESSAGE(loaded, loaded.error());
    return loaded;
  }();
  return engine;
}

inline std::string sample_plan_path(const std::string& name) {
  return std::string(UCAP_SOURCE_DIR) + "/samples/plans/" + name;
}

inline std::string sample_plan(const std::string& name) { return read_text(sample_plan_path(name)); }

// A sample plan as a buffer named by its path, so that its figures'
// images are found beside it.
inline Document sample_document(const std::string& name) {
  return Document::load_buffer(sample_plan_path(name), sample_plan(name));
}

// A whole PDF: the header first and the end-of-file marker last.
inline bool looks_like_pdf(const std::vector<std::uint8_t>& bytes) {
  std::string text(bytes.begin(), bytes.end());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text.rfind("%PDF-", 0) == 0 && text.size() > 10 && text.substr(text.size() - 5) == "%%EOF";
}

}  // namespace ucap::test
