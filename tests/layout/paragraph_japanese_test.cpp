#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <string_view>

#include "fake_measurer.h"
#include "layout/paragraph.h"
#include "paragraph_test_support.h"

using namespace ucap;
using test::chars_of;
using test::runs;
using test::u32_of;

namespace {

constexpr std::u32string_view no_start =
    U"、。，．,.・：；:;？！?!ー‐–〜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ」』）〕］｝〉》】〙〗｣)]}’”%％℃°";
constexpr std::u32string_view no_end = U"「『（〔［｛〈《【〘〖｢([{‘“";

const char* const sentences[] = {
    "「地域の子どもたち」は、毎週土曜日に公民館へ集まり、（読み聞かせ）や工作を楽しんでいます。参加者は年々増え、昨年度は延べ１２０人でした。",
    "ボランティアのサポートによって、ウェブサイトの更新やニュースレターの発行を続けてきました。「ありがとう」の声が、私たちの励みです！",
    "事業の目的：地域の課題を、住民自らが解決する力を育てること。そのために、ワークショップ（全６回）を開催し、ファシリテーターを養成します。",
    "昨年度のCO2排出量は475,000トンで、前年比3.5%の削減となりました。目標は2030年までに半減すること。",
    "私たちは「つながり」を大切にしています。『共に生きる』――それが、活動の原点です。「っ」「ゃ」「ー」「々」などの小書き文字も、ちゃんと扱えるでしょう。",
    "プロジェクトの名称は Community Action Plan です。English words と日本語が混ざった文章でも、行の長さは揃います。",
};

constexpr double em = 10;

layout::ParagraphStyle japanese_style(double measure) {
  layout::ParagraphStyle style;
  style.measure = measure;
  style.font_size = em;
  style.leading = 17;
  return style;
}

layout::ComposedParagraph compose(const std::string& text, double measure, layout::Alignment alignment = layout::Alignment::justify) {
  auto style = japanese_style(measure);
  style.alignment = alignment;
  return layout::compose_paragraph(runs(text), style, model::Language::ja, test::FakeMeasurer{});
}

}  // namespace

TEST_CASE("Japanese lines keep the line-start and line-end rules at every measure") {
  for (const char* sentence : sentences) {
    for (double measure : {55.0, 80.0, 95.0, 100.0, 123.0, 137.5, 160.0, 200.0, 333.0}) {
      CAPTURE(sentence);
      CAPTURE(measure);
      const auto paragraph = compose(sentence, measure);
      REQUIRE(!paragraph.lines.empty());
      test::check_text_preserved(sentence, paragraph);
      for (std::size_t i = 0; i < paragraph.lines.size(); ++i) {
        const auto& line = paragraph.lines[i];
        const std::u32string text = u32_of(line);
        REQUIRE(!text.empty());
        CHECK(text.front() != U' ');
        CHECK(text.back() != U' ');
        if (i > 0) CHECK_MESSAGE(no_start.find(text.front()) == std::u32string_view::npos, "starts with a NO_START char");
        if (i + 1 < paragraph.lines.size()) {
          CHECK_MESSAGE(no_end.find(text.back()) == std::u32string_view::npos, "ends with a NO_END char");
          // justified: every continued line ends exactly at the measure
          CHECK(std::abs(line.right - measure) <= 0.01);
        } else {
          CHECK(line.ends_paragraph);
        }
        CHECK(line.left >= 0);
        CHECK(line.right <= measure + 0.01);
      }
    }
  }
}

TEST_CASE("the last line is flush left, set at natural widths") {
  const auto paragraph = compose("あいうえおかきくけこさしすせそ", 100);
  REQUIRE(paragraph.lines.size() == 2);
  const auto last = chars_of(paragraph.lines[1]);
  REQUIRE(last.size() == 5);
  for (std::size_t i = 0; i < last.size(); ++i) CHECK(last[i].x == doctest::Approx(i * em));
}

TEST_CASE("punctuation pairs give up half an em (JLREQ 3.1.4)") {
  // On a left-aligned line nothing is spread, so the advances are the set widths.
  const auto paragraph = compose("「はい」、と言った。」「次", 400, layout::Alignment::left);
  REQUIRE(paragraph.lines.size() == 1);
  const auto cs = chars_of(paragraph.lines[0]);
  // 「 は い 」 、 と 言 っ た 。 」 「 次
  REQUIRE(cs.size() == 13);
  CHECK(cs[4].x - cs[3].x == doctest::Approx(0.5 * em));  // 」、
  CHECK(cs[5].x - cs[3].x == doctest::Approx(1.5 * em));  // 」、 takes 1.5 em
  CHECK(cs[10].x - cs[9].x == doctest::Approx(0.5 * em)); // 。」
  CHECK(cs[11].x - cs[10].x == doctest::Approx(0.5 * em)); // 」「
  CHECK(cs[12].x - cs[10].x == doctest::Approx(1.5 * em));
  CHECK(cs[1].x - cs[0].x == doctest::Approx(em));         // 「 before a kana stays full
}

TEST_CASE("compressed pairs stay compressed on a justified line") {
  const auto paragraph = compose("「はい」、と言った。あいうえおかきくけこ", 137.5);
  REQUIRE(paragraph.lines.size() >= 2);
  const auto cs = chars_of(paragraph.lines[0]);
  CHECK(cs[4].x - cs[3].x == doctest::Approx(0.5 * em));
}

TEST_CASE("a quarter em between Japanese and Latin, with or without a source space") {
  const auto paragraph = compose("日本CO2と日本 CO2です", 400, layout::Alignment::left);
  REQUIRE(paragraph.lines.size() == 1);
  const auto cs = chars_of(paragraph.lines[0]);
  // 日 本 C O 2 と 日 本 ␠ C O 2 で す
  REQUIRE(cs.size() == 14);
  CHECK(cs[2].x - (cs[1].x + em) == doctest::Approx(0.25 * em));          // 本|C
  CHECK(cs[5].x - (cs[4].x + 0.5 * em) == doctest::Approx(0.25 * em));    // 2|と
  CHECK(cs[8].c == U' ');                                                 // the space is kept …
  CHECK(cs[9].x - (cs[7].x + em) == doctest::Approx(0.25 * em));          // … as the quarter em
  CHECK(cs[3].x - cs[2].x == doctest::Approx(0.5 * em));                  // no gap inside CO2
}

TEST_CASE("475,000 and CO2 never split, at any measure") {
  const std::string sentence = sentences[3];
  for (double measure = 40; measure <= 300; measure += 2.5) {
    CAPTURE(measure);
    const auto paragraph = compose(sentence, measure);
    test::check_text_preserved(sentence, paragraph);
    bool found_number = false, found_co2 = false;
    for (const auto& line : paragraph.lines) {
      const std::u32string text = u32_of(line);
      found_number |= text.find(U"475,000") != std::u32string::npos;
      found_co2 |= text.find(U"CO2") != std::u32string::npos;
      CHECK(line.right <= measure + 0.01);
    }
    CHECK(found_number);
    CHECK(found_co2);
  }
}

TEST_CASE("line-end 、 or 。 is set half width when that makes the line fit") {
  // 9 kana and 。 are 10 em; at 9.5 em the 。 is pushed in at half width
  // instead of going alone (it may not start a line) — JLREQ 3.8.2.
  const auto paragraph = compose("あいうえおかきくけ。こさし", 95);
  REQUIRE(paragraph.lines.size() == 2);
  CHECK(u32_of(paragraph.lines[0]) == U"あいうえおかきくけ。");
  CHECK(paragraph.lines[0].right == doctest::Approx(95));
  CHECK(u32_of(paragraph.lines[1]) == U"こさし");
}

TEST_CASE("kinsoku pushes a character out and the line is spread evenly") {
  // 10 em measure: あいうえおかきくけこ fits, but っ may not start a line,
  // so こっ moves down together and the nine kana share the extra em.
  const auto paragraph = compose("あいうえおかきくけこっさし", 100);
  REQUIRE(paragraph.lines.size() == 2);
  CHECK(u32_of(paragraph.lines[0]) == U"あいうえおかきくけ");
  const auto cs = chars_of(paragraph.lines[0]);
  for (std::size_t i = 1; i < cs.size(); ++i) CHECK(cs[i].x - cs[i - 1].x == doctest::Approx(em + em / 8));
  CHECK(paragraph.lines[0].right == doctest::Approx(100));
}

TEST_CASE("a long Latin word in Japanese text moves whole, and one wider than the measure is split") {
  const std::string text = "これはsupercalifragilisticexpialidociousです。";
  const auto paragraph = compose(text, 120);
  test::check_text_preserved(text, paragraph);
  for (const auto& line : paragraph.lines) CHECK(line.right <= 120.01);
  // the word is 34 × 5 pt = 170 pt: it cannot stay whole, but each piece
  // fills its line
  REQUIRE(paragraph.lines.size() >= 2);
  CHECK(paragraph.lines[0].right == doctest::Approx(120));
}

TEST_CASE("first-line indent") {
  auto style = japanese_style(100);
  style.first_line_indent = em;
  const auto paragraph = layout::compose_paragraph(runs("あいうえおかきくけこさしすせそたちつてと"), style,
                                                   model::Language::ja, test::FakeMeasurer{});
  REQUIRE(paragraph.lines.size() == 3);
  CHECK(chars_of(paragraph.lines[0]).front().x == doctest::Approx(em));
  CHECK(u32_of(paragraph.lines[0]).size() == 9);
  CHECK(paragraph.lines[0].right == doctest::Approx(100));
  CHECK(chars_of(paragraph.lines[1]).front().x == doctest::Approx(0));
}

TEST_CASE("Japanese emphasis is set in the sans face, strong in bold") {
  model::Inlines inlines = runs("普通");
  model::TextRun em_run;
  em_run.text = "強調";
  em_run.style = model::style_emphasis;
  model::TextRun strong_run;
  strong_run.text = "太字";
  strong_run.style = model::style_strong;
  inlines.push_back(em_run);
  inlines.push_back(strong_run);
  const auto paragraph = layout::compose_paragraph(inlines, japanese_style(400), model::Language::ja, test::FakeMeasurer{});
  REQUIRE(paragraph.lines.size() == 1);
  const auto& pieces = paragraph.lines[0].pieces;
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].font.family == font::Family::serif);
  CHECK(pieces[1].font.family == font::Family::sans);
  CHECK_FALSE(pieces[1].font.italic);
  CHECK(pieces[2].font.bold);
  CHECK(pieces[0].font.script == font::Script::japanese);
}

TEST_CASE("a variation selector stands at its base's end, and justification opens no gap before it") {
  // 辻 + U+E0100 in a justified line that must be spread.
  const std::string text = "辻\U000E0100と辻と葛\U000E0100と葛";
  layout::ParagraphStyle style;
  style.measure = 95;  // nine ideographs and 5 pt to spread
  style.font_size = 10;
  style.leading = 17;
  const auto paragraph = layout::compose_paragraph(test::runs(text + "。" + text), style, model::Language::ja,
                                                   test::FakeMeasurer{});
  REQUIRE(paragraph.lines.size() >= 2);
  const auto chars = test::chars_of(paragraph.lines[0]);
  REQUIRE(chars.size() > 4);
  CHECK(chars[1].c == 0xE0100);
  CHECK(chars[1].x == doctest::Approx(chars[0].x + 10));  // the base's end, not spread
  CHECK(chars[2].x > chars[1].x);                           // the spread comes after the selector
  CHECK(paragraph.lines[0].right == doctest::Approx(95));
}

TEST_CASE("justification never widens the blank of 、 or 。: a mid-line comma is one em on every line") {
  // Lines of different fill, each spread to the measure.
  const std::string text = "あいう、えおかきく、けこさしすせ。そたちつてと、なにぬねのはひふへほ、まみむめも。"
                           "やゆよらりるれろ、わをんあいうえおかき、くけこさしす。";
  layout::ParagraphStyle style;
  style.measure = 125;  // twelve and a half ideographs: every full line is spread
  style.font_size = 10;
  style.leading = 17;
  const auto paragraph = layout::compose_paragraph(test::runs(text), style, model::Language::ja,
                                                   test::FakeMeasurer{});
  REQUIRE(paragraph.lines.size() >= 3);
  int commas = 0;
  for (std::size_t l = 0; l + 1 < paragraph.lines.size(); ++l) {
    const auto chars = test::chars_of(paragraph.lines[l]);
    for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
      if (chars[i].c != U'、' && chars[i].c != U'。') continue;
      CHECK(chars[i + 1].x - chars[i].x == doctest::Approx(10));
      ++commas;
    }
  }
  CHECK(commas >= 2);
}
