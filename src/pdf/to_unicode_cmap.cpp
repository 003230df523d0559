#include "pdf/to_unicode_cmap.h"

#include <vector>

#include "pdf/pdf_text_string.h"

namespace ucap::pdf {

std::string build_to_unicode_cmap(const std::map<std::uint16_t, std::u32string>& cid_to_text) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // bfchar only: a subset's CIDs are dense but their characters are not in
  // sequence, so ranges would rarely save anything. At most 100 per block.
  std::vector<std::pair<std::uint16_t, const std::u32string*>> entries;
  for (const auto& [cid, text] : cid_to_text)
    if (!text.empty()) entries.emplace_back(cid, &text);
  for (std::size_t start = 0; start < entries.size(); start += 100) {
    std::size_t end = std::min(entries.size(), start + 100);
    out += std::to_string(end - start) + " beginbfchar\n";
    for (std::size_t i = start; i < end; ++i) {
      out += '<';
      append_hex4(out, entries[i].first);
      out += "> <";
      for (char32_t c : *entries[i].second) append_utf16be_hex(out, c);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace ucap::pdf
