// Numbers in content streams: fixed notation, at most three decimals,
// locale-independent (std::to_chars), so the bytes never depend on the
// machine's locale.
#pragma once

#include <string>

namespace ucap::pdf {

void append_number(std::string& out, double value);

}  // namespace ucap::pdf
