#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>
#include <string>

#include "fake_measurer.h"
#include "layout/paragraph.h"
#include "paragraph_test_support.h"

using namespace ucap;
using test::chars_of;
using test::runs;
using test::text_of;

namespace {

constexpr double em = 10;  // Latin letters 5 pt, space 2.5 pt (+1.67 / −0.83)

layout::ParagraphStyle english_style(double measure) {
  layout::ParagraphStyle style;
  style.measure = measure;
  style.font_size = em;
  style.leading = 14;
  // TeX's proportions, which the cases below are worked out for; the
  // engine's own (dearer stretch) are in paragraph_hyphenation_test.cpp.
  style.word_space_stretch_em = 1.0 / 6.0;
  style.word_space_shrink_em = 1.0 / 9.0;
  return style;
}

layout::ComposedParagraph compose(const model::Inlines& inlines, double measure,
                                  model::Language language = model::Language::en) {
  return layout::compose_paragraph(inlines, english_style(measure), language, test::FakeMeasurer{});
}

std::string joined(const layout::ComposedParagraph& paragraph) {
  std::string out;
  for (const auto& line : paragraph.lines) {
    if (!out.empty()) out += ' ';
    out += text_of(line);
  }
  return out;
}

const std::string prose =
    "Our association brings together residents, schools and small businesses of the "
    "northern district to plan, fund and carry out projects that improve daily life. "
    "Since 2019 we have run a weekly repair cafe, planted 1,200 trees along the river, "
    "and trained forty volunteers as mediators for neighbourhood disputes. This plan "
    "describes the next three years: what we will do, who will do it, how much it will "
    "cost and how we will know whether it worked.";

}  // namespace

TEST_CASE("Knuth-Plass finds the total-fit optimum where first fit would not") {
  // First fit would squeeze "g" onto line 1 (shrinking every space to its
  // limit, ratio −1); the optimum sets line 1 slightly loose (ratio 0.3)
  // and carries "g" down, for far fewer demerits (≈ 261 against 12,100).
  const auto paragraph = compose(runs("aaaa b ccccc ddddd e f g hhhhhh i"), 100);
  REQUIRE(paragraph.lines.size() == 2);
  CHECK(text_of(paragraph.lines[0]) == "aaaa b ccccc ddddd e f");
  CHECK(text_of(paragraph.lines[1]) == "g hhhhhh i");
  CHECK(paragraph.lines[0].right == doctest::Approx(100));
}

TEST_CASE("justified English: flush lines, nothing wider than the measure, ragged last line") {
  for (double measure : {120.0, 150.0, 200.0, 250.0, 333.0, 400.0}) {
    CAPTURE(measure);
    const auto paragraph = compose(runs(prose), measure);
    CHECK(joined(paragraph) == prose);
    REQUIRE(paragraph.lines.size() >= 2);
    for (std::size_t i = 0; i < paragraph.lines.size(); ++i) {
      const auto& line = paragraph.lines[i];
      const std::string text = text_of(line);
      CHECK(text.front() != ' ');
      CHECK(text.back() != ' ');
      CHECK(line.right <= measure + 0.01);
      if (i + 1 < paragraph.lines.size()) CHECK(std::abs(line.right - measure) <= 0.01);
    }
    // the last line is set at natural width: its spaces are 2.5 pt
    const auto last = chars_of(paragraph.lines.back());
    for (std::size_t k = 1; k < last.size(); ++k)
      CHECK(last[k].x - last[k - 1].x == doctest::Approx(last[k - 1].c == U' ' ? 2.5 : 5));
  }
}

TEST_CASE("word spaces stay near their natural width") {
  const auto paragraph = compose(runs(prose + " " + prose + " " + prose), 350);  // 70 letters
  int loose = 0, lines = 0;
  std::vector<double> means;
  for (std::size_t i = 0; i + 1 < paragraph.lines.size(); ++i) {
    const auto cs = chars_of(paragraph.lines[i]);
    double gaps = 0;
    int count = 0;
    for (std::size_t k = 1; k + 1 < cs.size(); ++k)
      if (cs[k].c == U' ') {
        gaps += cs[k + 1].x - (cs[k - 1].x + 5);
        ++count;
      }
    if (count == 0) continue;
    ++lines;
    means.push_back(gaps / count / em);
    loose += gaps / count / em > 0.45 ? 1 : 0;
  }
  CHECK(lines > 10);
  CHECK(loose * 20 <= lines);  // at most one line in twenty looser than 0.45 em
  std::sort(means.begin(), means.end());
  CHECK(means[means.size() / 2] >= 0.2);
  CHECK(means[means.size() / 2] <= 0.34);
}

TEST_CASE("a word wider than the measure is the only one split") {
  const std::string text = "a few words then supercalifragilisticexpialidocious and more words after it";
  const auto narrow = compose(runs(text), 100);  // the long word is 170 pt
  bool split = true;  // no line holds the whole word
  for (const auto& line : narrow.lines) {
    CHECK(line.right <= 100.01);
    const std::string t = text_of(line);
    if (t.find("supercalifragilisticexpialidocious") != std::string::npos) split = false;
    for (const char* word : {"few", "words", "then", "and", "more", "after"})
      CHECK((t.find(std::string(word).substr(0, 2)) == std::string::npos || t.find(word) != std::string::npos));
  }
  CHECK(split);
  // concatenated without the separating spaces, nothing is lost
  std::string all;
  for (const auto& line : narrow.lines) all += text_of(line);
  std::string squeezed;
  for (char c : text) if (c != ' ') squeezed += c;
  std::string all_squeezed;
  for (char c : all) if (c != ' ') all_squeezed += c;
  CHECK(all_squeezed == squeezed);

  const auto wide = compose(runs(text), 200);
  bool whole = false;
  for (const auto& line : wide.lines) whole |= text_of(line).find("supercalifragilisticexpialidocious") != std::string::npos;
  CHECK(whole);
}

TEST_CASE("a <br/> forces a line end and that line is not justified") {
  model::Inlines inlines = runs("one two");
  inlines.push_back(test::line_break());
  model::TextRun rest;
  rest.text = "three four five six seven eight nine ten eleven twelve";
  inlines.push_back(rest);
  const auto paragraph = compose(inlines, 150);
  REQUIRE(paragraph.lines.size() >= 3);
  CHECK(text_of(paragraph.lines[0]) == "one two");
  CHECK(paragraph.lines[0].ends_with_line_break);
  CHECK(paragraph.lines[0].right == doctest::Approx(6 * 5 + 2.5));
  CHECK(text_of(paragraph.lines[1]).rfind("three", 0) == 0);
  CHECK(paragraph.lines[1].right == doctest::Approx(150));

  // also in Japanese, and two in a row give an empty line
  model::Inlines ja = runs("あいう");
  ja.push_back(test::line_break());
  ja.push_back(test::line_break());
  model::TextRun tail;
  tail.text = "えお";
  ja.push_back(tail);
  const auto jp = compose(ja, 200, model::Language::ja);
  REQUIRE(jp.lines.size() == 3);
  CHECK(text_of(jp.lines[0]) == "あいう");
  CHECK(jp.lines[1].pieces.empty());
  CHECK(text_of(jp.lines[2]) == "えお");
}

TEST_CASE("kerning between adjacent characters of a word") {
  const auto paragraph = compose(runs("AVA"), 100);
  const auto cs = chars_of(paragraph.lines.at(0));
  CHECK(cs[1].x - cs[0].x == doctest::Approx(4));  // 5 − 1 kern
  CHECK(cs[2].x - cs[1].x == doctest::Approx(5));
}

TEST_CASE("styles pick faces and links get areas") {
  model::Inlines inlines = runs("see ");
  model::TextRun link;
  link.text = "our site";
  link.href = "https://example.org";
  link.style = model::style_emphasis;
  inlines.push_back(link);
  model::TextRun strong;
  strong.text = " now";
  strong.style = model::style_strong;
  inlines.push_back(strong);
  const auto paragraph = compose(inlines, 300);
  REQUIRE(paragraph.lines.size() == 1);
  const auto& line = paragraph.lines[0];
  REQUIRE(line.links.size() == 1);
  CHECK(line.links[0].uri == "https://example.org");
  CHECK(line.links[0].x == doctest::Approx(3 * 5 + 2.5));  // after "see "
  CHECK(line.links[0].width == doctest::Approx(7 * 5 + 2.5));
  CHECK(line.links[0].height == doctest::Approx(14));
  bool italic = false, bold = false;
  for (const auto& piece : line.pieces) {
    italic |= piece.font.italic && piece.text.find("site") != std::string::npos;
    bold |= piece.font.bold && piece.text.find("now") != std::string::npos;
    CHECK(piece.baseline_y == doctest::Approx(line.baseline));
    CHECK(piece.x_positions.size() == test::to_u32(piece.text).size());
  }
  CHECK(italic);
  CHECK(bold);
}

TEST_CASE("an English paragraph with a Japanese name") {
  const std::string text =
      "The workshop will be led by 田中太郎 of the city office, with support from the "
      "residents' association and two volunteers from the local high school.";
  for (double measure : {100.0, 140.0, 180.0}) {
    const auto paragraph = compose(runs(text), measure);
    test::check_text_preserved(text, paragraph);
    for (const auto& line : paragraph.lines) CHECK(line.right <= measure + 0.01);
    bool japanese_face = false;
    for (const auto& line : paragraph.lines)
      for (const auto& piece : line.pieces)
        japanese_face |= piece.font.script == font::Script::japanese && piece.text.find("田") != std::string::npos;
    CHECK(japanese_face);
  }
}

TEST_CASE("alignment left, right, center") {
  auto style = english_style(100);
  style.alignment = layout::Alignment::right;
  auto right = layout::compose_paragraph(runs("ab cd"), style, model::Language::en, test::FakeMeasurer{});
  CHECK(right.lines.at(0).right == doctest::Approx(100));
  CHECK(right.lines.at(0).left == doctest::Approx(100 - 22.5));
  style.alignment = layout::Alignment::center;
  auto center = layout::compose_paragraph(runs("ab cd"), style, model::Language::en, test::FakeMeasurer{});
  CHECK(center.lines.at(0).left == doctest::Approx((100 - 22.5) / 2));
  style.alignment = layout::Alignment::left;
  auto left = layout::compose_paragraph(runs(prose), style, model::Language::en, test::FakeMeasurer{});
  CHECK(joined(left) == prose);
  for (const auto& line : left.lines) CHECK(line.right <= 100.01);
}

TEST_CASE("a 100,000-character paragraph and a 5,000-character token compose") {
  std::string big;
  while (big.size() < 100000) big += prose + " ";
  big.pop_back();
  const auto english = compose(runs(big), 300);
  CHECK(english.lines.size() > 1000);
  CHECK(joined(english) == big);

  std::string japanese;
  const std::string sentence = "地域の課題を、住民自らが解決する力を育てること。";
  while (japanese.size() < 300000) japanese += sentence;  // 100,000 characters
  const auto ja = compose(runs(japanese), 300, model::Language::ja);
  std::size_t characters = 0;
  for (const auto& line : ja.lines) {
    characters += test::to_u32(text_of(line)).size();
    CHECK(line.right <= 300.01);
  }
  CHECK(characters == test::to_u32(japanese).size());

  const std::string token(5000, 'x');
  for (auto language : {model::Language::en, model::Language::ja}) {
    const auto long_token = compose(runs("before " + token + " after"), 300, language);
    std::size_t xs = 0;
    for (const auto& line : long_token.lines) {
      CHECK(line.right <= 300.01);
      for (char c : text_of(line)) xs += c == 'x';
    }
    CHECK(xs == 5000);
  }
}
