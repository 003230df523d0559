// PDF text strings (document info, outline titles) as UTF-16BE with a BOM,
// the one encoding every reader takes for any script.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ucap::pdf {

std::vector<std::uint8_t> utf16be_with_bom(std::string_view utf8);

// Appends `c` as UTF-16BE hex digits (a surrogate pair above U+FFFF), as a
// ToUnicode CMap wants it: U+20B9F → "D842DF9F".
void append_utf16be_hex(std::string& out, char32_t c);

// Appends four upper-case hex digits: 0x3042 → "3042".
void append_hex4(std::string& out, std::uint16_t value);

}  // namespace ucap::pdf
