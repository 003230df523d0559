#include "pdf/pdf_number.h"

#include <charconv>
#include <cmath>

namespace ucap::pdf {

void append_number(std::string& out, double value) {
  double rounded = std::round(value * 1000) / 1000;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 3);
  if (ec != std::errc()) { out += '0'; return; }
  char* last = end;
  while (last > buf && last[-1] == '0') --last;
  if (last > buf && last[-1] == '.') --last;
  out.append(buf, last);
}

}  // namespace ucap::pdf
