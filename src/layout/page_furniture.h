// What every document of the engine has around its text, shared by the
// plan and report layouts: the rule under the title block, a running
// header on every page but the first, and "n / N" at the foot of each page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/block_layout.h"
#include "layout/flow.h"
#include "layout/page_boxes.h"

namespace ucap::layout {

// The coloured rule that closes a title block.
void add_title_rule(FlowBuilder& flow, const DocumentStyle& style);

// One line of text at a fixed baseline in the page's margin, in the
// language and style of `blocks`, at the left or flush right: page
// furniture, an artifact of the kind `tag` says.
void place_line(const BlockLayout& blocks, Page& page, const std::string& text, std::string_view style_name,
                double baseline, Alignment alignment = Alignment::left,
                StructureRef tag = artifact_ref(Artifact::header));

// The width of `text` set on one line in the named style of `blocks`.
double line_width(const BlockLayout& blocks, const std::string& text, std::string_view style_name);

// `text` as it is when it fits `width` on one line in the named style, else
// cut after as many characters as fit with "…" after them: a running header
// has one line, and the title block holds the whole text.
std::string fitted_to(const BlockLayout& blocks, const std::string& text, std::string_view style_name, double width);

// The running header `header` (with a rule below it) on every page but the
// first, and the "page-number" label on every page.
void add_running_header_and_footer(const BlockLayout& blocks, std::vector<Page>& pages, const std::string& header);

// The same with one running header per language (the bilingual edition):
// the first at the left margin, the second flush right; the page number in
// the first's language. Headers that do not fit side by side get half the
// line each (fitted_to).
struct RunningHeader {
  const BlockLayout& blocks;
  std::string text;
};
void add_running_header_and_footer(const std::vector<RunningHeader>& headers, std::vector<Page>& pages);

// The width the headers take side by side, gaps included.
double side_by_side_width(const std::vector<RunningHeader>& headers);

}  // namespace ucap::layout
