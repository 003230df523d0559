// The vertical flow of a document before it meets pages: a list of strips
// (a line of a paragraph, a table row, a heading line), each with the rules
// for breaking pages around it. The block layout fills a Flow; paginate()
// cuts it into pages. Coordinates inside a strip: x from the text area's
// left edge, y from the strip's top.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "layout/document_style.h"
#include "layout/page_boxes.h"
#include "layout/paragraph.h"
#include "layout/structure.h"

namespace ucap::layout {

struct Bookmark {
  std::string title;
  int level = 0;
  std::string language;  // of the title: "en", "ja"
};

struct Strip {
  double height = 0;
  double space_before = 0;      // dropped when the strip starts a page
  bool keep_with_next = false;  // no page break between this strip and the next
  std::vector<PlacedText> texts;
  std::vector<PlacedRect> rects;
  std::vector<PlacedLine> lines;
  std::vector<PlacedImage> images;
  std::vector<LinkArea> links;
  std::vector<Bookmark> bookmarks;  // outline entries pointing at this strip's top
  // Table rows: the table's number, and whether this row is a header row
  // that is repeated at the top of each page the table continues on.
  int table = -1;
  bool table_header = false;
  // Where the strip may be cut when it is taller than a page (y from its
  // top, ascending): between the lines of a table row. Empty: never cut.
  std::vector<double> cuts;
};

// The part of `strip` above `cut` (closed by a copy of its top rules) and
// the part below it, moved up to start at 0. Lines that cross the cut are
// shortened to each side.
std::pair<Strip, Strip> split_strip(const Strip& strip, double cut);

// The same at every one of `cuts` (ascending) at once, as if cut at each in
// turn: the pieces from top to bottom, in time linear in the strip's boxes.
std::vector<Strip> split_strip(const Strip& strip, const std::vector<double>& cuts);

class FlowBuilder {
 public:
  FlowBuilder();

  // The structure the boxes belong to (structure.h). `open` starts a node
  // under the current one and makes it current, `close` returns to its
  // parent; every box added without a tag belongs to the current node.
  int open(Role role);
  void close();
  int current() const { return open_.back(); }
  Structure& structure() { return structure_; }
  Structure take_structure() { return std::move(structure_); }
  // Tags the untagged boxes of `strip` (texts from `first_text`, link
  // areas from `first_link`) with `node`. Each untagged link area becomes a
  // Link node under `node`, holding the text inside the area.
  void tag(Strip& strip, int node, std::size_t first_text = 0, std::size_t first_link = 0);

  // At least `points` of space before the next strip (spaces do not add
  // up: a heading's space-before swallows the paragraph's space-after).
  void space(double points);
  Strip& add(Strip strip);
  // The lines of a paragraph, shifted right by `x`; the first two and the
  // last two lines are kept together (no orphan, no widow).
  void add_lines(const ComposedParagraph& paragraph, double x);
  // Ties the last strip added to the next one (headings, labels).
  void keep_last_with_next();
  int new_table_number() { return tables_++; }
  bool empty() const { return strips_.empty(); }
  std::size_t size() const { return strips_.size(); }
  Strip& at(std::size_t index) { return strips_[index]; }

  std::vector<Strip> take() { return std::move(strips_); }

 private:
  std::vector<Strip> strips_;
  Structure structure_;
  std::vector<int> open_;  // the open nodes, the current one last
  double pending_space_ = 0;
  int tables_ = 0;
};

// A ComposedLine as a strip: pieces and link areas shifted right by `x`.
Strip strip_of_line(const ComposedLine& line, double x);

// Draws a paragraph's lines into one strip (a table cell, a chart label),
// stacked from `top`, shifted right by `x`; returns the height they take.
double draw_lines(Strip& strip, const ComposedParagraph& paragraph, double x, double top);

// Cuts strips into pages of `page`'s text area. A chain of strips joined
// by keep_with_next moves whole to the next page when it does not fit and
// would fit on an empty page; a chain taller than a page breaks where it
// must. Table header rows are repeated on each page a table continues on.
// A strip taller than a page is cut at the last of its cuts that fits.
struct Pagination {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
};
Pagination paginate(const std::vector<Strip>& strips, const PageGeometry& page);

}  // namespace ucap::layout
