#include "layout/document_style.h"

namespace ucap::layout {

namespace {

using model::Language;

template <typename T>
void take(T& value, const std::optional<T>& stated) {
  if (stated) value = *stated;
}

void take(Color& value, const std::optional<catalog::Rgb>& stated) {
  if (stated) value = {stated->r, stated->g, stated->b};
}

void take(font::Family& value, const std::optional<catalog::FontFamily>& stated) {
  if (stated) value = *stated == catalog::FontFamily::sans ? font::Family::sans : font::Family::serif;
}

void take(Alignment& value, const std::optional<catalog::TextAlign>& stated) {
  if (!stated) return;
  switch (*stated) {
    case catalog::TextAlign::left: value = Alignment::left; break;
    case catalog::TextAlign::right: value = Alignment::right; break;
    case catalog::TextAlign::center: value = Alignment::center; break;
    case catalog::TextAlign::justify: value = Alignment::justify; break;
  }
}

BlockStyle applied(const catalog::StyleRule& rule, const BlockStyle& base) {
  BlockStyle style = base;
  ParagraphStyle& p = style.paragraph;
  take(p.font_size, rule.size);
  take(p.leading, rule.leading);
  take(p.latin_family, rule.family);
  take(p.japanese_family, rule.family);
  take(style.bold, rule.bold);
  take(p.color, rule.color);
  take(p.alignment, rule.align);
  take(p.first_line_indent, rule.first_line_indent);
  take(style.space_before, rule.space_before);
  take(style.space_after, rule.space_after);
  return style;
}

ListGeometry applied(const catalog::ListRule& rule, ListGeometry list) {
  take(list.indent, rule.indent);
  take(list.label_gap, rule.label_gap);
  take(list.item_space, rule.item_space);
  return list;
}

void apply_page(const catalog::PageRule& rule, PageGeometry& page) {
  take(page.width, rule.width);
  take(page.height, rule.height);
  take(page.top, rule.top);
  take(page.bottom, rule.bottom);
  take(page.left, rule.left);
  take(page.right, rule.right);
  take(page.header_baseline, rule.header_baseline);
  take(page.footer_baseline, rule.footer_baseline);
}

void apply_styles(const catalog::StyleSheet& sheet, DocumentStyle& out) {
  apply_page(sheet.page, out.page);
  take(out.contents, sheet.contents);
  for (const catalog::ListRule& list : sheet.lists) {
    const bool japanese = list.language == Language::ja;
    ListGeometry& geometry = japanese ? out.list_ja : out.list;
    if (!japanese) out.list_ja = applied(list, out.list_ja);
    geometry = applied(list, geometry);
  }
  take(out.table.cell_padding, sheet.table.cell_padding);
  take(out.table.rule_width, sheet.table.rule_width);
  take(out.table.header_tint, sheet.table.header_tint);
  // Language-neutral styles first, so a lang="ja" variant starts from them.
  for (bool with_language : {false, true})
    for (const catalog::StyleRule& rule : sheet.styles) {
      if ((rule.language != Language::unset) != with_language) continue;
      BlockStyle base = with_language ? out.style(rule.name, Language::unset) : BlockStyle{};
      out.set_style(rule.name, rule.language, applied(rule, base));
    }
}

}  // namespace

DocumentStyle DocumentStyle::from(const catalog::Template& definition) {
  DocumentStyle out;
  out.template_id = definition.id;
  apply_styles(definition.styles, out);
  for (const catalog::Label& label : definition.labels) out.set_label(label.key, label.language, label.text);
  return out;
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
