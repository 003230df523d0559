// UTF-8 → code points, as the layout counts them (one x position per code
// point). A malformed byte decodes as U+FFFD so counts never drift.
#pragma once

#include <string_view>
#include <vector>

namespace ucap::font {

std::vector<char32_t> decode_utf8(std::string_view text);

}  // namespace ucap::font
