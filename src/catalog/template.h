// A document template (templates/<id>.xml), read once: the sections a
// document holds, in order, with their numbers, titles and rules (what
// validation checks), and its styles and labels (how layout sets it). Read
// at run time so that no section name, size or phrase lives in the code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/style_sheet.h"
#include "model/language.h"

namespace ucap::catalog {

struct MinimumCount {
  std::string element;  // "activity"
  unsigned count = 1;
};

struct SectionTemplate {
  std::string ref;
  unsigned number = 0;
  bool required = true;
  std::string title_en;
  std::string title_ja;
  std::vector<std::string> allowed_items;  // section-specific elements: "activity", …
  std::vector<MinimumCount> minimums;

  const std::string& title(model::Language language) const {
    return language == model::Language::ja ? title_ja : title_en;
  }
  bool allows(std::string_view element) const;
};

struct Template {
  std::string id;
  std::string root;      // the document element it applies to
  std::string version;
  std::string name_en, name_ja;
  std::vector<SectionTemplate> sections;
  // A progress report's generated parts (<part name>), in the template's
  // order; a plan template has none.
  std::vector<std::string> parts;

  // <styles> and <labels>. `styles_from` names the template whose styles
  // and labels this one is set with (<styles like="ucap"/>); the catalogue
  // copies them in when it loads, this template's own labels winning.
  StyleSheet styles;
  std::vector<Label> labels;
  std::string styles_from;
  std::string styles_from_at;  // file:line:col of `like`, for a finding about it

  const SectionTemplate* find(std::string_view ref) const;
  // Position of `ref` in the template's order, or sections.size().
  std::size_t index_of(std::string_view ref) const;
  bool has_part(std::string_view name) const;
};

struct TemplateLoad {
  std::optional<Template> value;
  std::string error;  // why it could not be loaded, with file:line:col
};

TemplateLoad load_template(const std::string& path);

}  // namespace ucap::catalog
