// Every document definition the engine knows, loaded once from the data
// directory (templates/*.xml and templates/data/) and read-only afterwards:
// the templates (sections and rules for validation, styles and labels for
// layout), the SDG goals and targets and the ISO code lists. One catalogue
// serves many documents and threads; validate and layout both read it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "catalog/reference_data.h"
#include "catalog/template.h"

namespace ucap::catalog {

// The root element a progress-report template applies to (FORMAT.md §4).
inline constexpr std::string_view report_root = "progress-report";

class Catalog {
 public:
  // Loads templates/*.xml and templates/data/* below `data_directory`. On
  // failure returns null and sets `error` (with file:line:col when a file
  // is malformed).
  static std::unique_ptr<Catalog> load(const std::string& data_directory, std::string& error);

  const Template* find_template(std::string_view id) const;
  // The template a progress report is checked and set by: the one named
  // `id` when it is a progress-report template (root="progress-report"),
  // else the catalogue's first such; null when there is none.
  const Template* report_template(std::string_view id) const;
  const std::map<std::string, Template, std::less<>>& templates() const { return templates_; }
  const SdgCatalogue& sdgs() const { return sdgs_; }
  const CodeList& countries() const { return countries_; }
  const CodeList& currencies() const { return currencies_; }

 private:
  bool resolve_styles(std::string& error);

  std::map<std::string, Template, std::less<>> templates_;
  SdgCatalogue sdgs_;
  CodeList countries_;
  CodeList currencies_;
};

}  // namespace ucap::catalog
