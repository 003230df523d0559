#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fake_measurer.h"
#include "layout/paragraph.h"
#include "paragraph_test_support.h"
#include "text/hyphenation.h"

using namespace ucap;
using test::chars_of;
using test::runs;
using test::text_of;

namespace {

constexpr double em = 10;  // Latin letters and the hyphen 5 pt, space 2.5 pt
constexpr char32_t soft_hyphen = 0xAD;

const text::HyphenationPatterns& british() {
  static const auto hyphenator = text::Hyphenator::load();
  REQUIRE(hyphenator->english(model::EnglishRegion::unset));
  return *hyphenator->english(model::EnglishRegion::unset);
}

layout::ParagraphStyle style(double measure, layout::Alignment alignment = layout::Alignment::justify) {
  layout::ParagraphStyle s;
  s.measure = measure;
  s.font_size = em;
  s.leading = 14;
  s.alignment = alignment;
  s.hyphenation = &british();
  return s;
}

layout::ComposedParagraph compose(const model::Inlines& inlines, const layout::ParagraphStyle& s) {
  return layout::compose_paragraph(inlines, s, model::Language::en, test::FakeMeasurer{});
}

bool hyphenated(const layout::ComposedLine& line) {
  const auto chars = chars_of(line);
  return !chars.empty() && chars.back().c == soft_hyphen;
}

// The paragraph's text as a reader gets it: the lines joined, a line that
// ends with a (soft) hyphen joined without a space and without the hyphen.
std::u32string read_back(const layout::ComposedParagraph& paragraph) {
  std::u32string out;
  for (const auto& line : paragraph.lines) {
    if (!out.empty() && out.back() != soft_hyphen) out += U' ';
    if (!out.empty() && out.back() == soft_hyphen) out.pop_back();
    out += test::u32_of(line);
  }
  return out;
}

const std::string long_words =
    "The municipality's comprehensive decarbonisation strategy establishes interdepartmental "
    "responsibilities for environmental monitoring, infrastructure maintenance and participatory "
    "neighbourhood planning. Representatives of both administrations will coordinate the "
    "implementation of internationally recognised methodologies for quantifying emissions from "
    "transportation, construction and residential heating, notwithstanding considerable "
    "administrative complexities.";

}  // namespace

TEST_CASE("justified English hyphenates long words and reads back whole") {
  for (double measure : {150.0, 200.0, 260.0, 333.0}) {
    CAPTURE(measure);
    const auto paragraph = compose(runs(long_words), style(measure));
    CHECK(read_back(paragraph) == test::to_u32(long_words));
    int hyphens = 0, in_a_row = 0;
    for (std::size_t i = 0; i < paragraph.lines.size(); ++i) {
      const auto& line = paragraph.lines[i];
      const auto chars = chars_of(line);
      CHECK(line.right <= measure + 0.01);
      if (i + 1 < paragraph.lines.size()) CHECK(line.right == doctest::Approx(measure));
      if (!hyphenated(line)) {
        in_a_row = 0;
        continue;
      }
      ++hyphens;
      CHECK(++in_a_row <= 2);  // never three hyphenated lines in a row
      CHECK(i + 1 < paragraph.lines.size());  // the last line never ends with one
      // two letters at least before the break, three after it
      REQUIRE(chars.size() >= 3);
      CHECK(chars[chars.size() - 2].c != U' ');
      CHECK(chars[chars.size() - 3].c != U' ');
      const auto next = chars_of(paragraph.lines[i + 1]);
      REQUIRE(next.size() >= 3);
      for (int k = 0; k < 3; ++k) CHECK(std::isalpha(int(next[k].c)));
      // the hyphen sits right after the last letter, and ends the line
      CHECK(chars.back().x == doctest::Approx(chars[chars.size() - 2].x + 5));
      CHECK(line.right == doctest::Approx(chars.back().x + 5));
    }
    CHECK(hyphens > 0);
  }
}

TEST_CASE("no hyphenation in numbers, addresses, links, acronyms, short words, ragged text") {
  const std::string protected_words =
      "Contact internationalisation@example.org or https://example.org/administration for "
      "documentation1234 and 1234567890123 figures, or UNDERREPRESENTATION acronyms. ";
  model::Inlines inlines = runs(protected_words + protected_words);
  model::TextRun link;
  link.text = "characteristically interdisciplinary recommendations";
  link.href = "https://example.org/x";
  inlines.push_back(link);
  model::TextRun tail;
  tail.text = " and a final sentence.";
  inlines.push_back(tail);
  const std::vector<std::string> never = {"internationalisation@example.org", "https://example.org/administration",
                                          "documentation1234", "1234567890123", "UNDERREPRESENTATION",
                                          "characteristically", "interdisciplinary", "recommendations"};
  for (double measure : {180.0, 240.0, 300.0}) {
    CAPTURE(measure);
    const auto paragraph = compose(inlines, style(measure));
    for (const auto& line : paragraph.lines) {
      if (!hyphenated(line)) continue;
      std::string text = text_of(line);
      text.erase(text.size() - 2);  // the soft hyphen, two bytes of UTF-8
      const std::string last_word = text.substr(text.rfind(' ') + 1);
      for (const auto& word : never) CHECK_MESSAGE(word.rfind(last_word, 0) != 0, last_word);
    }
  }
  // Short words are never broken, and ragged (left-aligned) lines never.
  const auto shorts = compose(runs("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk"), style(60));
  for (const auto& line : shorts.lines) CHECK_FALSE(hyphenated(line));
  const auto ragged = compose(runs(long_words), style(200, layout::Alignment::left));
  for (const auto& line : ragged.lines) CHECK_FALSE(hyphenated(line));
}

TEST_CASE("a soft hyphen of the source is a break point, never drawn mid-line") {
  const std::string word = "super\u00ADcali\u00ADfragi\u00ADlistic";
  const auto wide = compose(runs("see " + word + " here"), style(500));
  REQUIRE(wide.lines.size() == 1);
  CHECK(text_of(wide.lines[0]) == "see supercalifragilistic here");
  const auto narrow = compose(runs("see " + word + " here and there once more"), style(80));
  CHECK(read_back(narrow) == U"see supercalifragilistic here and there once more");
}

TEST_CASE("ragged lines keep natural word spaces and break earlier instead") {
  // 2.5 pt spaces: "aaaa bbbb cccc" is 65 pt; at 64 pt a justified line
  // would shrink its spaces to hold it, a ragged one breaks before "cccc".
  const auto ragged = compose(runs("aaaa bbbb cccc"), style(64, layout::Alignment::left));
  REQUIRE(ragged.lines.size() == 2);
  CHECK(text_of(ragged.lines[0]) == "aaaa bbbb");
  const auto chars = chars_of(ragged.lines[0]);
  CHECK(chars[5].x - chars[4].x == doctest::Approx(2.5));
  const auto justified = compose(runs("aaaa bbbb cccc"), style(64));
  CHECK(justified.lines.size() == 1);
}
