#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/line_break_opportunities.h"

using namespace ucap;

namespace {

// The text with '|' at every opportunity (except the end).
std::u32string marked(std::u32string_view text, model::Language language) {
  auto flags = text::line_break_opportunities(text, language);
  REQUIRE(flags.size() == text.size() + 1);
  CHECK(flags[0] == 0);
  CHECK(flags[text.size()] == 1);
  std::u32string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (flags[i]) out += U'|';
    out += text[i];
  }
  return out;
}

}  // namespace

TEST_CASE("English breaks after spaces, never inside a word or number") {
  CHECK(marked(U"a CO2 of 475,000 t", model::Language::en) == U"a |CO2 |of |475,000 |t");
  CHECK(marked(U"well-known", model::Language::en) == U"well-|known");
}

TEST_CASE("Japanese strict rules: no break before small kana, ー, closing marks; none after opening") {
  const auto m = marked(U"「きょうは、コーヒーを飲みました。」そして", model::Language::ja);
  // no '|' before ょ ー 、 。 」 and none after 「
  for (std::size_t i = 0; i + 1 < m.size(); ++i) {
    if (m[i] == U'|') {
      CHECK_MESSAGE(m[i + 1] != U'ょ', "break before small kana");
      CHECK(m[i + 1] != U'ー');
      CHECK(m[i + 1] != U'、');
      CHECK(m[i + 1] != U'。');
      CHECK(m[i + 1] != U'」');
    }
    if (m[i] == U'「') CHECK(m[i + 1] != U'|');
  }
  CHECK(m.find(U"|飲") != std::u32string::npos);  // between kanji and kana: allowed
}

TEST_CASE("Japanese with Latin: words and numbers stay whole") {
  const auto m = marked(U"排出量は475,000トンでCO2換算", model::Language::ja);
  CHECK(m.find(U"475,000") != std::u32string::npos);
  CHECK(m.find(U"CO2") != std::u32string::npos);
}

TEST_CASE("kinsoku is enforced past spaces") {
  // a space before ％ or a closing bracket must not open a break before it
  const auto m = marked(U"50 ％ and ( x )", model::Language::en);
  CHECK(m.find(U"|％") == std::u32string::npos);
  CHECK(m.find(U"|)") == std::u32string::npos);
  CHECK(text::kinsoku_allows_break(U'あ', U'い'));
  CHECK_FALSE(text::kinsoku_allows_break(U'「', U'い'));
  CHECK_FALSE(text::kinsoku_allows_break(U'あ', U'っ'));
}

TEST_CASE("surrogate pairs map back to code point indices") {
  const auto m = marked(U"𠮟る𩸽ほっけ", model::Language::ja);
  CHECK(m.find(U"𠮟") != std::u32string::npos);
  CHECK(m.find(U"|っ") == std::u32string::npos);
  // same count of code points as the input plus the marks
  std::size_t marks = 0;
  for (char32_t c : m) marks += c == U'|';
  CHECK(m.size() - marks == 6);
}

TEST_CASE("break iterators are per thread") {
  std::vector<std::thread> threads;
  std::vector<std::u32string> results(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &results] {
      for (int i = 0; i < 50; ++i)
        results[t] = marked(t % 2 ? U"日本語の文章です。" : U"some English text", t % 2 ? model::Language::ja : model::Language::en);
    });
  for (auto& th : threads) th.join();
  CHECK(results[0] == U"some |English |text");
  CHECK(results[1] == results[3]);
}
