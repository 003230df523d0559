// The library's one UTF-8 decoder: what layout counts its positions by and
// the PDF writer draws by. Every ill-formed sequence of Unicode's Table 3-7
// is one U+FFFD per byte it skips, never a code point.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/normalize.h"

using ucap::text::decode_utf8;

namespace {

std::vector<char32_t> one_by_one(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < s.size();) out.push_back(decode_utf8(s, pos));
  return out;
}

}  // namespace

TEST_CASE("well-formed UTF-8 of every length decodes to its code points") {
  const std::string text = "a\u00E9\u3042\U00020B9F";  // a é あ 𠮟
  CHECK(decode_utf8(text) == std::vector<char32_t>{U'a', U'\u00E9', U'\u3042', U'\U00020B9F'});
  CHECK(decode_utf8(std::string("\xF4\x8F\xBF\xBF")) == std::vector<char32_t>{0x10FFFF});
}

TEST_CASE("overlong forms, surrogates and values above U+10FFFF are rejected byte by byte") {
  const char32_t bad = 0xFFFD;
  // '/' in two and three bytes, NUL in two: overlong.
  CHECK(decode_utf8(std::string("\xC0\xAF")) == std::vector<char32_t>{bad, bad});
  CHECK(decode_utf8(std::string("\xE0\x80\xAF")) == std::vector<char32_t>{bad, bad, bad});
  CHECK(decode_utf8(std::string("\xC0\x80", 2)) == std::vector<char32_t>{bad, bad});
  CHECK(decode_utf8(std::string("\xF0\x82\x82\xAC")) == std::vector<char32_t>{bad, bad, bad, bad});
  // U+D800 encoded: a surrogate is no character.
  CHECK(decode_utf8(std::string("\xED\xA0\x80")) == std::vector<char32_t>{bad, bad, bad});
  // U+110000 and a lead byte past F4.
  CHECK(decode_utf8(std::string("\xF4\x90\x80\x80")) == std::vector<char32_t>{bad, bad, bad, bad});
  CHECK(decode_utf8(std::string("\xF5\x80\x80\x80")) == std::vector<char32_t>{bad, bad, bad, bad});
}

TEST_CASE("a cut sequence or a stray continuation byte is one U+FFFD per byte and decoding goes on") {
  const char32_t bad = 0xFFFD;
  CHECK(decode_utf8(std::string("\xE3\x81")) == std::vector<char32_t>{bad, bad});
  CHECK(decode_utf8(std::string("\x80" "a")) == std::vector<char32_t>{bad, U'a'});
  CHECK(decode_utf8(std::string("\xE3\x41")) == std::vector<char32_t>{bad, U'A'});
}

TEST_CASE("the whole-string decoder and the one-at-a-time decoder agree") {
  for (std::string s : {std::string("\xC0\xAF\xE3\x81\x82z"), std::string("\xED\xA0\x80\xF0\x9F\x98\x80"),
                        std::string("\xFF\xFE\xF4\x90\x80\x80\xC2")})
    CHECK(decode_utf8(s) == one_by_one(s));
}
