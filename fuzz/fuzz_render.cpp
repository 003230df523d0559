// libFuzzer target: the whole render of a plan, as `ucap render` does it,
// through the public API: the bytes as a document named "fuzz.xml",
// validated, then (when valid) laid out and written in English and in
// Japanese. Seeded from the samples, a mutated plan that stays valid drives
// layout and the PDF writer with odd text: empty runs, long tokens, stray
// punctuation, nested lists and tables. Crashes, sanitizer reports,
// timeouts and memory blow-ups are the findings; diagnostics are expected.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ucap/document.h"
#include "ucap/engine.h"

namespace {

const ucap::Engine& engine() {
  static const ucap::Engine loaded = [] {
    const char* env = std::getenv("UCAP_DATA_DIR");
    ucap::EngineOptions options;
    options.data_directory = env && *env ? env : UCAP_SOURCE_DATA_DIR;
    ucap::Engine engine = ucap::Engine::load(options);
    if (!engine) throw std::runtime_error(engine.error());
    return engine;
  }();
  return loaded;
}

// A PDF the engine says it made must at least look like one: a half-written
// or empty PDF reported as ok is a finding too.
void require_whole_pdf(const ucap::Rendering& rendering) {
  if (!rendering.ok()) return;
  std::string_view pdf(reinterpret_cast<const char*>(rendering.pdf.data()), rendering.pdf.size());
  if (pdf.substr(0, 5) != "%PDF-" || pdf.find("%%EOF", pdf.size() > 64 ? pdf.size() - 64 : 0) == pdf.npos) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ucap::Document plan =
      ucap::Document::load_buffer("fuzz.xml", std::string_view(reinterpret_cast<const char*>(data), size));
  if (plan.kind() != ucap::DocumentKind::action_plan) return 0;
  for (ucap::Language language : {ucap::Language::en, ucap::Language::ja})
    require_whole_pdf(engine().render(plan, language));
  return 0;
}
