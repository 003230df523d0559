#include "model/language.h"

namespace ucap::model {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "ja") return Language::ja;
  return std::nullopt;
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

EnglishRegion english_region(std::string_view xml_lang) {
  if (equal_ignoring_case(xml_lang, "en-GB")) return EnglishRegion::gb;
  if (equal_ignoring_case(xml_lang, "en-US")) return EnglishRegion::us;
  return EnglishRegion::unset;
}

std::optional<Language> parse_xml_lang(std::string_view code) {
  if (english_region(code) != EnglishRegion::unset) return Language::en;
  return parse_language(code);
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
