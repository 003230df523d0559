#include "layout/document_style.h"

#include <charconv>
#include <sstream>

#include <pugixml.hpp>

namespace ucap::layout {

namespace {

using model::Language;

double number_or(const pugi::xml_node& node, const char* name, double fallback) {
  pugi::xml_attribute attribute = node.attribute(name);
  return attribute ? attribute.as_double(fallback) : fallback;
}

Color color_or(const pugi::xml_node& node, const char* name, Color fallback) {
  pugi::xml_attribute attribute = node.attribute(name);
  if (!attribute) return fallback;
  std::istringstream in(attribute.value());
  Color color;
  if (in >> color.r >> color.g >> color.b) return color;
  return fallback;
}

Language language_of(const pugi::xml_node& node, const char* attribute) {
  auto parsed = model::parse_language(node.attribute(attribute).value());
  return parsed ? *parsed : Language::unset;
}

Alignment alignment_of(std::string_view value, Alignment fallback) {
  if (value == "left") return Alignment::left;
  if (value == "right") return Alignment::right;
  if (value == "center") return Alignment::center;
  if (value == "justify") return Alignment::justify;
  return fallback;
}

BlockStyle read_style(const pugi::xml_node& node, const BlockStyle& base) {
  BlockStyle style = base;
  ParagraphStyle& p = style.paragraph;
  p.font_size = number_or(node, "size", p.font_size);
  p.leading = number_or(node, "leading", p.leading);
  std::string_view family = node.attribute("family").value();
  if (!family.empty()) p.latin_family = p.japanese_family = family == "sans" ? font::Family::sans : font::Family::serif;
  style.bold = node.attribute("bold").as_bool(style.bold);
  p.color = color_or(node, "color", p.color);
  p.alignment = alignment_of(node.attribute("align").value(), p.alignment);
  p.first_line_indent = number_or(node, "first-line-indent", p.first_line_indent);
  style.space_before = number_or(node, "space-before", style.space_before);
  style.space_after = number_or(node, "space-after", style.space_after);
  return style;
}

ListGeometry read_list(const pugi::xml_node& node, ListGeometry list) {
  list.indent = number_or(node, "indent", list.indent);
  list.label_gap = number_or(node, "label-gap", list.label_gap);
  list.item_space = number_or(node, "item-space", list.item_space);
  return list;
}

void read_page(const pugi::xml_node& node, PageGeometry& page) {
  page.width = number_or(node, "width", page.width);
  page.height = number_or(node, "height", page.height);
  page.top = number_or(node, "top", page.top);
  page.bottom = number_or(node, "bottom", page.bottom);
  page.left = number_or(node, "left", page.left);
  page.right = number_or(node, "right", page.right);
  page.header_baseline = number_or(node, "header-baseline", page.header_baseline);
  page.footer_baseline = number_or(node, "footer-baseline", page.footer_baseline);
}

void read_styles(const pugi::xml_node& styles, DocumentStyle& out) {
  read_page(styles.child("page"), out.page);
  out.contents = styles.child("contents").attribute("include").as_bool(out.contents);
  for (pugi::xml_node list : styles.children("list")) {
    const bool japanese = language_of(list, "lang") == Language::ja;
    ListGeometry& geometry = japanese ? out.list_ja : out.list;
    if (!japanese) out.list_ja = read_list(list, out.list_ja);
    geometry = read_list(list, geometry);
  }
  pugi::xml_node table = styles.child("table");
  out.table.cell_padding = number_or(table, "cell-padding", out.table.cell_padding);
  out.table.rule_width = number_or(table, "rule-width", out.table.rule_width);
  out.table.header_tint = color_or(table, "header-tint", out.table.header_tint);
  // Language-neutral styles first, so a lang="ja" variant starts from them.
  for (bool with_language : {false, true})
    for (pugi::xml_node node : styles.children("style")) {
      Language language = language_of(node, "lang");
      if ((language != Language::unset) != with_language) continue;
      std::string name = node.attribute("name").value();
      BlockStyle base = with_language ? out.style(name, Language::unset) : BlockStyle{};
      out.set_style(name, language, read_style(node, base));
    }
}

}  // namespace

font::Result<DocumentStyle> DocumentStyle::load(const std::string& template_path) {
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_file(template_path.c_str());
  if (!parsed)
    return font::Result<DocumentStyle>::failure(template_path + ": cannot read the template's styles: " +
                                                parsed.description());
  DocumentStyle out;
  pugi::xml_node root = xml.child("template");
  out.template_id = root.attribute("id").value();
  read_styles(root.child("styles"), out);
  for (pugi::xml_node node : root.child("labels").children("label"))
    out.set_label(node.attribute("key").value(), language_of(node, "xml:lang"), node.child_value());
  return font::Result<DocumentStyle>::success(std::move(out));
}

void DocumentStyle::set_style(std::string name, Language language, BlockStyle style) {
  styles_[{std::move(name), language}] = std::move(style);
}

void DocumentStyle::set_label(std::string key, Language language, std::string text) {
  labels_[{std::move(key), language}] = std::move(text);
}

BlockStyle DocumentStyle::style(std::string_view name, Language language) const {
  for (auto key : {std::pair{std::string(name), language}, std::pair{std::string(name), Language::unset},
                   std::pair{std::string("body"), language}, std::pair{std::string("body"), Language::unset}}) {
    auto found = styles_.find(key);
    if (found == styles_.end()) continue;
    BlockStyle style = found->second;
    style.paragraph.measure = page.measure();
    return style;
  }
  BlockStyle fallback;
  fallback.paragraph.measure = page.measure();
  return fallback;
}

std::string DocumentStyle::label(std::string_view key, Language language,
                                 const std::vector<std::pair<std::string_view, std::string>>& values) const {
  auto found = labels_.find({std::string(key), language});
  if (found == labels_.end()) found = labels_.find({std::string(key), Language::en});
  return fill_placeholders(found == labels_.end() ? key : std::string_view(found->second), values);
}

std::string fill_placeholders(std::string_view pattern,
                              const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t open = pattern.find('{', pos);
    std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(pos, open - pos));
    std::string_view name = pattern.substr(open + 1, close - open - 1);
    bool filled = false;
    for (const auto& [key, value] : values)
      if (key == name) { out += value; filled = true; break; }
    if (!filled) out.append(pattern.substr(open, close - open + 1));
    pos = close + 1;
  }
  out.append(pattern.substr(pos));
  return out;
}

}  // namespace ucap::layout
