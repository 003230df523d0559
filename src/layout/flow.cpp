#include "layout/flow.h"

#include <algorithm>

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

// Boxes (links, images) go to the side of the cut their top is on.
template <class Box>
void split_by_top(const std::vector<Box>& boxes, double cut, std::vector<Box>& upper, std::vector<Box>& lower) {
  for (Box box : boxes) {
    if (box.y < cut) {
      upper.push_back(std::move(box));
    } else {
      box.y -= cut;
      lower.push_back(std::move(box));
    }
  }
}

}  // namespace

std::pair<Strip, Strip> split_strip(const Strip& strip, double cut) {
  Strip upper, lower;
  upper.height = cut;
  upper.space_before = strip.space_before;
  upper.table = lower.table = strip.table;
  upper.table_header = lower.table_header = strip.table_header;
  upper.bookmarks = strip.bookmarks;
  lower.height = strip.height - cut;
  lower.keep_with_next = strip.keep_with_next;
  for (double each : strip.cuts) {
    if (each < cut) upper.cuts.push_back(each);
    else if (each > cut) lower.cuts.push_back(each - cut);
  }
  for (PlacedText text : strip.texts) {
    if (text.baseline_y <= cut) {
      upper.texts.push_back(std::move(text));
    } else {
      text.baseline_y -= cut;
      lower.texts.push_back(std::move(text));
    }
  }
  // Above the cut, the text of columns that go on below it comes last, so
  // that a cell cut across pages reads on in the text layer without its
  // neighbours' text in between.
  const auto goes_on_below = [&](const PlacedText& text) {
    if (text.x_positions.empty()) return false;
    for (const PlacedText& below : lower.texts)
      // x_positions are left edges: a piece ends about an em after its last.
      if (!below.x_positions.empty() && below.x_positions.front() < text.x_positions.back() + text.size &&
          text.x_positions.front() < below.x_positions.back() + below.size)
        return true;
    return false;
  };
  std::stable_partition(upper.texts.begin(), upper.texts.end(), [&](const PlacedText& t) { return !goes_on_below(t); });
  for (const PlacedLine& line : strip.lines) {
    PlacedLine above = line, below = line;
    if (clip_line(above, cut, true)) upper.lines.push_back(above);
    if (clip_line(below, cut, false)) lower.lines.push_back(below);
    if (line.y1 == 0 && line.y2 == 0) upper.lines.push_back({line.x1, cut, line.x2, cut, line.color, line.width, line.tag});
  }
  for (const PlacedRect& rect : strip.rects) {
    PlacedRect above = rect, below = rect;
    above.height = std::min(rect.y + rect.height, cut) - rect.y;
    if (above.height > 0) upper.rects.push_back(above);
    below.y = std::max(rect.y, cut) - cut;
    below.height = rect.y + rect.height - cut - below.y;
    if (below.height > 0) lower.rects.push_back(below);
  }
  split_by_top(strip.links, cut, upper.links, lower.links);
  split_by_top(strip.images, cut, upper.images, lower.images);
  return {std::move(upper), std::move(lower)};
}

namespace {

// Places strips on pages, top to bottom.
class Paginator {
 public:
  Paginator(const std::vector<Strip>& strips, const PageGeometry& page) : strips_(strips), page_(page) {}

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

  std::vector<const Strip*> headers_of(int table) const {
    std::vector<const Strip*> headers;
    for (const Strip& strip : strips_)
      if (strip.table == table && strip.table_header) headers.push_back(&strip);
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
  // the rest on the next pages (under the table's repeated header).
  void place_cutting(const Strip& strip) {
    Strip rest = strip;
    while (true) {
      const double before = page_is_empty() ? 0 : rest.space_before;
      const double room = page_.body_bottom() - y_ - before + 0.01;
      if (rest.height <= room) break;
      auto fitting = std::upper_bound(rest.cuts.begin(), rest.cuts.end(), room);
      if (fitting == rest.cuts.begin()) {
        if (page_is_empty()) break;  // no cut fits even an empty page: it overflows, as any over-tall strip
        start_page(rest);
        continue;
      }
      auto [upper, lower] = split_strip(rest, *std::prev(fitting));
      y_ += before;
      place(upper);
      start_page(lower);
      rest = std::move(lower);
    }
    y_ += page_is_empty() ? 0 : rest.space_before;
    place(rest);
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
  Pagination result_;
  double y_ = 0;
  double repeated_header_height_ = 0;
};

}  // namespace

Pagination paginate(const std::vector<Strip>& strips, const PageGeometry& page) {
  return Paginator(strips, page).run();
}

}  // namespace ucap::layout
