// Character classes of JLREQ (W3C "Requirements for Japanese Text Layout")
// that the paragraph composer needs: which characters may not start or end
// a line (kinsoku, JLREQ 3.1.7), which punctuation carries a half-em blank
// that may be compressed (JLREQ 3.1.4, 3.8), and which characters take the
// quarter-em space against Latin text (JLREQ 3.2.2).
#pragma once

namespace ucap::text {

// JLREQ cl-02 closing brackets (」』）〕］｝〉》】 …, and their Latin cousins).
bool is_closing_bracket(char32_t c);
// JLREQ cl-01 opening brackets.
bool is_opening_bracket(char32_t c);
// JLREQ cl-06 full stops and cl-07 commas: 。．、，
bool is_full_stop_or_comma(char32_t c);

// Characters that must not begin a line (JLREQ 3.1.7 and appendix A,
// classes cl-02 … cl-07, cl-09, cl-11, plus small kana and iteration marks);
// a superset of pdfcheck.py's NO_START set.
bool prohibited_at_line_start(char32_t c);
// Characters that must not end a line (JLREQ cl-01 opening brackets and
// Latin opening quotes); pdfcheck.py's NO_END set.
bool prohibited_at_line_end(char32_t c);

// Full-width punctuation whose glyph is half mark, half blank, so that a
// pair of them may give up half an em (JLREQ 3.1.4): the blank is on the
// right of closing brackets and 、。, on the left of opening brackets.
bool has_blank_after(char32_t c);   // closing brackets, 、。，．
bool has_blank_before(char32_t c);  // opening brackets

// Kana and kanji (incl. 々 and supplementary ideographs): the characters
// between which and Latin letters or digits JLREQ puts a quarter em.
bool is_kana_or_kanji(char32_t c);

}  // namespace ucap::text
