#include "pdf/page_content.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "pdf/glyph_usage.h"
#include "pdf/marked_content.h"
#include "pdf/pdf_number.h"
#include "text/script.h"

namespace ucap::pdf {
namespace {

void append_numbers(std::string& out, std::initializer_list<double> values) {
  for (double v : values) {
    append_number(out, v);
    out += ' ';
  }
}

void append_rect(std::string& out, const layout::PlacedRect& r, double page_height) {
  bool stroked = r.stroke_width > 0;
  if (!r.filled && !stroked) return;
  out += "q\n";
  if (r.filled) { append_numbers(out, {r.fill.r, r.fill.g, r.fill.b}); out += "rg\n"; }
  if (stroked) {
    append_numbers(out, {r.stroke.r, r.stroke.g, r.stroke.b});
    out += "RG\n";
    append_numbers(out, {r.stroke_width});
    out += "w\n";
  }
  append_numbers(out, {r.x, page_height - r.y - r.height, r.width, r.height});
  out += "re\n";
  out += r.filled && stroked ? "B\n" : r.filled ? "f\n" : "S\n";
  out += "Q\n";
}

void append_line(std::string& out, const layout::PlacedLine& l, double page_height) {
  out += "q\n";
  append_numbers(out, {l.color.r, l.color.g, l.color.b});
  out += "RG\n";
  append_numbers(out, {l.width});
  out += "w\n";
  append_numbers(out, {l.x1, page_height - l.y1});
  out += "m\n";
  append_numbers(out, {l.x2, page_height - l.y2});
  out += "l\nS\nQ\n";
}

// A missing character's placeholder: a box outline in the text colour over
// its advance, drawn as a path (in a tagged PDF inside a layout artifact,
// see build_page_content; the character itself is in the text, see
// font::missing_stand_in).
struct PlaceholderBox {
  double x, baseline, width, size;
  layout::Color color;
};

void append_placeholder_boxes(std::string& out, const std::vector<PlaceholderBox>& boxes) {
  for (const auto& b : boxes) {
    out += "q\n";
    append_numbers(out, {b.color.r, b.color.g, b.color.b});
    out += "RG\n";
    append_numbers(out, {b.size * 0.05});
    out += "w\n";
    double margin = b.width * 0.1;
    append_numbers(out, {b.x + margin, b.baseline, std::max(0.0, b.width - 2 * margin), b.size * 0.7});
    out += "re\nS\nQ\n";
  }
}

// <FEFF…>: a PDF text string in UTF-16BE.
std::string utf16_hex(char32_t c) {
  char buffer[24];
  if (c < 0x10000) {
    std::snprintf(buffer, sizeof buffer, "<FEFF%04X>", unsigned(c));
  } else {
    char32_t v = c - 0x10000;
    std::snprintf(buffer, sizeof buffer, "<FEFF%04X%04X>", unsigned(0xD800 + (v >> 10)), unsigned(0xDC00 + (v & 0x3FF)));
  }
  return buffer;
}

// What a glyph drawn for `c` (and its variation selector, when not 0)
// reads as: both, or nothing for the hyphen of a word broken across
// lines, so that the word reads whole.
std::string actual_text(char32_t c, char32_t selector) {
  if (c == 0xAD) return "()";
  if (!selector) return utf16_hex(c);
  std::string both = utf16_hex(c);
  both.pop_back();                                  // the '>'
  both += utf16_hex(selector).substr(5);            // without "<FEFF"
  return both;
}

// Whether the glyph's ToUnicode entry already reads as c (+ selector).
bool to_unicode_reads(const FontResource& font, font::GlyphId cid, char32_t c, char32_t selector) {
  auto it = font.unicode.find(cid);
  if (it == font.unicode.end()) return false;
  std::u32string wanted(1, c);
  if (selector) wanted += selector;
  return it->second == wanted;
}

// A glyph id's two bytes inside a literal string: the delimiters and the
// backslash escaped, and CR and LF too (a reader turns a raw CR into LF).
void append_glyph_code(std::string& out, font::GlyphId cid) {
  for (char byte : {char(cid >> 8), char(cid & 0xFF)}) {
    switch (byte) {
      case '(': case ')': case '\\': out += '\\'; out += byte; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default: out += byte;
    }
  }
}

// What the page's one text object already holds, so that colour, font and
// size are written only when they change and each run is placed with Td
// relative to the previous run's start (as written, so nothing drifts).
struct TextState {
  std::optional<layout::Color> color;
  const FontResource* font = nullptr;
  double size = -1;
  double line_x = 0, line_y = 0;
};

double rounded(double v) { return std::round(v * 1000) / 1000; }

void start_run(std::string& out, TextState& state, const FontResource& font, double size, double x, double y) {
  if (state.font != &font || state.size != size) {
    out += '/';
    out += font.name;
    out += ' ';
    append_numbers(out, {size});
    out += "Tf\n";
    state.font = &font;
    state.size = size;
  }
  x = rounded(x);
  y = rounded(y);
  append_numbers(out, {x - state.line_x, y - state.line_y});
  out += "Td\n";
  state.line_x = x;
  state.line_y = y;
}

// One run of glyphs: a string shown with Tj, or with TJ when the pen needs
// adjusting between glyphs.
class Run {
 public:
  bool open() const { return open_; }
  void begin() { open_ = true; adjusted_ = false; parts_.clear(); in_string_ = false; }
  void glyph(font::GlyphId cid) {
    if (!in_string_) { parts_ += '('; in_string_ = true; }
    append_glyph_code(parts_, cid);
  }
  void adjust(double thousandths) {
    close_string();
    append_number(parts_, thousandths);
    adjusted_ = true;
  }
  void end(std::string& out) {
    if (!open_) return;
    close_string();
    if (adjusted_) { out += '['; out += parts_; out += "]TJ\n"; }
    else if (!parts_.empty()) { out += parts_; out += "Tj\n"; }
    open_ = false;
  }

 private:
  void close_string() {
    if (in_string_) { parts_ += ')'; in_string_ = false; }
  }
  std::string parts_;
  bool open_ = false, adjusted_ = false, in_string_ = false;
};

// One PlacedText: runs of consecutive characters from one face, each run
// shown from where its first character stands.
void append_text(std::string& out, TextState& state, const layout::PlacedText& text, double page_height,
                 const font::FontRegistry& registry, const FontResources& fonts, std::set<font::FaceIndex>& used,
                 std::vector<PlaceholderBox>& placeholders) {
  const std::vector<layout::PlacedGlyph>& glyphs = text.glyphs;
  if (glyphs.empty() || text.size <= 0) return;
  double baseline = page_height - text.baseline_y;
  if (state.color != text.color) {
    append_numbers(out, {text.color.r, text.color.g, text.color.b});
    out += "rg\n";
    state.color = text.color;
  }

  Run run;
  font::FaceIndex run_face = 0;
  double pen = 0;  // where the next glyph lands if nothing moves it, in points
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const font::DrawnGlyph& g = glyphs[i].drawn;
    if (g.drawn == font::Drawn::nothing) continue;
    double missing_advance = 0;  // 1/1000 em: the layout measured a missing character as .notdef
    if (g.missing()) {
      missing_advance = glyph_width_thousandths(registry.face(g.face).file(), 0);
      const double x = i < text.x_positions.size() ? text.x_positions[i] : pen;
      placeholders.push_back({x, baseline, missing_advance * text.size / 1000, text.size, text.color});
      if (g.drawn == font::Drawn::missing_without_blank) continue;
    }
    auto font_it = fonts.find(g.face);
    if (font_it == fonts.end()) continue;  // cannot happen: pass one saw every glyph
    const FontResource& font = font_it->second;
    font::GlyphId cid = g.glyph < font.new_by_old.size() ? font.new_by_old[g.glyph] : 0;
    const char32_t character = glyphs[i].character;
    const char32_t shown = g.missing() ? drawn_character(character) : character;
    if (auto alias = glyph_alias(shown, g.glyph, g.missing()))
      if (auto it = font.alias_cids.find(*alias); it != font.alias_cids.end()) cid = it->second;
    double width = cid < font.width_by_new.size() ? font.width_by_new[cid] : 0;
    double x = i < text.x_positions.size() ? text.x_positions[i] : pen;

    if (!run.open() || g.face != run_face) {
      run.end(out);
      start_run(out, state, font, text.size, x, baseline);
      run.begin();
      run_face = g.face;
      used.insert(g.face);
      // From the layout's own x, not the 3-decimal one written: adjustments
      // stay whole numbers where the layout meant them (a half-em 500), and
      // poppler keeps such a glyph in its word.
      pen = x;
    } else if (std::abs(x - pen) > 0.0005) {
      // A TJ number moves the pen left by n/1000 of the font size.
      double adjust = std::round((pen - x) * 1000 / text.size * 1000) / 1000;
      if (adjust != 0) {
        run.adjust(adjust);
        pen -= adjust * text.size / 1000;
      }
    }
    char32_t mapped = cid < font.text_by_new.size() ? font.text_by_new[cid] : 0;
    const char32_t selector =
        i + 1 < glyphs.size() && text::is_variation_selector(glyphs[i + 1].character) ? glyphs[i + 1].character : 0;
    // An added hyphen keeps its empty span: poppler reads the span, not
    // the alias's soft hyphen.
    if (g.missing() || character == 0xAD ||
        (mapped != 0 && (mapped != character || selector) && !to_unicode_reads(font, cid, character, selector))) {
      // Show this glyph alone inside an /ActualText span, then go on. A
      // missing character's blank stand-in is stretched (Tz) to the box's
      // width: text extraction then sees neither a gap nor an overlap.
      run.end(out);
      out += "/Span <</ActualText " + actual_text(character, selector) + ">> BDC\n";
      const double stretch = g.missing() && width > 0 ? std::round(missing_advance / width * 100 * 1000) / 1000 : 100;
      if (stretch != 100) {
        append_numbers(out, {stretch});
        out += "Tz\n";
        width = missing_advance;
      }
      run.begin();
      run.glyph(cid);
      run.end(out);
      if (stretch != 100) out += "100 Tz\n";
      out += "EMC\n";
      run.begin();
    } else {
      run.glyph(cid);
    }
    pen += width * text.size / 1000;
  }
  run.end(out);
}

}  // namespace

void FontResource::index_glyphs() {
  font::GlyphId largest_old = subset.old_to_new.empty() ? 0 : subset.old_to_new.back().first;
  new_by_old.assign(std::size_t(largest_old) + 1, 0);
  for (const auto& [old_glyph, new_glyph] : subset.old_to_new) new_by_old[old_glyph] = new_glyph;
  font::GlyphId largest_new = widths.empty() ? 0 : widths.rbegin()->first;
  width_by_new.assign(std::size_t(largest_new) + 1, 0);
  for (const auto& [glyph, width] : widths) width_by_new[glyph] = width;
  text_by_new.assign(width_by_new.size(), 0);
  for (const auto& [glyph, text] : unicode)
    if (glyph < text_by_new.size()) text_by_new[glyph] = text.size() == 1 ? text[0] : several_characters;
}

double glyph_width_thousandths(const font::TrueTypeFace& face, font::GlyphId glyph) {
  return std::round(face.advance(glyph) * 1000.0 / face.metrics().units_per_em * 1000) / 1000;
}

PageContent build_page_content(const layout::Page& page, const font::FontRegistry& registry,
                               const FontResources& fonts, const layout::Structure* structure) {
  PageContent content;
  std::string& out = content.stream;
  out.reserve(4096 + 40 * page.texts.size());
  MarkedContent marks(structure, content.mcid_nodes);
  for (const auto& r : page.rects) {
    if (r.filled || r.stroke_width > 0) marks.enter(out, r.tag);
    append_rect(out, r, page.height);
  }
  for (const auto& l : page.lines) {
    marks.enter(out, l.tag);
    append_line(out, l, page.height);
  }
  marks.leave(out);
  std::vector<PlaceholderBox> placeholders;
  if (!page.texts.empty()) {
    out += "BT\n";
    TextState state;
    for (const auto& t : page.texts) {
      if (!t.text.empty() && t.size > 0) marks.enter(out, t.tag);
      append_text(out, state, t, page.height, registry, fonts, content.fonts_used, placeholders);
    }
    marks.leave(out);
    out += "ET\n";
  }
  if (!placeholders.empty()) marks.enter(out, layout::artifact_ref(layout::Artifact::layout));
  append_placeholder_boxes(out, placeholders);
  marks.leave(out);
  if (marks.tagged())
    for (const auto& image : page.images) content.image_marks.push_back(image.image ? marks.begin(image.tag) : std::string());
  return content;
}

}  // namespace ucap::pdf
