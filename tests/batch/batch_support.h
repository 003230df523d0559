// Shared by the batch tests: a scratch folder tree that removes itself, and
// files written into it.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace ucap::test {

class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& name) {
    static std::atomic<int> serial{0};
    path_ = std::filesystem::temp_directory_path() /
            ("ucap-batch-test-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + "-" + name);
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  // Writes `text` at `relative` (folders made) and returns the whole path.
  std::string write(const std::string& relative, const std::string& text) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace ucap::test
