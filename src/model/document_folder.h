// The folder a document's relative paths (<img src>, a report's hrefs) are
// read from.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ucap::model {

// The folder of `file` ("" is the current one); none for a document given
// from memory under a bare name ("plan.xml", "<stdin>"): it has no folder,
// and the process's current folder is not one it chose.
inline std::optional<std::filesystem::path> document_folder(const std::string& file, bool from_memory) {
  std::filesystem::path folder = std::filesystem::path(file).parent_path();
  if (from_memory && folder.empty()) return std::nullopt;
  return folder;
}

}  // namespace ucap::model
