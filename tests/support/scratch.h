// A path in a temporary folder of this test process's own, so that two
// suites running at once (the Release and the sanitized one, or two
// checkouts) never write the same file. The folder goes when the process ends.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace ucap::test {

class ScratchFolder {
 public:
  ScratchFolder()
      : path_(std::filesystem::temp_directory_path() / ("ucap-test-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path scratch_path(const std::string& name) {
  static const ScratchFolder folder;
  return folder.path() / name;
}

}  // namespace ucap::test
