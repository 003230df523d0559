// The layout's output and the PDF writer's input: pages of positioned
// boxes. Every decision about where things go has been made; the writer
// only encodes. Coordinates are points from the page's top-left corner,
// y growing downwards (the writer flips them for PDF).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "font/font_choice.h"
#include "layout/structure.h"
#include "model/figure_image.h"

namespace ucap::layout {

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
  friend bool operator==(const Color&, const Color&) = default;
};

// One code point of a PlacedText as the PDF writer draws it: the glyph
// layout measured (face and glyph id, fallback already chosen) and the
// character it stands for, which the text layer gives back (ToUnicode,
// /ActualText): one glyph per character, so a hyphen drawn for a soft
// hyphen, a variation sequence (its selector draws nothing) and a
// character no font has each keep their own text.
struct PlacedGlyph {
  char32_t character = 0;
  font::DrawnGlyph drawn;
  friend bool operator==(const PlacedGlyph&, const PlacedGlyph&) = default;
};

// A run of characters on one baseline, one face request and size.
// `x_positions` and `glyphs` hold the x and the glyph of each code point of
// `text` (same count as code points), so justification, compression and
// Japanese–Latin spacing are already in the positions, and fallback in the
// glyphs.
struct PlacedText {
  font::FontChoice font;             // the face asked for (a glyph may come from a fallback face)
  double size = 10;
  double baseline_y = 0;
  std::string text;                  // UTF-8, NFC
  std::vector<double> x_positions;   // one per code point of text
  Color color;
  StructureRef tag;
  std::vector<PlacedGlyph> glyphs;   // one per code point of text
};

struct PlacedRect {
  double x = 0, y = 0, width = 0, height = 0;  // y is the top edge
  Color fill;
  bool filled = true;
  Color stroke;
  double stroke_width = 0;  // 0 = no stroke
  StructureRef tag;
};

struct PlacedLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  Color color;
  double width = 0.5;
  StructureRef tag;
};

// A figure's image drawn into the box (y is the top edge), scaled to it.
struct PlacedImage {
  double x = 0, y = 0, width = 0, height = 0;
  std::shared_ptr<const model::FigureImage> image;
  StructureRef tag;
};

struct LinkArea {
  double x = 0, y = 0, width = 0, height = 0;
  std::string uri;          // external link, or
  int target_page = -1;     // an internal one (0-based page index)
  double target_y = 0;
  StructureRef tag;  // the Link node that holds the annotation
};

struct Page {
  double width = 595.276;   // A4 in points
  double height = 841.89;
  std::vector<PlacedText> texts;
  std::vector<PlacedRect> rects;
  std::vector<PlacedLine> lines;
  std::vector<PlacedImage> images;
  std::vector<LinkArea> links;
};

struct OutlineEntry {
  std::string title;  // UTF-8
  int page = 0;       // 0-based
  double y = 0;       // top of the heading, points from the top
  int level = 0;      // 0 = section, 1 = activity …
};

struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::string language;       // catalog /Lang: "en", "ja"
  std::string creation_date;  // "YYYY-MM-DD" from the document, never the clock
  // (language code, title) for each language the document is written in,
  // whichever this PDF shows: the XMP's dc:title alternatives.
  std::vector<std::pair<std::string, std::string>> titles;
};

struct LaidOutDocument {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  DocumentInfo info;
  Structure structure;  // what every box's tag refers to
};

}  // namespace ucap::layout
