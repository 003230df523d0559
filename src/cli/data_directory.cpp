#include "data_directory.h"

#include <cstdlib>
#include <filesystem>

#include "ucap/engine.h"

namespace ucap::cli {

std::string find_data_directory(const char* argv0) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("UCAP_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) self = fs::absolute(argv0, ec);
  fs::path installed = self.parent_path().parent_path() / "share" / "ucap";
  if (fs::exists(installed / "templates", ec)) return installed.string();
  return default_data_directory();
}

}  // namespace ucap::cli
