#include <doctest/doctest.h>

#include <string_view>

#include "text/japanese_classes.h"
#include "text/script.h"

using namespace ucap;

// pdfcheck.py's sets, verbatim: the judge of the output.
static constexpr std::u32string_view pdfcheck_no_start =
    U"、。，．,.・：；:;？！?!ー‐–〜ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ」』）〕］｝〉》】〙〗｣)]}’”%％℃°";
static constexpr std::u32string_view pdfcheck_no_end = U"「『（〔［｛〈《【〘〖｢([{‘“";

TEST_CASE("kinsoku classes cover pdfcheck's NO_START and NO_END sets") {
  for (char32_t c : pdfcheck_no_start) CHECK_MESSAGE(text::prohibited_at_line_start(c), int(c));
  for (char32_t c : pdfcheck_no_end) CHECK_MESSAGE(text::prohibited_at_line_end(c), int(c));
  CHECK_FALSE(text::prohibited_at_line_start(U'あ'));
  CHECK_FALSE(text::prohibited_at_line_start(U'「'));
  CHECK_FALSE(text::prohibited_at_line_end(U'」'));
  CHECK_FALSE(text::prohibited_at_line_end(U'a'));
}

TEST_CASE("compressible punctuation carries its blank on the right side") {
  CHECK(text::has_blank_after(U'」'));
  CHECK(text::has_blank_after(U'、'));
  CHECK(text::has_blank_after(U'。'));
  CHECK(text::has_blank_before(U'「'));
  CHECK_FALSE(text::has_blank_after(U')'));  // Latin brackets are proportional
  CHECK_FALSE(text::has_blank_before(U'('));
}

TEST_CASE("script of a character") {
  using text::Script;
  CHECK(text::script_of(U'あ', model::Language::en) == Script::japanese);
  CHECK(text::script_of(U'漢', model::Language::en) == Script::japanese);
  CHECK(text::script_of(U'、', model::Language::en) == Script::japanese);
  CHECK(text::script_of(U'Ａ', model::Language::en) == Script::japanese);  // full-width form
  CHECK(text::script_of(U'A', model::Language::ja) == Script::latin);
  CHECK(text::script_of(U'7', model::Language::ja) == Script::latin);
  CHECK(text::script_of(U',', model::Language::ja) == Script::latin);
  CHECK(text::script_of(U'é', model::Language::ja) == Script::latin);
  // East Asian ambiguous punctuation follows the paragraph
  CHECK(text::script_of(U'…', model::Language::ja) == Script::japanese);
  CHECK(text::script_of(U'…', model::Language::en) == Script::latin);
  CHECK(text::script_of(U'“', model::Language::en) == Script::latin);
}

TEST_CASE("kana and kanji versus Latin word characters") {
  CHECK(text::is_kana_or_kanji(U'あ'));
  CHECK(text::is_kana_or_kanji(U'ア'));
  CHECK(text::is_kana_or_kanji(U'漢'));
  CHECK(text::is_kana_or_kanji(U'々'));
  CHECK(text::is_kana_or_kanji(U'𠮟'));
  CHECK_FALSE(text::is_kana_or_kanji(U'、'));
  CHECK_FALSE(text::is_kana_or_kanji(U'「'));
  CHECK_FALSE(text::is_kana_or_kanji(U'・'));
  CHECK(text::is_latin_word_character(U'a'));
  CHECK(text::is_latin_word_character(U'9'));
  CHECK_FALSE(text::is_latin_word_character(U' '));
  CHECK_FALSE(text::is_latin_word_character(U'あ'));
}
