// The ToUnicode CMap of one embedded font: CID (= glyph id in the subset)
// → the characters it was drawn for, so text extraction and search give
// back exactly the document's text, characters above U+FFFF included.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace ucap::pdf {

// `cid_to_text`: for each CID, the code point(s) it stands for.
std::string build_to_unicode_cmap(const std::map<std::uint16_t, std::u32string>& cid_to_text);

}  // namespace ucap::pdf
