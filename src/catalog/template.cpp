#include "catalog/template.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "model/progress_report.h"
#include "xml/source_file.h"

namespace ucap::catalog {

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

bool Template::has_part(std::string_view name) const {
  return std::find(parts.begin(), parts.end(), name) != parts.end();
}

namespace {

using model::Language;

// The template file's text, kept while it is read so that a problem is
// reported at its line and column.
class TemplateFile {
 public:
  TemplateFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)), lines_(text_) {}

  const std::string& text() const { return text_; }
  std::string at(std::ptrdiff_t offset) const {
    if (offset < 0) return path_;
    model::SourcePosition position = lines_.position(static_cast<std::size_t>(offset));
    return fmt::format("{}:{}:{}", path_, position.line, position.column);
  }
  std::string at(const pugi::xml_node& node) const { return at(node.offset_debug()); }

 private:
  std::string path_;
  std::string text_;
  xml::LineIndex lines_;
};

std::string localized(pugi::xml_node parent, const char* element, const char* language) {
  for (pugi::xml_node node : parent.children(element))
    if (std::string_view(node.attribute("xml:lang").value()) == language) return node.child_value();
  return {};
}

Language language_of(const pugi::xml_node& node, const char* attribute) {
  auto parsed = model::parse_language(node.attribute(attribute).value());
  return parsed ? *parsed : Language::unset;
}

std::optional<double> number(const pugi::xml_node& node, const char* name) {
  pugi::xml_attribute attribute = node.attribute(name);
  return attribute ? std::optional<double>(attribute.as_double()) : std::nullopt;
}

std::optional<bool> flag(const pugi::xml_node& node, const char* name) {
  pugi::xml_attribute attribute = node.attribute(name);
  return attribute ? std::optional<bool>(attribute.as_bool()) : std::nullopt;
}

// "0.25 0.25 0.25"; anything else is as if the attribute were absent.
std::optional<Rgb> colour(const pugi::xml_node& node, const char* name) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) return std::nullopt;
  std::istringstream in(attribute.value());
  Rgb rgb;
  if (in >> rgb.r >> rgb.g >> rgb.b) return rgb;
  return std::nullopt;
}

// Any family other than "sans" is the serif; an empty one says nothing.
std::optional<FontFamily> family(const pugi::xml_node& node) {
  std::string_view value = node.attribute("family").value();
  if (value.empty()) return std::nullopt;
  return value == "sans" ? FontFamily::sans : FontFamily::serif;
}

std::optional<TextAlign> alignment(const pugi::xml_node& node) {
  std::string_view value = node.attribute("align").value();
  if (value == "left") return TextAlign::left;
  if (value == "right") return TextAlign::right;
  if (value == "center") return TextAlign::center;
  if (value == "justify") return TextAlign::justify;
  return std::nullopt;
}

StyleRule read_style(const pugi::xml_node& node) {
  StyleRule style;
  style.name = node.attribute("name").value();
  style.language = language_of(node, "lang");
  style.size = number(node, "size");
  style.leading = number(node, "leading");
  style.family = family(node);
  style.bold = flag(node, "bold");
  style.color = colour(node, "color");
  style.align = alignment(node);
  style.first_line_indent = number(node, "first-line-indent");
  style.space_before = number(node, "space-before");
  style.space_after = number(node, "space-after");
  return style;
}

PageRule read_page(const pugi::xml_node& node) {
  return {number(node, "width"),  number(node, "height"),          number(node, "top"),
          number(node, "bottom"), number(node, "left"),            number(node, "right"),
          number(node, "header-baseline"), number(node, "footer-baseline")};
}

StyleSheet read_styles(const pugi::xml_node& styles) {
  StyleSheet sheet;
  sheet.page = read_page(styles.child("page"));
  sheet.contents = flag(styles.child("contents"), "include");
  for (pugi::xml_node list : styles.children("list"))
    sheet.lists.push_back({language_of(list, "lang"), number(list, "indent"), number(list, "label-gap"),
                           number(list, "item-space")});
  pugi::xml_node table = styles.child("table");
  sheet.table = {number(table, "cell-padding"), number(table, "rule-width"), colour(table, "header-tint")};
  for (pugi::xml_node node : styles.children("style")) sheet.styles.push_back(read_style(node));
  return sheet;
}

std::optional<SectionTemplate> read_section(const pugi::xml_node& node) {
  SectionTemplate section;
  section.ref = node.attribute("ref").value();
  section.number = node.attribute("number").as_uint();
  section.required = node.attribute("required").as_bool(true);
  section.title_en = localized(node, "title", "en");
  section.title_ja = localized(node, "title", "ja");
  for (pugi::xml_node allows : node.children("allows")) section.allowed_items.push_back(allows.attribute("element").value());
  for (pugi::xml_node minimum : node.children("at-least"))
    section.minimums.push_back({minimum.attribute("element").value(), minimum.attribute("count").as_uint(1)});
  if (section.ref.empty() || section.title_en.empty() || section.title_ja.empty()) return std::nullopt;
  return section;
}

std::string part_names() {
  std::string names;
  for (std::string_view name : model::report_part_names) names += fmt::format("{}{}", names.empty() ? "" : ", ", name);
  return names;
}

TemplateLoad read_template(const TemplateFile& file) {
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_buffer(file.text().data(), file.text().size());
  if (!parsed) return {std::nullopt, fmt::format("{}: cannot load template: {}", file.at(parsed.offset), parsed.description())};
  pugi::xml_node root = xml.child("template");
  if (!root) return {std::nullopt, fmt::format("{}: not a template (no <template> root)", file.at(xml.document_element()))};
  Template result;
  result.id = root.attribute("id").value();
  result.root = root.attribute("root").value();
  result.version = root.attribute("version").value();
  result.name_en = localized(root, "name", "en");
  result.name_ja = localized(root, "name", "ja");
  for (pugi::xml_node node : root.children("section")) {
    std::optional<SectionTemplate> section = read_section(node);
    if (!section)
      return {std::nullopt, fmt::format("{}: a <section> needs ref and English and Japanese titles", file.at(node))};
    result.sections.push_back(std::move(*section));
  }
  for (pugi::xml_node node : root.child("parts").children("part")) {
    std::string name = node.attribute("name").value();
    if (!model::parse_report_part(name))
      return {std::nullopt, fmt::format("{}: generated part '{}' is not one the engine makes ({})", file.at(node), name,
                                        part_names())};
    result.parts.push_back(std::move(name));
  }
  if (result.id.empty() || (result.sections.empty() && result.parts.empty()))
    return {std::nullopt, fmt::format("{}: a template needs an id and at least one section", file.at(root))};
  pugi::xml_node styles = root.child("styles");
  result.styles = read_styles(styles);
  result.styles_from = styles.attribute("like").value();
  result.styles_from_at = file.at(styles.attribute("like") ? styles.offset_debug() : -1);
  for (pugi::xml_node node : root.child("labels").children("label"))
    result.labels.push_back({node.attribute("key").value(), language_of(node, "xml:lang"), node.child_value()});
  return {std::move(result), {}};
}

}  // namespace

TemplateLoad load_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, fmt::format("{}: cannot load template: File was not found", path)};
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return {std::nullopt, fmt::format("{}: cannot load template: Error reading from file", path)};
  return read_template(TemplateFile(path, std::move(text)));
}

}  // namespace ucap::catalog
