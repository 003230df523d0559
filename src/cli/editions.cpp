#include "editions.h"

#include <filesystem>

#include "source_date.h"

namespace ucap::cli {

namespace fs = std::filesystem;

std::vector<std::vector<Language>> wanted_editions(const Document& plan, const std::string& requested) {
  if (requested == "both") {
    std::vector<Language> declared = plan.languages();
    if (declared.size() == 2) return {declared};
    return {{Language::en, Language::ja}};
  }
  if (requested == "ja") return {{Language::ja}};
  if (requested == "en") return {{Language::en}};
  std::vector<std::vector<Language>> editions;
  for (Language language : plan.languages()) editions.push_back({language});
  return editions;
}

std::string output_path(const RenderCommandOptions& options, const std::string& input,
                        const std::vector<Language>& languages) {
  if (!options.output.empty()) return options.output;
  const std::string stem = input == "-" ? "stdin" : fs::path(input).stem().string();
  const fs::path folder = !options.out_dir.empty() ? fs::path(options.out_dir)
                          : input == "-"           ? fs::path(".")
                                                   : fs::path(input).parent_path();
  return (folder / batch::pdf_file_name(stem, languages)).string();
}

std::optional<Diagnostic> refused_output(const std::string& path, const batch::FileIdentities& inputs) {
  return batch::refuse_output(path, inputs, "name a new file or an existing PDF; standard output is -o -");
}

std::string output_options_problem(const RenderCommandOptions& options) {
  if (!options.output.empty() && !options.out_dir.empty()) return "-o and --out-dir cannot be used together";
  if (!options.output.empty() && options.files.size() > 1) return "-o names one PDF; use --out-dir for several files";
  return {};
}

RenderOptions render_options(const RenderCommandOptions& options, const Document* roster) {
  RenderOptions render;
  render.roster = roster;
  render.fallback_date = date_from_environment();
  render.pdf_standards = options.pdf_standards;
  return render;
}

}  // namespace ucap::cli
