#include "catalog/catalog.h"

#include <filesystem>

namespace ucap::catalog {

namespace {

template <typename T>
void overlay(std::optional<T>& value, const std::optional<T>& over) {
  if (over) value = over;
}

// `base` with what `own` states on top: its page, table and contents
// values where given, its lists and styles after the base's (read later,
// they win).
StyleSheet overlaid(StyleSheet base, const StyleSheet& own) {
  for (auto field : {&PageRule::width, &PageRule::height, &PageRule::top, &PageRule::bottom, &PageRule::left,
                     &PageRule::right, &PageRule::header_baseline, &PageRule::footer_baseline})
    overlay(base.page.*field, own.page.*field);
  overlay(base.contents, own.contents);
  overlay(base.table.cell_padding, own.table.cell_padding);
  overlay(base.table.rule_width, own.table.rule_width);
  overlay(base.table.header_tint, own.table.header_tint);
  base.lists.insert(base.lists.end(), own.lists.begin(), own.lists.end());
  base.styles.insert(base.styles.end(), own.styles.begin(), own.styles.end());
  return base;
}

}  // namespace

std::unique_ptr<Catalog> Catalog::load(const std::string& data_directory, std::string& error) {
  namespace fs = std::filesystem;
  auto catalog = std::make_unique<Catalog>();
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
    catalog->templates_.emplace(std::move(id), std::move(*loaded.value));
  }
  if (ec || catalog->templates_.empty()) {
    error = templates.string() + ": no template found (is the data directory right? set UCAP_DATA_DIR)";
    return nullptr;
  }
  if (!catalog->resolve_styles(error)) return nullptr;
  fs::path data = templates / "data";
  for (ReferenceLoad load : {load_sdgs((data / "sdg.xml").string(), catalog->sdgs_),
                             load_code_list((data / "iso-3166-1.txt").string(), catalog->countries_),
                             load_code_list((data / "iso-4217.txt").string(), catalog->currencies_)}) {
    if (!load.error.empty()) {
      error = load.error;
      return nullptr;
    }
  }
  return catalog;
}

// A template set like another (<styles like="ucap"/>) takes that one's
// styles and labels under its own, so that what it states itself wins.
// One level only: the template it names must have styles of its own.
bool Catalog::resolve_styles(std::string& error) {
  for (auto& [id, definition] : templates_) {
    if (definition.styles_from.empty()) continue;
    const Template* source = find_template(definition.styles_from);
    if (!source || !source->styles_from.empty()) {
      error = definition.styles_from_at + ": <styles like=\"" + definition.styles_from + "\"> names " +
              (source ? "a template that is itself set like another" : "no template of the data directory");
      return false;
    }
    definition.styles = overlaid(source->styles, definition.styles);
    std::vector<Label> labels = source->labels;
    labels.insert(labels.end(), definition.labels.begin(), definition.labels.end());
    definition.labels = std::move(labels);
  }
  return true;
}

const Template* Catalog::find_template(std::string_view id) const {
  auto it = templates_.find(id);
  return it == templates_.end() ? nullptr : &it->second;
}

const Template* Catalog::report_template(std::string_view id) const {
  const Template* named = find_template(id);
  if (named && named->root == report_root) return named;
  for (const auto& [other_id, definition] : templates_)
    if (definition.root == report_root) return &definition;
  return nullptr;
}

}  // namespace ucap::catalog
