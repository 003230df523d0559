#include "rosters.h"

#include <filesystem>

namespace ucap::batch {

namespace {

namespace fs = std::filesystem;

fs::path folder_of(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return (ec ? fs::path(path) : absolute).lexically_normal().parent_path();
}

// How many levels `folder` is above `inside` (0: the same folder); nothing
// when it is not above it.
std::optional<std::size_t> levels_above(const fs::path& folder, const fs::path& inside) {
  const fs::path relative = inside.lexically_relative(folder);
  if (relative.empty()) return std::nullopt;
  std::size_t levels = 0;
  for (const fs::path& part : relative) {
    if (part == "..") return std::nullopt;
    if (part != ".") ++levels;
  }
  return levels;
}

Diagnostic no_choice(const std::string& plan_path, const std::string& why) {
  return Diagnostic{.code = "UCAP094",
                    .severity = Severity::warning,
                    .file = plan_path,
                    .message = why + "; the plan's pairing was not checked against a roster",
                    .hint = "name the roster with --roster"};
}

}  // namespace

RosterChoice choose_roster(const std::string& plan_path, const std::vector<std::string>& roster_paths) {
  if (roster_paths.empty()) return {};
  if (roster_paths.size() == 1) return {0, std::nullopt};
  const fs::path plan_folder = folder_of(plan_path);
  std::optional<std::size_t> nearest, nearest_levels;
  bool tie = false;
  for (std::size_t i = 0; i < roster_paths.size(); ++i) {
    std::optional<std::size_t> levels = levels_above(folder_of(roster_paths[i]), plan_folder);
    if (!levels) continue;
    if (!nearest_levels || *levels < *nearest_levels) {
      nearest = i, nearest_levels = levels, tie = false;
    } else if (*levels == *nearest_levels) {
      tie = true;
    }
  }
  if (!nearest) return {std::nullopt, no_choice(plan_path, "the batch holds several rosters and none is in this plan's folder or above it")};
  if (tie) return {std::nullopt, no_choice(plan_path, "the batch holds several rosters in the folder nearest this plan")};
  return {nearest, std::nullopt};
}

}  // namespace ucap::batch
