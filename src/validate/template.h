// A document template (templates/<id>.xml): the sections a plan holds, in
// order, with their numbers, titles and rules. Read at run time so that no
// section name lives in the code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/language.h"

namespace ucap::validate {

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

  const SectionTemplate* find(std::string_view ref) const;
  // Position of `ref` in the template's order, or sections.size().
  std::size_t index_of(std::string_view ref) const;
};

struct TemplateLoad {
  std::optional<Template> value;
  std::string error;  // why it could not be loaded, with file:line:col
};

TemplateLoad load_template(const std::string& path);

}  // namespace ucap::validate
