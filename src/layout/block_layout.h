// Blocks of FORMAT.md §2 (paragraphs, lists, notes, tables, figures) into
// strips of the flow, in one language. Used by the plan and report
// layouts; knows nothing about sections or activities.
#pragma once

#include <string>
#include <string_view>

#include "font/font_choice.h"
#include "layout/document_style.h"
#include "layout/flow.h"
#include "model/blocks.h"
#include "model/figure_image.h"
#include "model/language.h"
#include "text/hyphenation.h"

namespace ucap::layout {

class BlockLayout {
 public:
  // `images`: the figures' images by src, loaded upstream; a figure whose
  // image is not there shows its caption alone.
  // `hyphenator`: the engine's patterns; null sets English without hyphenation.
  BlockLayout(FlowBuilder& flow, const DocumentStyle& style, const font::TextMeasurer& measurer,
              model::Language language, const model::FigureImages* images = nullptr,
              const text::Hyphenator* hyphenator = nullptr)
      : flow_(flow), style_(style), measurer_(measurer), language_(language), images_(images),
        hyphenator_(hyphenator) {}

  // The blocks shown in this layout's language, `indent` points from the
  // text area's left edge.
  void blocks(const model::Blocks& blocks, double indent = 0);

  // One paragraph in the named style, a `role` node of the structure (P,
  // or H1 for a title); returns the index of its first strip.
  std::size_t paragraph(const model::Inlines& inlines, std::string_view style_name, double indent = 0,
                        Role role = Role::p);
  // A heading: bold, kept with what follows, optionally in the outline; an
  // H2 at bookmark level 0, an H3 below, as the outline nests them.
  void heading(const model::Inlines& inlines, std::string_view style_name, const std::string& bookmark,
               int bookmark_level);

  // Sets inlines to `measure`. The style's first-line indent applies only
  // when asked: a body paragraph, never a list item, cell or heading.
  ComposedParagraph compose(const model::Inlines& inlines, const BlockStyle& style, double measure,
                            bool indent_first_line = false) const;
  model::Language language() const { return language_; }
  const DocumentStyle& style() const { return style_; }

  // A run of plain text (labels the layout adds).
  static model::Inlines text(std::string value, std::uint8_t inline_style = model::style_plain);

  // A table cell of plain text (tables the layout builds from data).
  static model::TableCell cell(std::string text, model::CellAlign align = model::CellAlign::left, bool header = false);

  // "1." or "（1）": the template's label for an ordered list's item n.
  std::string number_label(int number) const;

  // A list item (an LI of the structure's current list): the label
  // right-aligned before `indent`, the item's text and blocks from `indent` on.
  void list_item(const std::string& label, const model::Inlines& inlines, const model::Blocks& blocks,
                 double indent, std::string_view style_name = "body");

 private:
  void block(const model::Block& block, double indent);
  double nested_indent(double indent, double step) const;
  void list(const model::List& list, double indent, int depth);
  void note(const model::Note& note, double indent);
  void table(const model::Table& table, double indent);
  void figure(const model::Figure& figure, double indent);
  void figure_image(const std::shared_ptr<const model::FigureImage>& image, double indent, double caption_height);
  ComposedParagraph figure_caption(const model::Figure& figure, const BlockStyle& style, double measure) const;
  void set_figure_alt(const model::Figure& figure, StructureNode& node) const;
  int cell_node(const model::TableRow& row, std::size_t i, bool header_row, int row_node) const;
  // A row's cells set in their columns.
  struct RowCells {
    std::vector<ComposedParagraph> text;
    std::vector<std::pair<double, double>> edges;  // left, right of each cell
    double indent = 0, width = 0;
  };
  Strip table_row(const model::TableRow& row, const std::vector<double>& column_x, bool header, int table_number,
                  double indent) const;
  void add_row_rules(Strip& strip, const RowCells& cells) const;
  PlacedText label_text(const std::string& label, const BlockStyle& style, double right_edge,
                        double baseline) const;

  FlowBuilder& flow_;
  const DocumentStyle& style_;
  const font::TextMeasurer& measurer_;
  model::Language language_;
  const model::FigureImages* images_;
  const text::Hyphenator* hyphenator_;
  model::EnglishRegion region_ = model::EnglishRegion::unset;  // of the block being set
};

// Where a table row whose cells are set as `cells` (each from `pad` below
// the row's top) may be cut between lines; see Strip::cuts.
std::vector<double> row_cuts(const std::vector<ComposedParagraph>& cells, double pad);

// The size an image is drawn at: its natural size at 96 pixels per inch
// (what a screen shows at 100 %), shrunk, never enlarged, to fit
// `max_width` × `max_height` with its proportions kept.
struct ImageBox {
  double width = 0, height = 0;
};
ImageBox fit_image(std::uint32_t pixel_width, std::uint32_t pixel_height, double max_width, double max_height);

// The height a figure's image is never shrunk below to leave room for its
// caption on the page (a quarter of the text area): a caption longer than
// that leaves flows on to the next page instead of the image vanishing.
inline double min_figure_height(double text_area_height) { return text_area_height / 4; }

}  // namespace ucap::layout
