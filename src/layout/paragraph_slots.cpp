#include "layout/paragraph_slots.h"

#include <algorithm>

#include "text/japanese_classes.h"
#include "text/normalize.h"
#include "text/script.h"

namespace ucap::layout {

namespace {

// The face of a character. JLREQ has no italic: Japanese <em> is set in
// the gothic (sans) face, the usual Japanese way to emphasise; <strong>
// asks for bold in both scripts (the font room may embolden IPAex).
font::FontChoice face_for(font::Script script, std::uint8_t run_style, const ParagraphStyle& style) {
  font::FontChoice face;
  face.script = script;
  face.bold = (run_style & model::style_strong) != 0;
  const bool emphasis = (run_style & model::style_emphasis) != 0;
  if (script == font::Script::japanese) {
    face.family = emphasis ? font::Family::sans : style.japanese_family;
  } else {
    face.family = style.latin_family;
    face.italic = emphasis;
  }
  return face;
}

bool is_glyph(const Slot& s) { return s.kind == SlotKind::glyph; }

constexpr char32_t soft_hyphen = 0xAD;

// How much a word space may give and take. A ragged English line keeps
// its natural spaces and breaks earlier instead; a Japanese paragraph's
// spaces (between Latin words) only shrink, when a line is filled.
void set_word_space_glue(Slot& space, const ParagraphStyle& style, model::Language language) {
  const double em = style.font_size;
  if (language == model::Language::ja) {
    space.shrink = style.japanese_word_space_shrink_em * em;
  } else if (style.alignment == Alignment::justify) {
    space.stretch = style.word_space_stretch_em * em;
    space.shrink = style.word_space_shrink_em * em;
  }
}

}  // namespace

std::vector<Slot> collect_slots(const model::Inlines& inlines, const ParagraphStyle& style,
                                model::Language language, const font::TextMeasurer& measurer) {
  const double em = style.font_size;
  std::size_t bytes = 0;
  for (const auto& run : inlines) bytes += run.text.size() + 1;
  std::vector<Slot> slots;
  slots.reserve(bytes);

  for (std::uint32_t r = 0; r < inlines.size(); ++r) {
    const model::TextRun& run = inlines[r];
    if (run.line_break) {
      Slot br;
      br.c = U'\n';
      br.kind = SlotKind::line_break;
      br.run = r;
      slots.push_back(br);
      continue;
    }
    for (std::size_t pos = 0; pos < run.text.size();) {
      Slot s;
      s.c = text::decode_utf8(run.text, pos);
      s.run = r;
      if (s.c == soft_hyphen) {
        // Not a character of the line: where the author allows a break.
        if (!slots.empty() && slots.back().kind == SlotKind::glyph)
          slots.back().hyphen_width = measurer.advance(slots.back().font, U'-', em);
        continue;
      }
      if (s.c == U' ') {
        s.kind = SlotKind::space;
        s.font = face_for(font::Script::latin, run.style, style);
        set_word_space_glue(s, style, language);
      } else {
        s.font = face_for(text::script_of(s.c, language), run.style, style);
      }
      const font::TextMeasurer::Measured measured = measurer.measure(s.font, s.c, em);
      s.advance = measured.advance;
      s.glyph = measured.glyph;
      if (s.kind == SlotKind::glyph && text::has_blank_after(s.c)) s.end_shrink = s.advance / 2;
      slots.push_back(s);
    }
  }
  // A <br/> that ends the paragraph would only add an empty line.
  while (!slots.empty() && slots.back().kind == SlotKind::line_break) slots.pop_back();

  const bool japanese_paragraph = language == model::Language::ja;
  const double quarter_em = em / 4;
  for (std::size_t i = 0; i + 1 < slots.size(); ++i) {
    Slot& a = slots[i];
    const Slot& b = slots[i + 1];
    a.expandable_after = true;  // narrowed below
    if (is_glyph(a) && is_glyph(b)) {
      if (a.font == b.font && a.font.script == font::Script::latin)
        a.gap_after += measurer.kerning(a.font, a.c, b.c, em);
      // JLREQ 3.1.4: between a closing mark (」、。) and a following
      // closing or opening mark, or between two opening brackets, the two
      // half-em blanks become one: the pair gives up half an em.
      const bool pair = (text::has_blank_after(a.c) &&
                         (text::has_blank_after(b.c) || text::has_blank_before(b.c))) ||
                        (text::has_blank_before(a.c) && text::has_blank_before(b.c));
      if (pair) a.gap_after -= std::min(a.advance, b.advance) / 2;
      // Justification leaves such a pair alone, and never separates the
      // halves of a doubled dash or ellipsis (JLREQ 3.8.3, cl-08).
      const bool inseparable = a.c == b.c && (a.c == U'―' || a.c == U'—' || a.c == U'…' || a.c == U'‥');
      a.expandable_after = !(pair || inseparable);
      // JLREQ 3.2.2: a quarter em between kana/kanji and Latin letters or
      // digits where the source has no space.
      if ((text::is_kana_or_kanji(a.c) && text::is_latin_word_character(b.c)) ||
          (text::is_latin_word_character(a.c) && text::is_kana_or_kanji(b.c)))
        a.gap_after += quarter_em;
    }
    // In a Japanese paragraph a source space at a Japanese–Latin join
    // becomes that quarter em, not a full word space.
    if (japanese_paragraph && b.kind == SlotKind::space && i + 2 < slots.size()) {
      const Slot& c = slots[i + 2];
      if (is_glyph(a) && is_glyph(c) &&
          ((text::is_kana_or_kanji(a.c) && text::is_latin_word_character(c.c)) ||
           (text::is_latin_word_character(a.c) && text::is_kana_or_kanji(c.c)))) {
        Slot& space = slots[i + 1];
        space.advance = quarter_em;
        space.shrink = std::min(space.shrink, quarter_em / 2);  // JLREQ: down to 1/8 em
      }
    }
    const bool japanese_side = text::is_japanese(a.c) || text::is_japanese(b.c);
    a.expandable_after = a.kind == SlotKind::space ||
                         (a.expandable_after && japanese_side && is_glyph(a) && is_glyph(b));
    // JLREQ 3.8.3: a line is spread between characters, never inside the
    // blank half of 、。 or a closing bracket (its advance stays one em
    // on every line: jatype's comma_adv_spread 0).
    if (japanese_paragraph && text::has_blank_after(a.c)) a.expandable_after = false;
    // A variation selector is part of its base character's glyph: it
    // stands at the base's end, and justification never opens a gap there.
    if (text::is_variation_selector(b.c)) a.expandable_after = false;
  }
  return slots;
}

std::u32string slot_text(const std::vector<Slot>& slots) {
  std::u32string text;
  text.reserve(slots.size());
  for (const Slot& s : slots) text.push_back(s.c);
  return text;
}

}  // namespace ucap::layout
