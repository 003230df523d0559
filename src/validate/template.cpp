#include "validate/template.h"

#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

namespace ucap::validate {

bool SectionTemplate::allows(std::string_view element) const {
  return std::find(allowed_items.begin(), allowed_items.end(), element) != allowed_items.end();
}

const SectionTemplate* Template::find(std::string_view ref) const {
  for (const SectionTemplate& section : sections)
    if (section.ref == ref) return &section;
  return nullptr;
}

std::size_t Template::index_of(std::string_view ref) const {
  for (std::size_t i = 0; i < sections.size(); ++i)
    if (sections[i].ref == ref) return i;
  return sections.size();
}

namespace {

std::string localized(pugi::xml_node parent, const char* element, const char* language) {
  for (pugi::xml_node node : parent.children(element))
    if (std::string_view(node.attribute("xml:lang").value()) == language) return node.child_value();
  return {};
}

}  // namespace

TemplateLoad load_template(const std::string& path) {
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_file(path.c_str());
  if (!parsed) return {std::nullopt, fmt::format("{}: cannot load template: {}", path, parsed.description())};
  pugi::xml_node root = xml.child("template");
  if (!root) return {std::nullopt, fmt::format("{}: not a template (no <template> root)", path)};
  Template result;
  result.id = root.attribute("id").value();
  result.root = root.attribute("root").value();
  result.version = root.attribute("version").value();
  result.name_en = localized(root, "name", "en");
  result.name_ja = localized(root, "name", "ja");
  for (pugi::xml_node node : root.children("section")) {
    SectionTemplate section;
    section.ref = node.attribute("ref").value();
    section.number = node.attribute("number").as_uint();
    section.required = node.attribute("required").as_bool(true);
    section.title_en = localized(node, "title", "en");
    section.title_ja = localized(node, "title", "ja");
    for (pugi::xml_node allows : node.children("allows")) section.allowed_items.push_back(allows.attribute("element").value());
    for (pugi::xml_node minimum : node.children("at-least"))
      section.minimums.push_back({minimum.attribute("element").value(), minimum.attribute("count").as_uint(1)});
    if (section.ref.empty() || section.title_en.empty() || section.title_ja.empty())
      return {std::nullopt, fmt::format("{}: a <section> needs ref and English and Japanese titles", path)};
    result.sections.push_back(std::move(section));
  }
  if (result.id.empty() || result.sections.empty())
    return {std::nullopt, fmt::format("{}: a template needs an id and at least one section", path)};
  return {std::move(result), {}};
}

}  // namespace ucap::validate
