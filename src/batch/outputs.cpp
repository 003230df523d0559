#include "outputs.h"

#include <sys/stat.h>

#include <filesystem>

namespace ucap::batch {

std::string output_name(const std::string& relative_input, Language language) {
  return output_name(relative_input, std::vector<Language>{language});
}

std::string edition_name(const std::vector<Language>& languages) {
  std::string name;
  for (Language language : languages) {
    if (!name.empty()) name += '-';
    name += to_string(language);
  }
  return name;
}

std::string pdf_file_name(std::string stem, const std::vector<Language>& languages) {
  const std::string suffix = "." + edition_name(languages);
  // A name made of the suffix alone (".en.xml") is not named for its language.
  if (stem.size() > suffix.size() && stem.ends_with(suffix)) stem.resize(stem.size() - suffix.size());
  return stem + suffix + ".pdf";
}

std::string output_name(const std::string& relative_input, const std::vector<Language>& languages) {
  const std::filesystem::path input(relative_input);
  return (input.parent_path() / pdf_file_name(input.stem().string(), languages)).string();
}

std::optional<Diagnostic> OutputClaims::claim(const std::string& output, const std::string& input) {
  auto [owner, free] = owners_.emplace(output, input);
  if (free) return std::nullopt;
  return Diagnostic{.code = "UCAP093",
                    .severity = Severity::error,
                    .file = input,
                    .message = output + " is also the output of " + owner->second + "; this one was not rendered",
                    .hint = "rename one of the two files, or render them in separate batches"};
}

FileIdentities identities_of(const std::vector<std::string>& paths) {
  FileIdentities identities;
  for (const std::string& path : paths) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) identities.emplace(info.st_dev, info.st_ino);
  }
  return identities;
}

std::optional<Diagnostic> refuse_output(const std::string& output, const FileIdentities& inputs,
                                        const std::string& hint) {
  struct stat info {};
  if (::stat(output.c_str(), &info) != 0) return std::nullopt;  // a new file
  std::string why;
  if (inputs.count({info.st_dev, info.st_ino})) why = " is one of the inputs; the PDF would replace it";
  else if (S_ISDIR(info.st_mode)) why = " is a folder";
  else if (!S_ISREG(info.st_mode)) why = " is not a regular file (a pipe or a device)";
  else return std::nullopt;
  return Diagnostic{.code = "UCAP064",
                    .severity = Severity::error,
                    .file = output,
                    .message = "refused to write the PDF: " + output + why,
                    .hint = hint};
}

}  // namespace ucap::batch
