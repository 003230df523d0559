#include "layout/page_furniture.h"

#include "text/normalize.h"

namespace ucap::layout {
namespace {

// The space between two running headers side by side (the bilingual edition).
constexpr double running_header_gap = 24;

}  // namespace

void add_title_rule(FlowBuilder& flow, const DocumentStyle& style) {
  Strip rule;
  rule.height = 14;
  rule.space_before = 4;
  rule.lines.push_back({0, 7, style.page.measure(), 7, {0.05, 0.2, 0.45}, 0.8, artifact_ref(Artifact::layout)});
  flow.add(std::move(rule));
}

void place_line(const BlockLayout& blocks, Page& page, const std::string& text, std::string_view style_name,
                double baseline, Alignment alignment, StructureRef tag) {
  BlockStyle style = blocks.style().style(style_name, blocks.language());
  if (alignment != Alignment::left) style.paragraph.alignment = alignment;
  ComposedParagraph composed = blocks.compose(BlockLayout::text(text), style, style.paragraph.measure);
  if (composed.lines.empty()) return;
  for (PlacedText piece : composed.lines.front().pieces) {
    piece.baseline_y = baseline;
    piece.tag = tag;
    for (double& x : piece.x_positions) x += blocks.style().page.left;
    page.texts.push_back(std::move(piece));
  }
}

double line_width(const BlockLayout& blocks, const std::string& text, std::string_view style_name) {
  const BlockStyle style = blocks.style().style(style_name, blocks.language());
  ComposedParagraph composed = blocks.compose(BlockLayout::text(text), style, 1e6);
  return composed.lines.empty() ? 0 : composed.lines.front().right - composed.lines.front().left;
}

std::string fitted_to(const BlockLayout& blocks, const std::string& text, std::string_view style_name, double width) {
  if (line_width(blocks, text, style_name) <= width) return text;
  std::vector<std::size_t> ends;  // byte offset after each character
  for (std::size_t at = 0; at < text.size();) {
    text::decode_utf8(text, at);
    ends.push_back(at);
  }
  const auto cut = [&](std::size_t characters) {
    std::string shown = text.substr(0, characters == 0 ? 0 : ends[characters - 1]);
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    return shown + "…";
  };
  // The most characters that fit with the ellipsis (width grows with them).
  std::size_t low = 0, high = ends.size();
  while (low < high) {
    const std::size_t middle = (low + high + 1) / 2;
    if (line_width(blocks, cut(middle), style_name) <= width) low = middle;
    else high = middle - 1;
  }
  return cut(low);
}

double side_by_side_width(const std::vector<RunningHeader>& headers) {
  double width = running_header_gap * double(headers.size() - 1);
  for (const RunningHeader& header : headers) width += line_width(header.blocks, header.text, "running-header");
  return width;
}

void add_running_header_and_footer(const BlockLayout& blocks, std::vector<Page>& pages, const std::string& header) {
  add_running_header_and_footer({{blocks, header}}, pages);
}

void add_running_header_and_footer(const std::vector<RunningHeader>& headers, std::vector<Page>& pages) {
  const BlockLayout& blocks = headers.front().blocks;
  const DocumentStyle& style = blocks.style();
  const double gaps = running_header_gap * double(headers.size() - 1);
  const double each = side_by_side_width(headers) <= style.page.measure()
                          ? style.page.measure()
                          : (style.page.measure() - gaps) / double(headers.size());
  std::vector<std::string> shown;
  for (const RunningHeader& header : headers) shown.push_back(fitted_to(header.blocks, header.text, "running-header", each));
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) {
      for (std::size_t h = 0; h < headers.size(); ++h)
        place_line(headers[h].blocks, pages[i], shown[h], "running-header", style.page.header_baseline,
                   h == 0 ? Alignment::left : Alignment::right);
      const double rule_y = style.page.header_baseline + 5;
      pages[i].lines.push_back({style.page.left, rule_y, style.page.width - style.page.right, rule_y, {0.6, 0.6, 0.6}, 0.4,
                                artifact_ref(Artifact::header)});
    }
    const std::string number = style.label("page-number", blocks.language(),
                                           {{"n", std::to_string(i + 1)}, {"total", std::to_string(pages.size())}});
    place_line(blocks, pages[i], number, "footer", style.page.footer_baseline, Alignment::left,
               artifact_ref(Artifact::footer));
  }
}

}  // namespace ucap::layout
