// libFuzzer target: the bytes as a file named "fuzz.xml", through what
// `ucap validate --roster samples/roster.xml` does with a file
// (xml::parse_bytes gives it the same checks as xml::parse_file), then the
// rules. Crashes, sanitizer reports, timeouts and memory blow-ups are the
// findings; diagnostics are expected. Image paths resolve against the
// working directory, as for a file there.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include "validate/rulebook.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace {

const ucap::catalog::Catalog& rules() {
  static const std::unique_ptr<ucap::catalog::Catalog> loaded = [] {
    const char* env = std::getenv("UCAP_DATA_DIR");
    std::string error;
    auto book = ucap::catalog::Catalog::load(env && *env ? env : UCAP_SOURCE_DATA_DIR, error);
    if (!book) throw std::runtime_error(error);
    return book;
  }();
  return *loaded;
}

// The sample roster, so that a plan's pairing is also checked against one.
const ucap::model::Roster& roster() {
  static const ucap::model::Roster loaded = [] {
    auto parsed = ucap::xml::parse_file(std::string(UCAP_SOURCE_DATA_DIR) + "/samples/roster.xml");
    auto* roster = std::get_if<ucap::model::Roster>(&parsed.document);
    if (!roster) throw std::runtime_error("samples/roster.xml is not a roster");
    return std::move(*roster);
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  ucap::xml::ParsedDocument parsed = ucap::xml::parse_bytes("fuzz.xml", std::move(bytes));
  ucap::validate::validate_document(parsed, rules(), &roster());
  return 0;
}
