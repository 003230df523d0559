#include "validate/rulebook.h"

#include <filesystem>

namespace ucap::validate {

std::unique_ptr<Rulebook> Rulebook::load(const std::string& data_directory, std::string& error) {
  namespace fs = std::filesystem;
  auto rulebook = std::make_unique<Rulebook>();
  fs::path templates = fs::path(data_directory) / "templates";
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(templates, ec)) {
    if (entry.path().extension() != ".xml") continue;
    TemplateLoad loaded = load_template(entry.path().string());
    if (!loaded.value) {
      error = loaded.error;
      return nullptr;
    }
    std::string id = loaded.value->id;
    rulebook->templates_.emplace(std::move(id), std::move(*loaded.value));
  }
  if (ec || rulebook->templates_.empty()) {
    error = templates.string() + ": no template found (is the data directory right? set UCAP_DATA_DIR)";
    return nullptr;
  }
  fs::path data = templates / "data";
  for (ReferenceLoad load : {load_sdgs((data / "sdg.xml").string(), rulebook->sdgs_),
                             load_code_list((data / "iso-3166-1.txt").string(), rulebook->countries_),
                             load_code_list((data / "iso-4217.txt").string(), rulebook->currencies_)}) {
    if (!load.error.empty()) {
      error = load.error;
      return nullptr;
    }
  }
  return rulebook;
}

const Template* Rulebook::find_template(std::string_view id) const {
  auto it = templates_.find(id);
  return it == templates_.end() ? nullptr : &it->second;
}

}  // namespace ucap::validate
