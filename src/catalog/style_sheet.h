// A template's <styles> and <labels> as the file states them. Every value
// is optional: what the file leaves out keeps the layout's built-in
// default, so the defaults live in one place (layout/document_style.h) and
// this room only says what the file says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/language.h"

namespace ucap::catalog {

enum class FontFamily : std::uint8_t { serif, sans };
enum class TextAlign : std::uint8_t { justify, left, right, center };

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

// <page>: sizes and margins in points.
struct PageRule {
  std::optional<double> width, height, top, bottom, left, right, header_baseline, footer_baseline;
};

// <style name lang>: a paragraph style with the space around its block.
struct StyleRule {
  std::string name;
  model::Language language = model::Language::unset;  // unset: every language
  std::optional<double> size, leading, first_line_indent, space_before, space_after;
  std::optional<FontFamily> family;
  std::optional<bool> bold;
  std::optional<Rgb> color;
  std::optional<TextAlign> align;
};

// <list lang>: indents of nested lists.
struct ListRule {
  model::Language language = model::Language::unset;
  std::optional<double> indent, label_gap, item_space;
};

// <table>
struct TableRule {
  std::optional<double> cell_padding, rule_width;
  std::optional<Rgb> header_tint;
};

struct StyleSheet {
  PageRule page;
  std::optional<bool> contents;  // <contents include>: a table of contents
  std::vector<ListRule> lists;   // in the file's order
  TableRule table;
  std::vector<StyleRule> styles;  // in the file's order
};

// <label key xml:lang>: a word or phrase the layout adds, with {placeholders}.
struct Label {
  std::string key;
  model::Language language = model::Language::unset;
  std::string text;
};

}  // namespace ucap::catalog
