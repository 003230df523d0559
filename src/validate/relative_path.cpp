#include "validate/relative_path.h"

#include <filesystem>

namespace ucap::validate {

PathEscape relative_path_escape(std::string_view path, int document_depth) {
  if (path.empty()) return PathEscape::empty;
  if (path.front() == '/') return PathEscape::absolute;
  const std::size_t colon = path.find(':');
  if (colon != std::string_view::npos && colon < path.find('/')) return PathEscape::url_or_drive;
  int depth = document_depth;  // folders below the root, walking the path
  for (const std::filesystem::path& part : std::filesystem::path(path)) {
    if (part == "..") --depth;
    else if (part != "." && !part.empty()) ++depth;
    if (depth < 0) return PathEscape::leaves_root;
  }
  return PathEscape::none;
}

}  // namespace ucap::validate
