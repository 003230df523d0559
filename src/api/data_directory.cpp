// Where an engine finds its data when the caller does not say, and the
// library's version: both fixed when the library is built.
#include <dlfcn.h>

#include <filesystem>

#include "ucap/engine.h"

namespace ucap {

namespace {

namespace fs = std::filesystem;

// The file this code was loaded from: libucap.so, or the program that
// linked libucap.a. Empty when the loader cannot say.
fs::path this_binary() {
  Dl_info info{};
  if (!dladdr(reinterpret_cast<const void*>(&this_binary), &info) || !info.dli_fname) return {};
  std::error_code ec;
  fs::path binary = fs::canonical(info.dli_fname, ec);
  return ec ? fs::path() : binary;
}

}  // namespace

std::string default_data_directory() {
  const fs::path binary = this_binary();
  if (!binary.empty()) {
    // UCAP_DATA_FROM_LIBDIR is the install layout's path from the library's
    // folder to share/ucap ("../share/ucap"), so a moved prefix still works.
    const fs::path installed = (binary.parent_path() / UCAP_DATA_FROM_LIBDIR).lexically_normal();
    std::error_code ec;
    if (fs::is_directory(installed / "templates", ec)) return installed.string();
  }
  return UCAP_SOURCE_DATA_DIR;
}

const char* version() noexcept { return UCAP_VERSION; }

}  // namespace ucap
