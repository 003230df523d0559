#include "pdf/page_content.h"

#include <cmath>
#include <cstdio>

#include "font/utf8_decode.h"
#include "pdf/pdf_number.h"

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
// its advance. The fonts' .notdef glyphs are empty, so the box is drawn.
struct PlaceholderBox {
  double x, baseline, width, size;
};

void append_placeholder_boxes(std::string& out, const std::vector<PlaceholderBox>& boxes, const layout::Color& color) {
  if (boxes.empty()) return;
  out += "q\n";
  append_numbers(out, {color.r, color.g, color.b});
  out += "RG\n";
  append_numbers(out, {boxes.front().size * 0.05});
  out += "w\n";
  for (const auto& b : boxes) {
    double margin = b.width * 0.1;
    append_numbers(out, {b.x + margin, b.baseline, std::max(0.0, b.width - 2 * margin), b.size * 0.7});
    out += "re\n";
  }
  out += "S\nQ\n";
}

bool maps_to_other_text(const FontResource& font, font::GlyphId cid, char32_t c) {
  auto mapped = font.unicode.find(cid);
  return mapped != font.unicode.end() && mapped->second != std::u32string(1, c);
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

// One PlacedText: runs of consecutive characters from one face, each run
// one TJ whose adjustments keep the pen on the layout's x positions.
void append_text(std::string& out, const layout::PlacedText& text, double page_height,
                 const font::FontRegistry& registry, const FontResources& fonts, std::set<font::FaceIndex>& used) {
  auto code_points = font::decode_utf8(text.text);
  if (code_points.empty() || text.size <= 0) return;
  double baseline = page_height - text.baseline_y;
  out += "BT\n";
  append_numbers(out, {text.color.r, text.color.g, text.color.b});
  out += "rg\n";

  std::vector<PlaceholderBox> placeholders;
  bool in_run = false, in_hex = false;
  font::FaceIndex run_face = 0;
  double pen = 0;  // where the next glyph lands if nothing moves it, in points
  auto close_run = [&] {
    if (in_hex) out += '>';
    if (in_run) out += "] TJ\n";
    in_run = in_hex = false;
  };
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    font::ResolvedGlyph g = registry.resolve(text.font, code_points[i]);
    if (g.ignorable) continue;
    auto font_it = fonts.find(g.face);
    if (font_it == fonts.end()) continue;  // cannot happen: pass one saw every glyph
    const FontResource& font = font_it->second;
    font::GlyphId cid = font.subset.map(g.glyph);
    double width = font.widths.count(cid) ? font.widths.at(cid) : 0;
    double x = i < text.x_positions.size() ? text.x_positions[i] : pen;

    if (!in_run || g.face != run_face) {
      close_run();
      out += '/';
      out += font.name;
      out += ' ';
      append_numbers(out, {text.size});
      out += "Tf\n1 0 0 1 ";
      append_numbers(out, {x, baseline});
      out += "Tm\n[";
      in_run = true;
      run_face = g.face;
      used.insert(g.face);
      pen = x;
    } else if (std::abs(x - pen) > 0.0005) {
      // A TJ number moves the pen left by n/1000 of the font size.
      double adjust = std::round((pen - x) * 1000 / text.size * 1000) / 1000;
      if (adjust != 0) {
        if (in_hex) { out += '>'; in_hex = false; }
        out += ' ';
        append_number(out, adjust);
        out += ' ';
        pen -= adjust * text.size / 1000;
      }
    }
    if (g.missing) placeholders.push_back({x, baseline, width * text.size / 1000, text.size});
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04X", unsigned(cid));
    if (!g.missing && maps_to_other_text(font, cid, code_points[i])) {
      // Close the TJ, show this glyph inside an /ActualText span, reopen.
      if (in_hex) out += '>';
      out += "] TJ\n/Span <</ActualText " + utf16_hex(code_points[i]) + ">> BDC [<" + hex + ">] TJ EMC\n[";
      in_hex = false;
    } else {
      if (!in_hex) { out += '<'; in_hex = true; }
      out += hex;
    }
    pen += width * text.size / 1000;
  }
  close_run();
  out += "ET\n";
  append_placeholder_boxes(out, placeholders, text.color);
}

}  // namespace

double glyph_width_thousandths(const font::TrueTypeFace& face, font::GlyphId glyph) {
  return std::round(face.advance(glyph) * 1000.0 / face.metrics().units_per_em * 1000) / 1000;
}

PageContent build_page_content(const layout::Page& page, const font::FontRegistry& registry,
                               const FontResources& fonts) {
  PageContent content;
  for (const auto& r : page.rects) append_rect(content.stream, r, page.height);
  for (const auto& l : page.lines) append_line(content.stream, l, page.height);
  for (const auto& t : page.texts) append_text(content.stream, t, page.height, registry, fonts, content.fonts_used);
  return content;
}

}  // namespace ucap::pdf
