#include "layout/flow.h"

#include <algorithm>

namespace ucap::layout {

void FlowBuilder::space(double points) { pending_space_ = std::max(pending_space_, points); }

Strip& FlowBuilder::add(Strip strip) {
  strip.space_before = std::max(strip.space_before, pending_space_);
  pending_space_ = 0;
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

// Places strips on pages, top to bottom.
class Paginator {
 public:
  Paginator(const std::vector<Strip>& strips, const PageGeometry& page) : strips_(strips), page_(page) {}

  Pagination run() {
    start_page();
    std::size_t i = 0;
    while (i < strips_.size()) {
      const std::size_t end = chain_end(i);
      if (!fits(i, end) && !page_is_empty() && fits_on_empty_page(i, end)) start_page(strips_[i]);
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
    if (y_ + before + strip.height > page_.body_bottom() + 0.01 && !page_is_empty()) start_page(strip);
    else y_ += before;
    place(strip);
  }

  void start_page(const Strip& next) {
    start_page();
    if (next.table < 0 || next.table_header) return;
    for (const Strip* header : headers_of(next.table)) place(*header, /*bookmarks=*/false);
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

  void place(const Strip& strip, bool bookmarks = true) {
    Page& page = result_.pages.back();
    const double x = page_.left;
    for (PlacedText text : strip.texts) {
      text.baseline_y += y_;
      for (double& position : text.x_positions) position += x;
      page.texts.push_back(std::move(text));
    }
    for (PlacedRect rect : strip.rects) {
      rect.x += x;
      rect.y += y_;
      page.rects.push_back(rect);
    }
    for (PlacedLine line : strip.lines) {
      line.x1 += x, line.x2 += x, line.y1 += y_, line.y2 += y_;
      page.lines.push_back(line);
    }
    for (PlacedImage image : strip.images) {
      image.x += x;
      image.y += y_;
      page.images.push_back(std::move(image));
    }
    for (LinkArea link : strip.links) {
      link.x += x;
      link.y += y_;
      page.links.push_back(std::move(link));
    }
    if (bookmarks)
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
