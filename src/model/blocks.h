// Blocks and inlines of FORMAT.md §2, as the layout consumes them.
//
// Inline markup is flattened into runs: a run is a stretch of text with one
// style, so that the layout walks a flat list and never sees XML nesting.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/language.h"
#include "model/source_position.h"

namespace ucap::model {

enum InlineStyle : std::uint8_t {
  style_plain = 0,
  style_emphasis = 1 << 0,  // <em>
  style_strong = 1 << 1,    // <strong>
};

struct TextRun {
  std::string text;            // NFC, whitespace collapsed (see FORMAT.md §2)
  std::uint8_t style = style_plain;
  std::string href;            // non-empty inside <a href>
  bool line_break = false;     // a <br/>: `text` is empty
  SourcePosition position;     // where the text (or <br/>) starts
};

using Inlines = std::vector<TextRun>;

// The text of the runs, with a "\n" for each <br/>.
std::string plain_text(const Inlines& inlines);

struct Block;
using Blocks = std::vector<Block>;

struct Paragraph {
  Inlines inlines;
};

// A note holds inline text, blocks, or inline text followed by blocks,
// like a list item.
struct Note {
  Inlines inlines;
  std::vector<struct Block> blocks;
};

struct ListItem {
  Inlines inlines;  // the item's own text (may be empty when it holds only blocks)
  Blocks blocks;    // nested lists or paragraphs
  SourcePosition position;
};

struct List {
  bool ordered = false;
  std::vector<ListItem> items;
};

enum class CellAlign : std::uint8_t { left, center, right };

struct TableCell {
  bool header = false;  // <th>
  CellAlign align = CellAlign::left;
  std::uint32_t colspan = 1;
  Inlines inlines;
  SourcePosition position;
};

struct TableRow {
  std::vector<TableCell> cells;
  SourcePosition position;
  // Tinted like a header row: set by tables the layout builds (the
  // current meeting of a report), never by the parser.
  bool highlighted = false;
};

struct Table {
  std::vector<double> column_weights;  // from cols="3* 4*"; empty = equal
  std::vector<TableRow> head_rows;
  std::vector<TableRow> body_rows;
};

// One language's caption (or a language-neutral one).
struct Caption {
  Language language = Language::unset;
  Inlines inlines;
  SourcePosition position;
};

struct Figure {
  std::string source;             // img/@src as written, relative to the document
  bool has_source = false;        // false: no src at all (already UCAP018)
  SourcePosition source_position; // of the src value (or the <img> when absent)
  SourcePosition image_position;  // of the <img>
  // img/@alt: what the image shows, read out instead of it, in
  // `alt_language` (the img's or figure's xml:lang; unset: the document's).
  std::string alt;
  bool has_alt = false;
  Language alt_language = Language::unset;
  std::vector<Caption> captions;
};

using BlockContent = std::variant<Paragraph, List, Table, Figure, Note>;

struct Block {
  BlockContent content;
  Language language = Language::unset;  // effective xml:lang
  SourcePosition position;
  std::string element;                  // "p", "ul", "ol", "table", "figure", "note"
  EnglishRegion region = EnglishRegion::unset;  // en-GB / en-US in the effective xml:lang
};

}  // namespace ucap::model
