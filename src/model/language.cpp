#include "model/language.h"

namespace ucap::model {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "ja") return Language::ja;
  return std::nullopt;
}

std::string_view language_code(Language language) {
  switch (language) {
    case Language::en: return "en";
    case Language::ja: return "ja";
    case Language::unset: break;
  }
  return "";
}

std::string_view language_name_en(Language language) {
  switch (language) {
    case Language::en: return "English";
    case Language::ja: return "Japanese";
    case Language::unset: break;
  }
  return "any language";
}

}  // namespace ucap::model
