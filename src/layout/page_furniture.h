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
// language and style of `blocks`.
void place_line(const BlockLayout& blocks, Page& page, const std::string& text, std::string_view style_name,
                double baseline);

// The running header `header` (with a rule below it) on every page but the
// first, and the "page-number" label on every page.
void add_running_header_and_footer(const BlockLayout& blocks, std::vector<Page>& pages, const std::string& header);

}  // namespace ucap::layout
