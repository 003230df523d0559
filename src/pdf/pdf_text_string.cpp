#include "pdf/pdf_text_string.h"

#include "text/normalize.h"

namespace ucap::pdf {
namespace {

template <class Emit>
void for_each_utf16_unit(char32_t c, Emit emit) {
  if (c > 0xFFFF) {
    c -= 0x10000;
    emit(std::uint16_t(0xD800 + (c >> 10)));
    emit(std::uint16_t(0xDC00 + (c & 0x3FF)));
  } else {
    emit(std::uint16_t(c));
  }
}

}  // namespace

std::vector<std::uint8_t> utf16be_with_bom(std::string_view utf8) {
  std::vector<std::uint8_t> out{0xFE, 0xFF};
  for (char32_t c : text::decode_utf8(utf8))
    for_each_utf16_unit(c, [&](std::uint16_t u) {
      out.push_back(std::uint8_t(u >> 8));
      out.push_back(std::uint8_t(u & 0xFF));
    });
  return out;
}

void append_hex4(std::string& out, std::uint16_t value) {
  static constexpr char digits[] = "0123456789ABCDEF";
  const char hex[4] = {digits[value >> 12], digits[(value >> 8) & 0xF], digits[(value >> 4) & 0xF], digits[value & 0xF]};
  out.append(hex, 4);
}

void append_utf16be_hex(std::string& out, char32_t c) {
  for_each_utf16_unit(c, [&](std::uint16_t u) { append_hex4(out, u); });
}

}  // namespace ucap::pdf
