#include "layout/block_layout.h"

#include <algorithm>
#include <numeric>

#include "font/utf8_decode.h"
#include "text/japanese_classes.h"
#include "text/normalize.h"
#include "text/script.h"

namespace ucap::layout {

using model::Language;

model::Inlines BlockLayout::text(std::string value, std::uint8_t inline_style) {
  model::TextRun run;
  run.text = std::move(value);
  run.style = inline_style;
  return {run};
}

ComposedParagraph BlockLayout::compose(const model::Inlines& inlines, const BlockStyle& style, double measure,
                                       bool indent_first_line) const {
  ParagraphStyle paragraph = style.paragraph;
  paragraph.measure = measure;
  if (!indent_first_line) paragraph.first_line_indent = 0;
  if (!style.bold) return compose_paragraph(inlines, paragraph, language_, measurer_);
  model::Inlines strong = inlines;
  for (model::TextRun& run : strong) run.style |= model::style_strong;
  return compose_paragraph(strong, paragraph, language_, measurer_);
}

void BlockLayout::blocks(const model::Blocks& blocks, double indent) {
  for (const model::Block& each : blocks)
    if (model::shown_in(each.language, language_)) block(each, indent);
}

void BlockLayout::block(const model::Block& block, double indent) {
  std::visit(
      [&](const auto& content) {
        using T = std::decay_t<decltype(content)>;
        if constexpr (std::is_same_v<T, model::Paragraph>) paragraph(content.inlines, "body", indent);
        else if constexpr (std::is_same_v<T, model::List>) list(content, indent, 0);
        else if constexpr (std::is_same_v<T, model::Note>) note(content, indent);
        else if constexpr (std::is_same_v<T, model::Table>) table(content, indent);
        else figure(content, indent);
      },
      block.content);
}

std::size_t BlockLayout::paragraph(const model::Inlines& inlines, std::string_view style_name, double indent) {
  const BlockStyle style = style_.style(style_name, language_);
  const std::size_t first = flow_.size();
  flow_.space(style.space_before);
  flow_.add_lines(compose(inlines, style, style.paragraph.measure - indent, true), indent);
  flow_.space(style.space_after);
  return first;
}

void BlockLayout::heading(const model::Inlines& inlines, std::string_view style_name, const std::string& bookmark,
                          int bookmark_level) {
  BlockStyle style = style_.style(style_name, language_);
  const std::size_t first = flow_.size();
  flow_.space(style.space_before);
  flow_.add_lines(compose(inlines, style, style.paragraph.measure), 0);
  for (std::size_t i = first; i < flow_.size(); ++i) flow_.at(i).keep_with_next = true;
  if (!bookmark.empty() && first < flow_.size()) flow_.at(first).bookmarks.push_back({bookmark, bookmark_level});
  flow_.space(style.space_after);
}

PlacedText BlockLayout::label_text(const std::string& label, const BlockStyle& style, double right_edge,
                                   double baseline) const {
  PlacedText placed;
  placed.size = style.paragraph.font_size;
  placed.baseline_y = baseline;
  placed.text = label;
  placed.color = style.paragraph.color;
  std::vector<double> advances;
  std::size_t pos = 0;
  char32_t first = 0;
  while (pos < label.size()) {
    char32_t c = text::decode_utf8(label, pos);
    if (!first) first = c;
    placed.font.script = text::script_of(c, language_);
    placed.font.family = placed.font.script == font::Script::japanese ? style.paragraph.japanese_family
                                                                        : style.paragraph.latin_family;
    advances.push_back(measurer_.advance(placed.font, c, placed.size));
  }
  double x = right_edge - std::accumulate(advances.begin(), advances.end(), 0.0);
  for (double advance : advances) {
    placed.x_positions.push_back(x);
    x += advance;
  }
  return placed;
}

void BlockLayout::list_item(const std::string& label, const model::Inlines& inlines, const model::Blocks& blocks,
                            double indent, std::string_view style_name) {
  const BlockStyle style = style_.style(style_name, language_);
  const std::size_t first = flow_.size();
  if (!inlines.empty()) flow_.add_lines(compose(inlines, style, style.paragraph.measure - indent), indent);
  this->blocks(blocks, indent);
  if (first >= flow_.size()) return;
  Strip& head = flow_.at(first);
  const double baseline = head.texts.empty() ? style.paragraph.ascent_em * style.paragraph.font_size
                                             : head.texts.front().baseline_y;
  // First in the strip, so the text layer reads "1. Item" in order.
  head.texts.insert(head.texts.begin(), label_text(label, style, indent - style_.list_for(language_).label_gap, baseline));
}

model::TableCell BlockLayout::cell(std::string value, model::CellAlign align, bool header) {
  model::TableCell c;
  c.header = header;
  c.align = align;
  c.inlines = text(std::move(value));
  return c;
}

std::string BlockLayout::number_label(int number) const {
  return style_.label("list-number", language_, {{"n", std::to_string(number)}});
}

void BlockLayout::list(const model::List& list, double indent, int depth) {
  const BlockStyle body = style_.style("body", language_);
  const ListGeometry& geometry = style_.list_for(language_);
  const double item_indent = indent + geometry.indent;
  flow_.space(depth == 0 ? body.space_before : 0);
  int number = 0;
  for (const model::ListItem& item : list.items) {
    ++number;
    const std::string label = list.ordered ? number_label(number) : style_.label(depth % 2 == 0 ? "bullet" : "bullet-nested", language_);
    list_item(label, item.inlines, item.blocks, item_indent);
    flow_.space(geometry.item_space);
  }
  flow_.space(body.space_after);
}

void BlockLayout::note(const model::Note& note, double indent) {
  const BlockStyle style = style_.style("note", language_);
  const double bar = 2, gap = 8;
  const std::size_t first = flow_.size();
  flow_.space(style.space_before);
  if (!note.inlines.empty())
    flow_.add_lines(compose(note.inlines, style, style.paragraph.measure - indent - bar - gap), indent + bar + gap);
  blocks(note.blocks, indent + bar + gap);
  // A bar beside every strip of the note, so it follows the note across pages.
  for (std::size_t i = first; i < flow_.size(); ++i) {
    Strip& strip = flow_.at(i);
    const double above = i == first ? 0 : strip.space_before;
    strip.rects.push_back({indent, -above, bar, strip.height + above, {0.7, 0.75, 0.82}, true, {}, 0});
  }
  flow_.space(style.space_after);
}

void BlockLayout::figure(const model::Figure& figure, double indent) {
  // Images are drawn by the document-features work (issue 4); until then
  // the figure is represented by its caption so that no text is lost.
  for (const model::Caption& caption : figure.captions)
    if (model::shown_in(caption.language, language_)) {
      model::Inlines inlines = text(style_.label("figure", language_, {{"value", ""}}));
      inlines.insert(inlines.end(), caption.inlines.begin(), caption.inlines.end());
      paragraph(inlines, "note", indent);
    }
}

namespace {

std::size_t column_count(const model::Table& table) {
  std::size_t count = table.column_weights.size();
  for (const auto* rows : {&table.head_rows, &table.body_rows})
    for (const model::TableRow& row : *rows) {
      std::size_t span = 0;
      for (const model::TableCell& cell : row.cells) span += std::max<std::uint32_t>(cell.colspan, 1);
      count = std::max(count, span);
    }
  return std::max<std::size_t>(count, 1);
}

// Left edges of the columns and, last, the table's right edge.
std::vector<double> column_edges(const model::Table& table, double width) {
  const std::size_t count = column_count(table);
  std::vector<double> weights = table.column_weights;
  weights.resize(count, weights.empty() ? 1.0 : 0.0);
  for (double& w : weights) w = w > 0 ? w : 1.0;
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<double> edges{0};
  for (double w : weights) edges.push_back(edges.back() + width * w / total);
  return edges;
}

bool holds_japanese(const model::Inlines& inlines) {
  for (const model::TextRun& run : inlines)
    for (char32_t c : font::decode_utf8(run.text))
      if (text::is_kana_or_kanji(c)) return true;
  return false;
}

Alignment alignment_of(model::CellAlign align) {
  switch (align) {
    case model::CellAlign::center: return Alignment::center;
    case model::CellAlign::right: return Alignment::right;
    default: return Alignment::left;
  }
}

}  // namespace

void BlockLayout::table(const model::Table& table, double indent) {
  const BlockStyle style = style_.style("table", language_);
  const std::vector<double> edges = column_edges(table, style.paragraph.measure - indent);
  const int number = flow_.new_table_number();
  flow_.space(style.space_before + 2);
  for (const model::TableRow& row : table.head_rows) table_row(row, edges, true, number, indent);
  const std::size_t body = table.body_rows.size();
  for (std::size_t i = 0; i < body; ++i) {
    table_row(table.body_rows[i], edges, false, number, indent);
    // Like a paragraph's lines: no single row left at the foot of a page
    // under its header, none alone at the top of the next.
    if (body >= 4 && (i == 0 || i + 2 == body)) flow_.keep_last_with_next();
  }
  flow_.space(style.space_after);
}

void BlockLayout::table_row(const model::TableRow& row, const std::vector<double>& edges, bool header,
                            int table_number, double indent) {
  BlockStyle style = style_.style("table", language_);
  const double pad = style_.table.cell_padding;
  Strip strip;
  strip.table = table_number;
  strip.table_header = header;
  // A body row of header cells only heads the rows below it (a group's
  // name): it never ends a page.
  const bool heads_group = !row.cells.empty() && std::all_of(row.cells.begin(), row.cells.end(),
                                                             [](const model::TableCell& c) { return c.header; });
  strip.keep_with_next = header || heads_group;
  std::vector<std::pair<double, double>> cells;  // left, right of each cell
  std::size_t column = 0;
  std::vector<ComposedParagraph> composed;
  for (const model::TableCell& cell : row.cells) {
    const std::size_t span = std::max<std::uint32_t>(cell.colspan, 1);
    const double left = edges[std::min(column, edges.size() - 1)];
    const double right = edges[std::min(column + span, edges.size() - 1)];
    column += span;
    BlockStyle cell_style = style;
    cell_style.bold = header || cell.header;
    cell_style.paragraph.alignment = alignment_of(cell.align);
    // Japanese text in a left-aligned cell is justified like a paragraph
    // (flush on both sides, last line flush left), as Japanese tables are
    // set; a cell of Latin words and numbers only ("7.2, 11.6") stays ragged,
    // where stretched spaces would only open holes.
    if (language_ == Language::ja && cell_style.paragraph.alignment == Alignment::left && holds_japanese(cell.inlines))
      cell_style.paragraph.alignment = Alignment::justify;
    composed.push_back(compose(cell.inlines, cell_style, std::max(right - left - 2 * pad, 1.0)));
    cells.emplace_back(left, right);
  }
  double height = 0;
  for (const ComposedParagraph& p : composed) height = std::max(height, p.height());
  strip.height = height + 2 * pad;
  const double width = edges.back();
  if (header || row.highlighted)
    strip.rects.push_back({indent, 0, width, strip.height, style_.table.header_tint, true, {}, 0});
  for (std::size_t i = 0; i < composed.size(); ++i) draw_lines(strip, composed[i], indent + cells[i].first + pad, pad);
  // Rules: above and below the row, and between cells (not inside a span).
  const Color rule{0.55, 0.6, 0.68};
  const double w = style_.table.rule_width;
  strip.lines.push_back({indent, 0, indent + width, 0, rule, w});
  strip.lines.push_back({indent, strip.height, indent + width, strip.height, rule, w});
  strip.lines.push_back({indent, 0, indent, strip.height, rule, w});
  for (const auto& [left, right] : cells) strip.lines.push_back({indent + right, 0, indent + right, strip.height, rule, w});
  if (cells.empty() || cells.back().second < width)
    strip.lines.push_back({indent + width, 0, indent + width, strip.height, rule, w});
  flow_.add(std::move(strip));
}

}  // namespace ucap::layout
