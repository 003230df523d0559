#include "layout/flow.h"

#include <algorithm>
#include <map>

namespace ucap::layout {

FlowBuilder::FlowBuilder() : open_{structure_.add(-1, Role::document)} {}

int FlowBuilder::open(Role role) {
  open_.push_back(structure_.add(current(), role));
  return open_.back();
}

void FlowBuilder::close() {
  if (open_.size() > 1) open_.pop_back();
}

namespace {

bool inside(const PlacedText& text, const LinkArea& link) {
  if (text.x_positions.empty()) return false;
  const double x = text.x_positions.front();
  return x >= link.x - 0.01 && x < link.x + link.width && text.baseline_y >= link.y &&
         text.baseline_y <= link.y + link.height;
}

template <class Box>
void tag_untagged(std::vector<Box>& boxes, int node, std::size_t first = 0) {
  for (std::size_t i = first; i < boxes.size(); ++i)
    if (!boxes[i].tag.known()) boxes[i].tag.node = node;
}

}  // namespace

void FlowBuilder::tag(Strip& strip, int node, std::size_t first_text, std::size_t first_link) {
  for (std::size_t l = first_link; l < strip.links.size(); ++l) {
    LinkArea& link = strip.links[l];
    if (link.tag.known()) continue;
    link.tag.node = structure_.add(node, Role::link);
    for (std::size_t t = first_text; t < strip.texts.size(); ++t)
      if (!strip.texts[t].tag.known() && inside(strip.texts[t], link)) strip.texts[t].tag = link.tag;
  }
  tag_untagged(strip.texts, node, first_text);
  tag_untagged(strip.rects, node);
  tag_untagged(strip.lines, node);
  tag_untagged(strip.images, node);
}

void FlowBuilder::space(double points) { pending_space_ = std::max(pending_space_, points); }

Strip& FlowBuilder::add(Strip strip) {
  strip.space_before = std::max(strip.space_before, pending_space_);
  pending_space_ = 0;
  tag(strip, current());
  strips_.push_back(std::move(strip));
  return strips_.back();
}

void FlowBuilder::add_lines(const ComposedParagraph& paragraph, double x) {
  const std::size_t count = paragraph.lines.size();
  for (std::size_t i = 0; i < count; ++i) {
    Strip& strip = add(strip_of_line(paragraph.lines[i], x));
    const bool orphan_guard = i == 0 && count >= 2;
    const bool widow_guard = count >= 2 && i == count - 2;
    strip.keep_with_next = orphan_guard || widow_guard;
  }
}

void FlowBuilder::keep_last_with_next() {
  if (!strips_.empty()) strips_.back().keep_with_next = true;
}

Strip strip_of_line(const ComposedLine& line, double x) {
  Strip strip;
  strip.height = line.height;
  for (PlacedText piece : line.pieces) {
    for (double& position : piece.x_positions) position += x;
    strip.texts.push_back(std::move(piece));
  }
  for (LinkArea link : line.links) {
    link.x += x;
    strip.links.push_back(std::move(link));
  }
  return strip;
}

double draw_lines(Strip& strip, const ComposedParagraph& paragraph, double x, double top) {
  double y = top;
  for (const ComposedLine& line : paragraph.lines) {
    Strip placed = strip_of_line(line, x);
    for (PlacedText& text : placed.texts) {
      text.baseline_y += y;
      strip.texts.push_back(std::move(text));
    }
    for (LinkArea& link : placed.links) {
      link.y += y;
      strip.links.push_back(std::move(link));
    }
    y += line.height;
  }
  return y - top;
}

namespace {

// `line` above the cut (`upper`) or below it, moved up by `cut`; false when
// nothing of it is on that side.
bool clip_line(PlacedLine& line, double cut, bool upper) {
  const double low = std::min(line.y1, line.y2), high = std::max(line.y1, line.y2);
  if (upper ? low > cut : high < cut) return false;
  if (upper && line.y1 == line.y2 && line.y1 == cut) return true;
  if (!upper && line.y1 == line.y2 && line.y1 == cut) return false;  // the upper part keeps it
  const auto at_cut = [&](double y) { return upper ? std::min(y, cut) : std::max(y, cut) - cut; };
  line.y1 = at_cut(line.y1);
  line.y2 = at_cut(line.y2);
  return true;
}

// Index of the piece (between `cuts`, ascending) that a box whose top is
// at `y` goes to: the first whose cut lies below its top.
std::size_t piece_of_top(const std::vector<double>& cuts, double y) {
  return static_cast<std::size_t>(std::upper_bound(cuts.begin(), cuts.end(), y) - cuts.begin());
}

// The x extents of texts, merged where they overlap, for asking whether a
// text shares a column with any text added so far.
class TextColumns {
 public:
  static std::pair<double, double> extent(const PlacedText& text) {
    // x_positions are left edges: a piece ends about an em after its last.
    return {text.x_positions.front(), text.x_positions.back() + text.size};
  }
  void add(const PlacedText& text) {
    if (text.x_positions.empty()) return;
    auto [from, to] = extent(text);
    auto at = spans_.upper_bound(from);
    if (at != spans_.begin() && std::prev(at)->second > from) at = std::prev(at);
    while (at != spans_.end() && at->first < to) {
      from = std::min(from, at->first);
      to = std::max(to, at->second);
      at = spans_.erase(at);
    }
    spans_.emplace(from, to);
  }
  bool overlaps(const PlacedText& text) const {
    if (text.x_positions.empty()) return false;
    auto [from, to] = extent(text);
    auto after = spans_.lower_bound(to);
    return after != spans_.begin() && std::prev(after)->second > from;
  }

 private:
  std::map<double, double> spans_;  // from → to, disjoint
};

// A strip's fields other than its boxes, for each piece it is cut into.
Strip empty_piece(const Strip& strip, std::size_t index, std::size_t count, double top, double bottom) {
  Strip piece;
  piece.height = bottom - top;
  piece.table = strip.table;
  piece.table_header = strip.table_header;
  if (index == 0) {
    piece.space_before = strip.space_before;
    piece.bookmarks = strip.bookmarks;
  }
  if (index + 1 == count) piece.keep_with_next = strip.keep_with_next;
  return piece;
}

}  // namespace

std::vector<Strip> split_strip(const Strip& strip, const std::vector<double>& cuts) {
  const std::size_t count = cuts.size() + 1;
  const auto top_of = [&](std::size_t k) { return k == 0 ? 0.0 : cuts[k - 1]; };
  std::vector<Strip> pieces;
  pieces.reserve(count);
  for (std::size_t k = 0; k < count; ++k)
    pieces.push_back(empty_piece(strip, k, count, top_of(k), k + 1 < count ? cuts[k] : strip.height));
  for (double each : strip.cuts) {
    const std::size_t k = static_cast<std::size_t>(std::lower_bound(cuts.begin(), cuts.end(), each) - cuts.begin());
    if (k < cuts.size() && cuts[k] == each) continue;  // cut there: no longer a place to cut
    pieces[k].cuts.push_back(each - top_of(k));
  }
  for (PlacedText text : strip.texts) {
    const std::size_t k = static_cast<std::size_t>(std::lower_bound(cuts.begin(), cuts.end(), text.baseline_y) - cuts.begin());
    text.baseline_y -= top_of(k);
    pieces[k].texts.push_back(std::move(text));
  }
  // In each piece, the text of columns that go on below it comes last, so
  // that a cell cut across pages reads on in the text layer without its
  // neighbours' text in between.
  TextColumns below;
  for (std::size_t k = count - 1; k-- > 0;) {
    for (const PlacedText& text : pieces[k + 1].texts) below.add(text);
    std::stable_partition(pieces[k].texts.begin(), pieces[k].texts.end(),
                          [&](const PlacedText& t) { return !below.overlaps(t); });
  }
  // Lines and rectangles are cut at each cut they cross, one cut after the
  // other; they start at the first piece they reach into.
  for (const PlacedLine& line : strip.lines) {
    std::size_t k = static_cast<std::size_t>(
        std::lower_bound(cuts.begin(), cuts.end(), std::min(line.y1, line.y2)) - cuts.begin());
    PlacedLine rest = line;
    rest.y1 -= top_of(k), rest.y2 -= top_of(k);
    for (; k < cuts.size(); ++k) {
      const double cut = cuts[k] - top_of(k);
      PlacedLine above = rest, below_cut = rest;
      if (clip_line(above, cut, true)) pieces[k].lines.push_back(above);
      if (rest.y1 == 0 && rest.y2 == 0) pieces[k].lines.push_back({rest.x1, cut, rest.x2, cut, rest.color, rest.width, rest.tag});
      if (!clip_line(below_cut, cut, false)) break;
      rest = below_cut;
    }
    if (k == cuts.size()) pieces[k].lines.push_back(rest);
  }
  for (const PlacedRect& rect : strip.rects) {
    if (rect.height <= 0 && !cuts.empty()) continue;
    std::size_t k = piece_of_top(cuts, rect.y);
    PlacedRect rest = rect;
    rest.y -= top_of(k);
    for (; k < cuts.size(); ++k) {
      const double cut = cuts[k] - top_of(k);
      PlacedRect above = rest;
      above.height = std::min(rest.y + rest.height, cut) - rest.y;
      if (above.height > 0) pieces[k].rects.push_back(above);
      const double below_y = std::max(rest.y, cut) - cut;
      rest.height = rest.y + rest.height - cut - below_y;
      rest.y = below_y;
      if (rest.height <= 0) break;
    }
    if (k == cuts.size()) pieces[k].rects.push_back(rest);
  }
  for (LinkArea link : strip.links) {
    const std::size_t k = piece_of_top(cuts, link.y);
    link.y -= top_of(k);
    pieces[k].links.push_back(std::move(link));
  }
  for (PlacedImage image : strip.images) {
    const std::size_t k = piece_of_top(cuts, image.y);
    image.y -= top_of(k);
    pieces[k].images.push_back(std::move(image));
  }
  return pieces;
}

std::pair<Strip, Strip> split_strip(const Strip& strip, double cut) {
  std::vector<Strip> pieces = split_strip(strip, std::vector<double>{cut});
  return {std::move(pieces[0]), std::move(pieces[1])};
}

namespace {

// Places strips on pages, top to bottom.
class Paginator {
 public:
  Paginator(const std::vector<Strip>& strips, const PageGeometry& page)
      : strips_(strips), page_(page), headers_(table_headers(strips)) {}

  Pagination run() {
    start_page();
    std::size_t i = 0;
    while (i < strips_.size()) {
      const std::size_t end = chain_end(i);
      if (!fits(i, end) && !page_is_empty() && (fits_on_empty_page(i, end) || !first_part_fits(i, end)))
        start_page(strips_[i]);
      for (std::size_t k = i; k < end; ++k) place_breaking_if_needed(strips_[k]);
      i = end;
    }
    return std::move(result_);
  }

 private:
  // One past the last strip of the keep-with-next chain starting at `i`.
  std::size_t chain_end(std::size_t i) const {
    while (i < strips_.size() && strips_[i].keep_with_next) ++i;
    return std::min(i + 1, strips_.size());
  }

  double chain_height(std::size_t begin, std::size_t end, bool at_top) const {
    double height = 0;
    for (std::size_t k = begin; k < end; ++k)
      height += strips_[k].height + ((k == begin && at_top) ? 0 : strips_[k].space_before);
    return height;
  }

  bool fits(std::size_t begin, std::size_t end) const {
    return y_ + chain_height(begin, end, page_is_empty()) <= page_.body_bottom() + 0.01;
  }

  // A chain too tall for any page that ends in a strip with cuts (a table's
  // header row and a row taller than a page): true when the chain up to
  // that strip's first cut fits here, so that the header is not left alone.
  bool first_part_fits(std::size_t begin, std::size_t end) const {
    const Strip& last = strips_[end - 1];
    if (last.cuts.empty()) return true;
    const double above = chain_height(begin, end - 1, page_is_empty());
    const double before = end - 1 == begin && page_is_empty() ? 0 : last.space_before;
    return y_ + above + before + last.cuts.front() <= page_.body_bottom() + 0.01;
  }

  bool fits_on_empty_page(std::size_t begin, std::size_t end) const {
    return chain_height(begin, end, true) <= page_.body_bottom() - page_.top - header_height(strips_[begin]);
  }

  double header_height(const Strip& next) const {
    if (next.table < 0 || next.table_header) return 0;
    double height = 0;
    for (const Strip* header : headers_of(next.table)) height += header->height;
    return height;
  }

  const std::vector<const Strip*>& headers_of(int table) const {
    static const std::vector<const Strip*> none;
    auto found = headers_.find(table);
    return found == headers_.end() ? none : found->second;
  }

  // Each table's header rows, found once rather than on every page.
  static std::map<int, std::vector<const Strip*>> table_headers(const std::vector<Strip>& strips) {
    std::map<int, std::vector<const Strip*>> headers;
    for (const Strip& strip : strips)
      if (strip.table >= 0 && strip.table_header) headers[strip.table].push_back(&strip);
    return headers;
  }

  bool page_is_empty() const { return y_ <= page_.top + repeated_header_height_; }

  void place_breaking_if_needed(const Strip& strip) {
    const double before = page_is_empty() ? 0 : strip.space_before;
    const bool overflows = y_ + before + strip.height > page_.body_bottom() + 0.01;
    if (overflows && !strip.cuts.empty() && !fits_on_empty_page(strip)) return place_cutting(strip);
    if (overflows && !page_is_empty()) start_page(strip);
    else y_ += before;
    place(strip);
  }

  bool fits_on_empty_page(const Strip& strip) const {
    return strip.height <= page_.body_bottom() - page_.top - header_height(strip) + 0.01;
  }

  // A strip taller than a page: as much as fits here, cut between lines,
  // the rest on the next pages (under the table's repeated header). The
  // cuts are chosen first, then the strip is cut at all of them at once, in
  // time linear in its size however many pages it takes.
  void place_cutting(const Strip& strip) {
    const PageCuts plan = plan_cuts(strip);
    if (plan.new_page_first) start_page(strip);
    std::vector<Strip> pieces = split_strip(strip, plan.cuts);
    for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
      y_ += page_is_empty() ? 0 : pieces[k].space_before;
      place(pieces[k]);
      start_page(strip);
    }
    y_ += page_is_empty() ? 0 : pieces.back().space_before;
    place(pieces.back());
  }

  struct PageCuts {
    bool new_page_first = false;  // not even its first line fits here
    std::vector<double> cuts;     // where each page ends, from the strip's top
  };

  // Where place_cutting cuts `strip`: at the last cut that fits each page,
  // the first page being what is left of this one.
  PageCuts plan_cuts(const Strip& strip) const {
    PageCuts plan;
    double new_page_y = page_.top;  // as start_page(strip) leaves it
    if (strip.table >= 0 && !strip.table_header)
      for (const Strip* header : headers_of(strip.table)) new_page_y += header->height;
    double y = y_, top = 0;
    bool empty = page_is_empty();
    auto next = strip.cuts.begin();  // the first cut below `top`
    while (true) {
      const double room = page_.body_bottom() - y - (empty ? 0 : strip.space_before) + 0.01;
      if (strip.height - top <= room) break;
      auto fitting = std::upper_bound(next, strip.cuts.end(), top + room);
      if (fitting == next) {
        if (empty) break;  // no cut fits even an empty page: it overflows, as any over-tall strip
        plan.new_page_first = true;
      } else {
        top = *std::prev(fitting);
        plan.cuts.push_back(top);
        next = fitting;
      }
      y = new_page_y, empty = true;
    }
    return plan;
  }

  void start_page(const Strip& next) {
    start_page();
    if (next.table < 0 || next.table_header) return;
    for (const Strip* header : headers_of(next.table)) place(*header, /*repeated=*/true);
    repeated_header_height_ = y_ - page_.top;
  }

  void start_page() {
    Page page;
    page.width = page_.width;
    page.height = page_.height;
    result_.pages.push_back(std::move(page));
    y_ = page_.top;
    repeated_header_height_ = 0;
  }

  // A table's header repeated on a continuation page: not in the outline,
  // and drawn as an artifact (the structure has the header once).
  void place(const Strip& strip, bool repeated = false) {
    Page& page = result_.pages.back();
    const double x = page_.left;
    const auto mark = [&](auto& box) {
      if (repeated) box.tag = artifact_ref(Artifact::layout);
    };
    for (PlacedText text : strip.texts) {
      mark(text);
      text.baseline_y += y_;
      for (double& position : text.x_positions) position += x;
      page.texts.push_back(std::move(text));
    }
    for (PlacedRect rect : strip.rects) {
      mark(rect);
      rect.x += x;
      rect.y += y_;
      page.rects.push_back(rect);
    }
    for (PlacedLine line : strip.lines) {
      mark(line);
      line.x1 += x, line.x2 += x, line.y1 += y_, line.y2 += y_;
      page.lines.push_back(line);
    }
    for (PlacedImage image : strip.images) {
      mark(image);
      image.x += x;
      image.y += y_;
      page.images.push_back(std::move(image));
    }
    for (LinkArea link : strip.links) {
      link.x += x;
      link.y += y_;
      page.links.push_back(std::move(link));
    }
    if (!repeated)
      for (const Bookmark& mark : strip.bookmarks)
        result_.outline.push_back({mark.title, int(result_.pages.size() - 1), y_, mark.level});
    y_ += strip.height;
  }

  const std::vector<Strip>& strips_;
  const PageGeometry& page_;
  const std::map<int, std::vector<const Strip*>> headers_;
  Pagination result_;
  double y_ = 0;
  double repeated_header_height_ = 0;
};

}  // namespace

Pagination paginate(const std::vector<Strip>& strips, const PageGeometry& page) {
  return Paginator(strips, page).run();
}

}  // namespace ucap::layout
