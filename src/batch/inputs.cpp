#include "inputs.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace ucap::batch {

namespace {

namespace fs = std::filesystem;

Diagnostic unreadable_path(const std::string& path, const std::string& reason) {
  return Diagnostic{.code = "UCAP090",
                    .severity = Severity::error,
                    .file = path,
                    .message = "cannot read this path: " + reason,
                    .hint = "give files or folders that exist and can be listed"};
}

bool hidden(const fs::path& path) { return path.filename().string().starts_with("."); }

class Finder {
 public:
  void add_argument(const std::string& argument) {
    std::error_code ec;
    const fs::file_status status = fs::status(argument, ec);
    if (ec || !fs::exists(status)) {
      found_.problems.push_back(unreadable_path(argument, ec ? ec.message() : "no such file or folder"));
      return;
    }
    if (fs::is_directory(status)) add_folder(argument);
    else add_file(argument, fs::path(argument).filename().string());
  }

  Inputs take() {
    std::sort(found_.files.begin(), found_.files.end(),
              [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    return std::move(found_);
  }

 private:
  void add_folder(const std::string& argument) {
    fs::path root = fs::path(argument).lexically_normal();
    if (!root.has_filename()) root = root.parent_path();  // "samples/" → "samples"
    std::error_code ec;
    fs::recursive_directory_iterator it(root, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      if (hidden(entry.path())) {
        if (entry.is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (entry.path().extension() == ".xml" && entry.is_regular_file(ec))
        add_file(entry.path().string(), entry.path().lexically_relative(root).string());
    }
    if (ec) found_.problems.push_back(unreadable_path(argument, ec.message()));
  }

  // The same path reached through two arguments (samples and
  // samples/plans) is one input. A symbolic link is an input of its own
  // (samples/drafts-meeting-3 links to finished plans): it is rendered under
  // its own name, as a reader of that folder expects.
  void add_file(const std::string& path, const std::string& relative) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    if (!seen_.insert((ec ? fs::path(path) : absolute).lexically_normal()).second) return;
    found_.files.push_back({fs::path(path).lexically_normal().string(), fs::path(relative).lexically_normal().string()});
  }

  Inputs found_;
  std::set<fs::path> seen_;
};

}  // namespace

Inputs find_inputs(const std::vector<std::string>& paths) {
  Finder finder;
  for (const std::string& path : paths) finder.add_argument(path);
  return finder.take();
}

}  // namespace ucap::batch
