// User text inside a finding's message. A finding quotes what it is about,
// but a value may be megabytes long (a minified attribute, a runaway
// element name): quoted values are cut so that each finding stays short and
// the findings of a file stay within a few times its size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ucap::model {

// Code points of a value a finding quotes whole; a longer one is cut there.
inline constexpr std::size_t max_quoted_code_points = 60;

// `value` whole when it is short, else its first max_quoted_code_points
// code points (never half a UTF-8 sequence) and "…".
std::string quoted(std::string_view value);

// " (and N more THINGS)" for N > 0, nothing for 0: the tail of a finding
// that stands for a mistake repeated in one value.
std::string and_more(std::size_t count, std::string_view things);

}  // namespace ucap::model
