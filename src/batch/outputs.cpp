#include "outputs.h"

#include <filesystem>

namespace ucap::batch {

std::string output_name(const std::string& relative_input, Language language) {
  return output_name(relative_input, std::vector<Language>{language});
}

std::string output_name(const std::string& relative_input, const std::vector<Language>& languages) {
  const std::filesystem::path input(relative_input);
  std::string suffix;
  for (Language language : languages) suffix += (suffix.empty() ? "." : "-") + std::string(to_string(language));
  std::string name = input.stem().string();
  if (!name.ends_with(suffix)) name += suffix;
  return (input.parent_path() / (name + ".pdf")).string();
}

std::optional<Diagnostic> OutputClaims::claim(const std::string& output, const std::string& input) {
  auto [owner, free] = owners_.emplace(output, input);
  if (free) return std::nullopt;
  return Diagnostic{"UCAP093", Severity::error, input, 0, 0,
                    output + " is also the output of " + owner->second + "; this one was not rendered",
                    "rename one of the two files, or render them in separate batches"};
}

}  // namespace ucap::batch
