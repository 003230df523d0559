#include "layout/block_layout.h"

#include <algorithm>
#include <numeric>

#include "layout/placed_text.h"
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
  if (hyphenator_ && language_ == Language::en) paragraph.hyphenation = hyphenator_->english(region_);
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
  const model::EnglishRegion outer_region = region_;
  region_ = block.region;
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
  region_ = outer_region;
}

std::size_t BlockLayout::paragraph(const model::Inlines& inlines, std::string_view style_name, double indent,
                                   Role role) {
  const BlockStyle style = style_.style(style_name, language_);
  const std::size_t first = flow_.size();
  flow_.space(style.space_before);
  flow_.open(role);
  flow_.add_lines(compose(inlines, style, style.paragraph.measure - indent, true), indent);
  flow_.close();
  flow_.space(style.space_after);
  return first;
}

void BlockLayout::heading(const model::Inlines& inlines, std::string_view style_name, const std::string& bookmark,
                          int bookmark_level) {
  BlockStyle style = style_.style(style_name, language_);
  const std::size_t first = flow_.size();
  flow_.space(style.space_before);
  flow_.open(bookmark_level == 0 ? Role::h2 : Role::h3);
  flow_.add_lines(compose(inlines, style, style.paragraph.measure), 0);
  flow_.close();
  for (std::size_t i = first; i < flow_.size(); ++i) flow_.at(i).keep_with_next = true;
  if (!bookmark.empty() && first < flow_.size()) flow_.at(first).bookmarks.push_back({bookmark, bookmark_level, std::string(model::language_code(language_))});
  flow_.space(style.space_after);
}

PlacedText BlockLayout::label_text(const std::string& label, const BlockStyle& style, double right_edge,
                                   double baseline) const {
  PlacedText placed;
  placed.size = style.paragraph.font_size;
  placed.baseline_y = baseline;
  placed.color = style.paragraph.color;
  const std::vector<char32_t> characters = text::decode_utf8(label);
  std::vector<double> advances;
  for (char32_t c : characters) {
    placed.font.script = text::script_of(c, language_);
    placed.font.family = placed.font.script == font::Script::japanese ? style.paragraph.japanese_family
                                                                        : style.paragraph.latin_family;
    advances.push_back(measurer_.advance(placed.font, c, placed.size));
  }
  // Drawn from the face of its last character, as it always was: a label
  // is one script ("1.", "(a)", "①").
  double x = right_edge - std::accumulate(advances.begin(), advances.end(), 0.0);
  for (std::size_t i = 0; i < characters.size(); ++i) {
    place_character(placed, characters[i], x, measurer_);
    x += advances[i];
  }
  return placed;
}

void BlockLayout::list_item(const std::string& label, const model::Inlines& inlines, const model::Blocks& blocks,
                            double indent, std::string_view style_name) {
  const BlockStyle style = style_.style(style_name, language_);
  const std::size_t first = flow_.size();
  const int item = flow_.open(Role::li);
  flow_.open(Role::lbody);
  if (!inlines.empty()) flow_.add_lines(compose(inlines, style, style.paragraph.measure - indent), indent);
  this->blocks(blocks, indent);
  flow_.close();
  flow_.close();
  if (first >= flow_.size()) return;
  Strip& head = flow_.at(first);
  const double baseline = head.texts.empty() ? style.paragraph.ascent_em * style.paragraph.font_size
                                             : head.texts.front().baseline_y;
  // First in the strip, so the text layer reads "1. Item" in order.
  PlacedText placed = label_text(label, style, indent - style_.list_for(language_).label_gap, baseline);
  placed.tag.node = flow_.structure().add(item, Role::lbl, /*first=*/true);
  head.texts.insert(head.texts.begin(), std::move(placed));
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

// Lists and notes nested deeper than a third of the column stop indenting:
// their text keeps two thirds of the column at any depth (the format allows
// 100 levels; indenting each would run the text off the page).
double BlockLayout::nested_indent(double indent, double step) const {
  return std::min(indent + step, std::max(indent, style_.page.measure() / 3));
}

void BlockLayout::list(const model::List& list, double indent, int depth) {
  const BlockStyle body = style_.style("body", language_);
  const ListGeometry& geometry = style_.list_for(language_);
  const double item_indent = nested_indent(indent, geometry.indent);
  flow_.space(depth == 0 ? body.space_before : 0);
  flow_.open(Role::l);
  int number = 0;
  for (const model::ListItem& item : list.items) {
    ++number;
    const std::string label = list.ordered ? number_label(number) : style_.label(depth % 2 == 0 ? "bullet" : "bullet-nested", language_);
    list_item(label, item.inlines, item.blocks, item_indent);
    flow_.space(geometry.item_space);
  }
  flow_.close();
  flow_.space(body.space_after);
}

void BlockLayout::note(const model::Note& note, double indent) {
  const BlockStyle style = style_.style("note", language_);
  const double bar = 2, gap = 8;
  const double inner = nested_indent(indent, bar + gap);
  indent = inner - bar - gap;  // the bar stays beside the text however deep
  const std::size_t first = flow_.size();
  flow_.space(style.space_before);
  flow_.open(Role::note);
  if (!note.inlines.empty()) {
    flow_.open(Role::p);
    flow_.add_lines(compose(note.inlines, style, style.paragraph.measure - inner), inner);
    flow_.close();
  }
  blocks(note.blocks, inner);
  flow_.close();
  // A bar beside every strip of the note, so it follows the note across pages.
  for (std::size_t i = first; i < flow_.size(); ++i) {
    Strip& strip = flow_.at(i);
    const double above = i == first ? 0 : strip.space_before;
    strip.rects.push_back({indent, -above, bar, strip.height + above, {0.7, 0.75, 0.82}, true, {}, 0,
                           artifact_ref(Artifact::layout)});
  }
  flow_.space(style.space_after);
}

ImageBox fit_image(std::uint32_t pixel_width, std::uint32_t pixel_height, double max_width, double max_height) {
  constexpr double points_per_pixel = 72.0 / 96.0;
  ImageBox box{pixel_width * points_per_pixel, pixel_height * points_per_pixel};
  if (box.width <= 0 || box.height <= 0) return {};
  const double scale = std::min({1.0, max_width / box.width, max_height / box.height});
  return {box.width * scale, box.height * scale};
}

// The image centred in the column, then its caption below; the two are kept
// on one page (the image is shrunk so that they fit on an empty one).
void BlockLayout::figure(const model::Figure& figure, double indent) {
  const BlockStyle style = style_.style("caption", language_);
  const double measure = style.paragraph.measure - indent;
  const ComposedParagraph caption = figure_caption(figure, style, measure);
  std::shared_ptr<const model::FigureImage> image;
  if (images_)
    if (auto found = images_->find(figure.source); found != images_->end()) image = found->second;
  flow_.space(style.space_before);
  set_figure_alt(figure, flow_.structure().nodes[std::size_t(flow_.open(Role::figure))]);
  if (image) figure_image(image, indent, caption.height());
  if (!caption.lines.empty()) {
    const std::size_t first = flow_.size();
    flow_.open(Role::caption);
    flow_.add_lines(caption, indent);
    flow_.close();
    for (std::size_t i = first; i + 1 < flow_.size(); ++i) flow_.at(i).keep_with_next = true;
  }
  flow_.close();
  flow_.space(style.space_after);
}

void BlockLayout::figure_image(const std::shared_ptr<const model::FigureImage>& image, double indent,
                               double caption_height) {
  const double gap = 4;  // between the image and its caption
  const double measure = style_.page.measure() - indent;
  // A caption too long to leave the image its minimum: the image keeps the
  // minimum and the caption flows on to the next page.
  const double page_height = style_.page.body_bottom() - style_.page.top;
  const double room = std::max(page_height - caption_height - gap, min_figure_height(page_height));
  const ImageBox box = fit_image(image->width, image->height, measure, room);
  if (box.width <= 0) return;
  Strip strip;
  strip.height = box.height + gap;
  strip.keep_with_next = caption_height > 0;
  strip.images.push_back({indent + (measure - box.width) / 2, 0, box.width, box.height, image, {}});
  flow_.add(std::move(strip));
}

// The figure's alternative text, its alt in the layout's language, else
// its caption in that language (validation warned of a missing alt), else
// the alt in its own language (the node then says which).
void BlockLayout::set_figure_alt(const model::Figure& figure, StructureNode& node) const {
  if (figure.has_alt && model::shown_in(figure.alt_language, language_)) {
    node.alt = figure.alt;
    return;
  }
  for (const model::Caption& caption : figure.captions)
    if (model::shown_in(caption.language, language_)) {
      node.alt = model::plain_text(caption.inlines);
      return;
    }
  node.alt = figure.alt;
  if (figure.alt_language != model::Language::unset) node.language = std::string(model::language_code(figure.alt_language));
}

// "Figure: …" in the layout's language; empty when the figure has no
// caption in it.
ComposedParagraph BlockLayout::figure_caption(const model::Figure& figure, const BlockStyle& style,
                                              double measure) const {
  for (const model::Caption& caption : figure.captions)
    if (model::shown_in(caption.language, language_)) {
      model::Inlines inlines = text(style_.label("figure", language_, {{"value", ""}}));
      inlines.insert(inlines.end(), caption.inlines.begin(), caption.inlines.end());
      return compose(inlines, style, measure);
    }
  return {};
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
    for (char32_t c : text::decode_utf8(run.text))
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
  flow_.open(Role::table);
  std::vector<Strip> head;
  double head_height = 0;
  if (!table.head_rows.empty()) flow_.open(Role::thead);
  for (const model::TableRow& row : table.head_rows) {
    head.push_back(table_row(row, edges, true, number, indent));
    head_height += head.back().height;
  }
  if (!table.head_rows.empty()) flow_.close();
  // A header is repeated on every page the table continues on, and never
  // cut. One taller than half a page is set once, as rows that may be cut
  // like any other: repeated, it would leave no room for the rows it heads
  // (and one taller than a page would run off it).
  const PageGeometry& page = style_.page;
  if (head_height > (page.body_bottom() - page.top) / 2)
    for (Strip& strip : head) strip.table_header = strip.keep_with_next = false;
  else
    for (Strip& strip : head) strip.cuts.clear();
  for (Strip& strip : head) flow_.add(std::move(strip));
  const std::size_t body = table.body_rows.size();
  if (body > 0) flow_.open(Role::tbody);
  for (std::size_t i = 0; i < body; ++i) {
    flow_.add(table_row(table.body_rows[i], edges, false, number, indent));
    // Like a paragraph's lines: no single row left at the foot of a page
    // under its header, none alone at the top of the next.
    if (body >= 4 && (i == 0 || i + 2 == body)) flow_.keep_last_with_next();
  }
  if (body > 0) flow_.close();
  flow_.close();
  flow_.space(style.space_after);
}

// A table row: each cell's paragraph set in its column, and where it may
// be cut between lines (Strip::cuts), for a row taller than a page.
Strip BlockLayout::table_row(const model::TableRow& row, const std::vector<double>& edges, bool header,
                             int table_number, double indent) const {
  BlockStyle style = style_.style("table", language_);
  const double pad = style_.table.cell_padding;
  RowCells cells;
  cells.indent = indent;
  cells.width = edges.back();
  std::size_t column = 0;
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
    cells.text.push_back(compose(cell.inlines, cell_style, std::max(right - left - 2 * pad, 1.0)));
    cells.edges.emplace_back(left, right);
  }
  double height = 0;
  for (const ComposedParagraph& p : cells.text) height = std::max(height, p.height());
  Strip strip;
  strip.table = table_number;
  strip.table_header = header;
  // A body row of header cells only heads the rows below it (a group's
  // name): it never ends a page.
  const bool heads_group = !row.cells.empty() && std::all_of(row.cells.begin(), row.cells.end(),
                                                             [](const model::TableCell& c) { return c.header; });
  strip.keep_with_next = header || heads_group;
  strip.height = height + 2 * pad;
  if (header || row.highlighted)
    strip.rects.push_back({indent, 0, cells.width, strip.height, style_.table.header_tint, true, {}, 0,
                           artifact_ref(Artifact::layout)});
  const int row_node = flow_.open(Role::tr);
  for (std::size_t i = 0; i < cells.text.size(); ++i) {
    const std::size_t first_text = strip.texts.size(), first_link = strip.links.size();
    draw_lines(strip, cells.text[i], indent + cells.edges[i].first + pad, pad);
    flow_.tag(strip, cell_node(row, i, header, row_node), first_text, first_link);
  }
  flow_.close();
  add_row_rules(strip, cells);
  strip.cuts = row_cuts(cells.text, pad);
  return strip;
}

// The structure node of cell `i` of `row`: a TH heads its column in a
// header row and its row elsewhere (a group's name, a row's label).
int BlockLayout::cell_node(const model::TableRow& row, std::size_t i, bool header_row, int row_node) const {
  const model::TableCell& cell = row.cells[i];
  const bool heads = header_row || cell.header;
  const int node = flow_.structure().add(row_node, heads ? Role::th : Role::td);
  StructureNode& made = flow_.structure().nodes[std::size_t(node)];
  if (heads) made.scope = header_row ? Scope::column : Scope::row;
  made.column_span = int(std::max<std::uint32_t>(cell.colspan, 1));
  return node;
}

// Where a row may be cut: between two lines of its tallest cell, where no
// other cell has a line across, leaving at least two lines of the tallest
// cell on each side (no orphan, no widow).
std::vector<double> row_cuts(const std::vector<ComposedParagraph>& cells, double pad) {
  const ComposedParagraph* tallest = nullptr;
  for (const ComposedParagraph& cell : cells)
    if (!tallest || cell.lines.size() > tallest->lines.size()) tallest = &cell;
  std::vector<double> cuts;
  if (!tallest || tallest->lines.size() < 4) return cuts;
  // Each cell's line tops, ascending, so that a cut is checked against the
  // one line of each cell that could hold it (time linear in the lines).
  std::vector<std::vector<double>> tops(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    double top = pad;
    for (const ComposedLine& line : cells[i].lines) {
      tops[i].push_back(top);
      top += line.height;
    }
  }
  const auto crosses_a_line = [&](double y) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      // The last line starting above y is the only one that can be across it.
      auto after = std::lower_bound(tops[i].begin(), tops[i].end(), y, [](double top, double at) { return top + 0.01 < at; });
      if (after == tops[i].begin()) continue;
      const std::size_t k = static_cast<std::size_t>(after - tops[i].begin()) - 1;
      if (y < tops[i][k] + cells[i].lines[k].height - 0.01) return true;
    }
    return false;
  };
  double y = pad;
  for (std::size_t k = 0; k + 2 < tallest->lines.size(); ++k) {
    y += tallest->lines[k].height;
    if (k >= 1 && !crosses_a_line(y)) cuts.push_back(y);
  }
  return cuts;
}

// Rules around a row: above, below, at the sides and between cells (not
// inside a span).
void BlockLayout::add_row_rules(Strip& strip, const RowCells& cells) const {
  const Color rule{0.55, 0.6, 0.68};
  const double w = style_.table.rule_width;
  const double left = cells.indent, right = cells.indent + cells.width;
  const StructureRef drawn = artifact_ref(Artifact::layout);
  strip.lines.push_back({left, 0, right, 0, rule, w, drawn});
  strip.lines.push_back({left, strip.height, right, strip.height, rule, w, drawn});
  strip.lines.push_back({left, 0, left, strip.height, rule, w, drawn});
  for (const auto& [cell_left, cell_right] : cells.edges)
    strip.lines.push_back({left + cell_right, 0, left + cell_right, strip.height, rule, w, drawn});
  if (cells.edges.empty() || cells.edges.back().second < cells.width)
    strip.lines.push_back({right, 0, right, strip.height, rule, w, drawn});
}

}  // namespace ucap::layout
