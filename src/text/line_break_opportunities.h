// Where a line may break: ICU's line BreakIterator (UAX #14), tightened by
// the JLREQ line-start and line-end rules (kinsoku) of japanese_classes.h.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/language.h"

namespace ucap::text {

// For `text` of n code points, n + 1 flags: flags[i] != 0 when a line may
// end before code point i. flags[0] is always 0 (no empty first line) and
// flags[n] always 1. A break after a space is reported after the space
// (ICU's convention); the composer drops the space at the line end.
//
// Japanese text uses ICU's `ja@lb=strict` rules, everything else `en`.
// ICU leaves some JLREQ cases to the application (e.g. a break before ー
// or ％ after a space, before an en dash); every flag whose neighbours
// (looking past spaces) would put a prohibited_at_line_start character at
// a line start or a prohibited_at_line_end one at a line end is cleared.
std::vector<std::uint8_t> line_break_opportunities(std::u32string_view text,
                                                   model::Language language);

// True if a break between `before` and `after` (the nearest non-space
// characters on either side) keeps the JLREQ line-start/line-end rules.
bool kinsoku_allows_break(char32_t before, char32_t after);

}  // namespace ucap::text
