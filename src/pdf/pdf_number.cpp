#include "pdf/pdf_number.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace ucap::pdf {

namespace {

// The old way, for magnitudes an integer of thousandths cannot hold.
void append_number_by_to_chars(std::string& out, double value) {
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

}  // namespace

// Integer arithmetic on the value in thousandths: the same digits as
// to_chars(round(v·1000)/1000, fixed, 3) with trailing zeros cut, at a
// tenth of the cost (numbers were half of writing a page's content).
void append_number(std::string& out, double value) {
  const double thousandths = std::round(value * 1000);
  if (!(std::abs(thousandths) < 1e15)) return append_number_by_to_chars(out, value);  // also NaN
  long long whole = static_cast<long long>(thousandths);
  if (whole == 0) { out += '0'; return; }  // no "-0"
  const bool negative = whole < 0;
  unsigned long long rest = static_cast<unsigned long long>(negative ? -whole : whole);
  char buf[24];
  char* const end = buf + sizeof buf;
  char* first = end;
  if (unsigned fraction = unsigned(rest % 1000); fraction != 0) {
    char digits[3] = {char('0' + fraction / 100), char('0' + fraction / 10 % 10), char('0' + fraction % 10)};
    int length = 3;
    while (digits[length - 1] == '0') --length;
    first -= length;
    std::copy(digits, digits + length, first);
    *--first = '.';
  }
  rest /= 1000;
  do {
    *--first = char('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  if (negative) *--first = '-';
  out.append(first, end);
}

}  // namespace ucap::pdf
