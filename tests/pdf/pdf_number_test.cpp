// Numbers in content streams: at most three decimals, no trailing zeros,
// no "-0", whatever the magnitude.
#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

#include "pdf/pdf_number.h"
#include "pdf/pdf_text_string.h"

using ucap::pdf::append_number;

namespace {

std::string number(double value) {
  std::string out;
  append_number(out, value);
  return out;
}

// What a reader expects: round to thousandths, print fixed, cut zeros.
std::string reference(double value) {
  double rounded = std::round(value * 1000) / 1000;
  if (rounded == 0) rounded = 0;
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 3);
  std::string s(buf, end);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("append_number writes at most three decimals without trailing zeros") {
  CHECK(number(0) == "0");
  CHECK(number(-0.0) == "0");
  CHECK(number(-0.0004) == "0");
  CHECK(number(0.0005) == "0.001");
  CHECK(number(1) == "1");
  CHECK(number(-1) == "-1");
  CHECK(number(10.5) == "10.5");
  CHECK(number(595.276) == "595.276");
  CHECK(number(72.1204) == "72.12");
  CHECK(number(-12.3456) == "-12.346");
  CHECK(number(0.04) == "0.04");
  CHECK(number(-0.2) == "-0.2");
  CHECK(number(1000) == "1000");
  CHECK(number(1e20) == reference(1e20));  // beyond the integer path
}

TEST_CASE("append_number gives the digits of fixed three-decimal notation") {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> page(-2000, 2000), small(-2, 2);
  for (int i = 0; i < 100000; ++i) {
    double value = i % 2 ? page(random) : small(random);
    REQUIRE_MESSAGE(number(value) == reference(value), "value ", value);
  }
}

TEST_CASE("append_hex4 writes four upper-case hex digits") {
  std::string out;
  ucap::pdf::append_hex4(out, 0x3042);
  ucap::pdf::append_hex4(out, 0x00af);
  ucap::pdf::append_hex4(out, 0xFFFF);
  CHECK(out == "304200AFFFFF");
  out.clear();
  ucap::pdf::append_utf16be_hex(out, U'\U00020B9F');
  CHECK(out == "D842DF9F");
}
