// Everything validation checks against, loaded once from the data
// directory (templates/ and templates/data/) and read-only afterwards, so
// one rulebook serves many documents and threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "validate/reference_data.h"
#include "validate/template.h"

namespace ucap::validate {

class Rulebook {
 public:
  // Loads templates/*.xml and templates/data/* below `data_directory`. On
  // failure returns null and sets `error`.
  static std::unique_ptr<Rulebook> load(const std::string& data_directory, std::string& error);

  const Template* find_template(std::string_view id) const;
  const SdgCatalogue& sdgs() const { return sdgs_; }
  const CodeList& countries() const { return countries_; }
  const CodeList& currencies() const { return currencies_; }

 private:
  std::map<std::string, Template, std::less<>> templates_;
  SdgCatalogue sdgs_;
  CodeList countries_;
  CodeList currencies_;
};

}  // namespace ucap::validate
