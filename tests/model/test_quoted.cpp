// Values quoted in findings: short ones whole, long ones cut at a code
// point with "…", so a finding stays short whatever the input holds.
#include <doctest/doctest.h>

#include <string>

#include "model/quoted.h"

using ucap::model::and_more;
using ucap::model::quoted;

TEST_CASE("a short value is quoted whole") {
  CHECK(quoted("") == "");
  CHECK(quoted("en ja") == "en ja");
  CHECK(quoted(std::string(60, 'x')) == std::string(60, 'x'));
}

TEST_CASE("a long value is cut after 60 code points, never inside a character") {
  CHECK(quoted(std::string(61, 'x')) == std::string(60, 'x') + "…");
  CHECK(quoted(std::string(1'000'000, 'x')) == std::string(60, 'x') + "…");
  std::string japanese;
  for (int i = 0; i < 100; ++i) japanese += "都";
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "都";
  CHECK(quoted(japanese) == sixty + "…");
}

TEST_CASE("a repeated mistake's count") {
  CHECK(and_more(0, "unknown codes") == "");
  CHECK(and_more(29999, "unknown codes") == " (and 29999 more unknown codes)");
}
