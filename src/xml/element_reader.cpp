#include "xml/element_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "text/normalize.h"
#include "model/quoted.h"

namespace ucap::xml {

using model::Language;
using model::SourcePosition;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line ends to Unicode, though
// not to XML; no font draws them, so kept they would be boxes.
bool is_unicode_line_break(char32_t c) { return c == 0x85 || c == 0x2028 || c == 0x2029; }

// Calls `visit(name, name_offset, value_offset)` for each attribute of the
// start tag that begins at `tag_start` (the '<'), in order, until it
// returns false; walking the tag means text inside another attribute's
// value is never mistaken for a name.
template <typename Visit>
void for_each_tag_attribute(std::string_view text, std::size_t tag_start, Visit visit) {
  std::size_t i = tag_start + 1;
  while (i < text.size() && !is_space(text[i]) && text[i] != '>' && text[i] != '/') ++i;  // element name
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] == '>' || text[i] == '/') break;
    std::size_t name_start = i;
    while (i < text.size() && !is_space(text[i]) && text[i] != '=') ++i;
    std::string_view found = text.substr(name_start, i - name_start);
    while (i < text.size() && (is_space(text[i]) || text[i] == '=')) ++i;
    if (i >= text.size()) break;
    char quote = text[i];
    if (quote != '"' && quote != '\'') break;
    std::size_t value_start = i + 1;
    if (!visit(found, name_start, value_start)) return;
    std::size_t close = text.find(quote, value_start);
    if (close == std::string_view::npos) break;
    i = close + 1;
  }
}

// Offset of the value of attribute `name` in the start tag at `tag_start`;
// `tag_start` when it is not found.
std::size_t attribute_value_offset(std::string_view text, std::size_t tag_start, std::string_view name) {
  std::size_t value_at = tag_start;
  for_each_tag_attribute(text, tag_start, [&](std::string_view found, std::size_t, std::size_t value) {
    if (found == name) value_at = value;
    return found != name;
  });
  return value_at;
}

// Offset of the '<' of the element's start tag.
std::size_t tag_start_of(pugi::xml_node element) {
  std::ptrdiff_t offset = element.offset_debug();
  return offset > 0 ? static_cast<std::size_t>(offset) - 1 : 0;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool is_whitespace_only(const char* s) {
  for (; *s; ++s)
    if (!is_space(*s)) return false;
  return true;
}

// The longest string libharu writes (HPDF_LIMIT_MAX_STRING_LEN).
constexpr std::size_t max_link_bytes = 65'535;

// Text, written plainly or as CDATA: the same text to the format.
bool is_text(pugi::xml_node node) {
  return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

}  // namespace

std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (std::string_view candidate : candidates) {
    std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  // A suggestion must keep most of the word: "isued" → "issued", but
  // never "p" → "a".
  std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  return best_distance <= allowed && best_distance < word.size() ? best : std::string_view{};
}

void collapse_whitespace(model::Inlines& inlines) {
  model::Inlines result;
  result.reserve(inlines.size());
  bool pending_space = false;     // white space seen since the last character
  bool pending_newline = false;   // … and it held a line break
  model::TextRun* space_owner = nullptr;  // the run in which the pending space began
  char32_t previous = 0;          // last character written, 0 at a line start
  std::size_t space_owner_index = 0;

  for (model::TextRun& run : inlines) {
    if (run.line_break) {
      pending_space = pending_newline = false;
      previous = 0;
      result.push_back(std::move(run));
      continue;
    }
    model::TextRun out{std::string{}, run.style, run.href, false, run.position};
    result.push_back(std::move(out));
    model::TextRun& target = result.back();
    std::string_view text = run.text;
    std::size_t pos = 0;
    while (pos < text.size()) {
      char c = text[pos];
      if (is_space(c)) {
        if (!pending_space) space_owner_index = result.size() - 1;
        pending_space = true;
        pending_newline |= (c == '\n' || c == '\r');
        ++pos;
        continue;
      }
      std::size_t start = pos;
      char32_t current = text::decode_utf8(text, pos);
      if (is_unicode_line_break(current)) {  // white space like a line end, not a box
        if (!pending_space) space_owner_index = result.size() - 1;
        pending_space = pending_newline = true;
        continue;
      }
      if (pending_space && previous != 0 &&
          !(pending_newline && text::is_japanese(previous) && text::is_japanese(current))) {
        space_owner = &result[space_owner_index];
        space_owner->text += ' ';
      }
      pending_space = pending_newline = false;
      target.text.append(text.substr(start, pos - start));
      previous = current;
    }
  }
  // Drop runs left empty; a trailing space is never written (see above), and
  // white space before a <br/> was dropped when the <br/> reset `pending`.
  model::Inlines kept;
  kept.reserve(result.size());
  for (model::TextRun& run : result) {
    if (!run.line_break && run.text.empty()) continue;
    if (!run.line_break) run.text = text::to_nfc(run.text);
    kept.push_back(std::move(run));
  }
  // A <br/> at the very start or end of the content draws nothing useful but
  // is what the author wrote; keep it.
  inlines = std::move(kept);
}

ElementReader::ElementReader(const SourceFile& source, std::vector<Diagnostic>& out)
    : source_(source), lines_(source.bytes), out_(out) {}

SourcePosition ElementReader::position(pugi::xml_node node) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return {};
  std::size_t at = static_cast<std::size_t>(offset);
  // For elements pugixml points at the name; report the '<' before it.
  if (node.type() == pugi::node_element && at > 0 && source_.bytes[at - 1] == '<') --at;
  // For a DOCTYPE it points past "<!DOCTYPE"; report the "<!".
  if (node.type() == pugi::node_doctype) {
    std::size_t open = source_.bytes.rfind("<!", at);
    if (open != std::string::npos) at = open;
  }
  return lines_.position(at);
}

model::Attribute ElementReader::attribute(pugi::xml_node element, const char* name) const {
  pugi::xml_attribute attr = element.attribute(name);
  if (!attr) return {};
  std::size_t value_at = attribute_value_offset(source_.bytes, tag_start_of(element), name);
  return {text::to_nfc(attr.value()), lines_.position(value_at), true};
}

model::Attribute ElementReader::required_attribute(pugi::xml_node element, const char* name) {
  model::Attribute attr = attribute(element, name);
  if (!attr.present)
    report("UCAP018", Severity::error, position(element),
           fmt::format("<{}> has no '{}' attribute; it is required", element.name(), name));
  return attr;
}

void ElementReader::check_attributes(pugi::xml_node element, std::initializer_list<std::string_view> allowed) {
  auto is_allowed = [&](std::string_view name) {
    return name == "xml:lang" || std::find(allowed.begin(), allowed.end(), name) != allowed.end();
  };
  if (std::all_of(element.attributes_begin(), element.attributes_end(),
                  [&](pugi::xml_attribute attr) { return is_allowed(attr.name()); }))
    return;
  std::vector<std::string_view> candidates(allowed);
  candidates.push_back("xml:lang");
  // One walk over the tag, however many attributes it has: the finding
  // points at the attribute's name.
  for_each_tag_attribute(source_.bytes, tag_start_of(element), [&](std::string_view name, std::size_t name_at, std::size_t) {
    if (is_allowed(name)) return true;
    std::string_view guess = closest_match(name, candidates);
    report("UCAP009", Severity::warning, lines_.position(name_at),
           fmt::format("<{}> has an unknown attribute '{}'; it is ignored", model::quoted(element.name()), model::quoted(name)),
           guess.empty() ? std::string{} : fmt::format("did you mean '{}'?", guess));
    return true;
  });
}

model::EnglishRegion ElementReader::english_region_of(pugi::xml_node element) {
  for (pugi::xml_node at = element; at; at = at.parent())
    if (pugi::xml_attribute lang = at.attribute("xml:lang")) return model::english_region(lang.value());
  return model::EnglishRegion::unset;
}

Language ElementReader::language(pugi::xml_node element, Language inherited) {
  model::Attribute lang = attribute(element, "xml:lang");
  if (!lang.present) return inherited;
  if (auto parsed = model::parse_xml_lang(lang.value)) return *parsed;
  report("UCAP042", Severity::error, lang.position,
         fmt::format("xml:lang=\"{}\" is not a document language", model::quoted(lang.value)),
         "use \"en\" (or \"en-GB\", \"en-US\") or \"ja\"");
  return inherited;
}

void ElementReader::collect_inlines(pugi::xml_node element, std::uint8_t style, const std::string& href,
                                    model::Inlines& out) {
  for (pugi::xml_node child : element.children()) collect_inline(child, element.name(), style, href, out);
}

void ElementReader::collect_inline(pugi::xml_node child, std::string_view container, std::uint8_t style,
                                   const std::string& href, model::Inlines& out) {
  switch (child.type()) {
    case pugi::node_pcdata:
    case pugi::node_cdata:
      out.push_back({child.value(), style, href, false, position(child)});
      break;
    case pugi::node_element: {
      std::string_view name = child.name();
      if (name == "em") {
        check_attributes(child, {});
        collect_inlines(child, style | model::style_emphasis, href, out);
      } else if (name == "strong") {
        check_attributes(child, {});
        collect_inlines(child, style | model::style_strong, href, out);
      } else if (name == "a") {
        check_attributes(child, {"href"});
        model::Attribute link = required_attribute(child, "href");
        if (link.value.size() > max_link_bytes)
          report("UCAP047", Severity::warning, link.position,
                 fmt::format("the link is {} bytes long; a PDF link holds at most {}: the text is kept without its link",
                             link.value.size(), max_link_bytes),
                 "shorten the address");
        collect_inlines(child, style, link.value, out);
      } else if (name == "br") {
        check_attributes(child, {});
        out.push_back({{}, style, href, true, position(child)});
      } else {
        static constexpr std::string_view inline_names[] = {"em", "strong", "a", "br"};
        unknown_element(child, container, inline_names);
      }
      break;
    }
    default:
      break;  // comments and processing instructions
  }
}

model::Inlines ElementReader::inlines(pugi::xml_node element) {
  model::Inlines runs;
  collect_inlines(element, model::style_plain, {}, runs);
  collapse_whitespace(runs);
  return runs;
}

model::LocalizedText ElementReader::localized_text(pugi::xml_node element, Language inherited) {
  check_attributes(element, {});
  return {language(element, inherited), inlines(element), position(element)};
}

model::Attribute ElementReader::leaf_text(pugi::xml_node element) {
  check_attributes(element, {});
  std::string value;
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) value += child.value();
    else if (child.type() == pugi::node_element)
      report("UCAP010", Severity::error, position(child),
             fmt::format("<{}> is not allowed inside <{}>, which holds plain text", model::quoted(child.name()), element.name()));
  }
  auto first = value.find_first_not_of(" \t\r\n");
  auto last = value.find_last_not_of(" \t\r\n");
  value = first == std::string::npos ? std::string{} : value.substr(first, last - first + 1);
  pugi::xml_node text = element.first_child();
  SourcePosition at = text ? position(text) : position(element);
  if (text && first != std::string::npos) {
    // Skip the leading white space so the position is that of the value.
    std::ptrdiff_t offset = text.offset_debug();
    if (offset >= 0) at = lines_.position(static_cast<std::size_t>(offset) + first);
  }
  return {text::to_nfc(value), at, true};
}

model::ListItem ElementReader::list_item(pugi::xml_node element, Language language) {
  check_attributes(element, {});
  model::ListItem item;
  item.position = position(element);
  // An item holds inline text, blocks, or inline text followed by blocks;
  // inline text after a block becomes a paragraph of its own.
  model::Inlines pending;
  auto flush_pending = [&](bool as_item_text) {
    collapse_whitespace(pending);
    if (pending.empty()) return;
    if (as_item_text) {
      item.inlines = std::move(pending);
    } else {
      SourcePosition at = pending.front().position;
      item.blocks.push_back({model::Paragraph{std::move(pending)}, language, at, "p"});
    }
    pending.clear();
  };
  for (pugi::xml_node child : element.children()) {
    bool is_text = child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata;
    std::string_view name = child.name();
    bool is_inline_element = child.type() == pugi::node_element &&
                             (name == "em" || name == "strong" || name == "a" || name == "br");
    if (is_text || is_inline_element) {
      collect_inline(child, "li", model::style_plain, {}, pending);
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    flush_pending(item.blocks.empty() && item.inlines.empty());
    if (!read_block(child, language, item.blocks)) {
      static constexpr std::string_view names[] = {"em", "strong", "a", "br", "p", "ul", "ol", "table", "note"};
      unknown_element(child, element.name(), names);
    }
  }
  flush_pending(item.blocks.empty() && item.inlines.empty());
  return item;
}

std::vector<model::TableRow> ElementReader::table_rows(pugi::xml_node group, bool head) {
  std::vector<model::TableRow> rows;
  for (pugi::xml_node child : group.children()) {
    if (is_text(child)) { reject_text(child, group.name()); continue; }
    if (child.type() != pugi::node_element) continue;
    if (std::string_view(child.name()) != "tr") {
      static constexpr std::string_view names[] = {"tr"};
      unknown_element(child, group.name(), names);
      continue;
    }
    check_attributes(child, {});
    model::TableRow row;
    row.position = position(child);
    for (pugi::xml_node cell : child.children()) {
      if (is_text(cell)) { reject_text(cell, "tr"); continue; }
      if (cell.type() != pugi::node_element) continue;
      std::string_view name = cell.name();
      if (name != "th" && name != "td") {
        static constexpr std::string_view names[] = {"th", "td"};
        unknown_element(cell, "tr", names);
        continue;
      }
      check_attributes(cell, {"align", "colspan"});
      model::TableCell out;
      out.header = name == "th" || head;
      out.position = position(cell);
      model::Attribute align = attribute(cell, "align");
      if (align.present) {
        if (align.value == "left") out.align = model::CellAlign::left;
        else if (align.value == "center") out.align = model::CellAlign::center;
        else if (align.value == "right") out.align = model::CellAlign::right;
        else
          report("UCAP036", Severity::error, align.position,
                 fmt::format("align=\"{}\" is not one of left, center, right", model::quoted(align.value)));
      }
      model::Attribute colspan = attribute(cell, "colspan");
      if (colspan.present) {
        char* end = nullptr;
        long n = std::strtol(colspan.value.c_str(), &end, 10);
        if (end && *end == '\0' && n >= 1 && n <= 1000) out.colspan = static_cast<std::uint32_t>(n);
        else
          report("UCAP044", Severity::error, colspan.position,
                 fmt::format("colspan=\"{}\" is not a whole number from 1 to 1000", model::quoted(colspan.value)));
      }
      out.inlines = inlines(cell);
      row.cells.push_back(std::move(out));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

model::Table ElementReader::table(pugi::xml_node element) {
  check_attributes(element, {"cols"});
  model::Table table;
  model::Attribute cols = attribute(element, "cols");
  if (cols.present) {
    std::string_view spec = cols.value;
    std::size_t pos = 0;
    bool valid = true;
    while (pos < spec.size()) {
      while (pos < spec.size() && spec[pos] == ' ') ++pos;
      if (pos >= spec.size()) break;
      std::size_t end = spec.find(' ', pos);
      std::string token(spec.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
      pos = end == std::string_view::npos ? spec.size() : end;
      if (!token.empty() && token.back() == '*') token.pop_back();
      char* stop = nullptr;
      double weight = token.empty() ? 1.0 : std::strtod(token.c_str(), &stop);
      if ((stop && *stop != '\0') || !(weight > 0) || weight > 1e6) { valid = false; break; }
      table.column_weights.push_back(weight);
    }
    if (!valid) {
      table.column_weights.clear();
      report("UCAP044", Severity::error, cols.position,
             fmt::format("cols=\"{}\" is not a list of relative widths like \"3* 4*\"", model::quoted(cols.value)));
    }
  }
  // Rows straight in the table are read by table_rows, text and all: the
  // text is reported there, once.
  const bool bare_rows = static_cast<bool>(element.child("tr"));
  for (pugi::xml_node child : element.children()) {
    if (is_text(child)) {
      if (!bare_rows) reject_text(child, "table");
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    std::string_view name = child.name();
    if (name == "thead" || name == "tbody") {
      check_attributes(child, {});
      auto rows = table_rows(child, name == "thead");
      auto& target = name == "thead" ? table.head_rows : table.body_rows;
      for (auto& row : rows) target.push_back(std::move(row));
    } else if (name == "tr") {
      // A table without thead/tbody: its rows are body rows.
      auto rows = table_rows(element, false);
      for (auto& row : rows) table.body_rows.push_back(std::move(row));
      break;
    } else {
      static constexpr std::string_view names[] = {"thead", "tbody", "tr"};
      unknown_element(child, "table", names);
    }
  }
  return table;
}

bool ElementReader::read_block(pugi::xml_node element, Language inherited, model::Blocks& out) {
  std::string_view name = element.name();
  Language language = inherited;
  model::Block block;
  block.position = position(element);
  block.element = std::string(name);
  block.region = english_region_of(element);
  if (name == "p") {
    check_attributes(element, {});
    language = this->language(element, inherited);
    block.content = model::Paragraph{inlines(element)};
  } else if (name == "note") {
    language = this->language(element, inherited);
    model::ListItem content = list_item(element, language);
    block.content = model::Note{std::move(content.inlines), std::move(content.blocks)};
  } else if (name == "ul" || name == "ol") {
    check_attributes(element, {});
    language = this->language(element, inherited);
    model::List list;
    list.ordered = name == "ol";
    for (pugi::xml_node child : element.children()) {
      if (is_text(child)) { reject_text(child, name); continue; }
      if (child.type() != pugi::node_element) continue;
      if (std::string_view(child.name()) != "li") {
        static constexpr std::string_view names[] = {"li"};
        unknown_element(child, name, names);
        continue;
      }
      list.items.push_back(list_item(child, this->language(child, language)));
    }
    block.content = std::move(list);
  } else if (name == "table") {
    language = this->language(element, inherited);
    block.content = table(element);
  } else if (name == "figure") {
    check_attributes(element, {});
    language = this->language(element, inherited);
    model::Figure figure;
    bool has_image = false;
    for (pugi::xml_node child : element.children()) {
      if (is_text(child)) { reject_text(child, "figure"); continue; }
      if (child.type() != pugi::node_element) continue;
      std::string_view child_name = child.name();
      if (child_name == "img" && !has_image) {
        check_attributes(child, {"src", "alt"});
        model::Attribute src = required_attribute(child, "src");
        figure.source = src.value;
        figure.has_source = src.present;
        figure.source_position = src.present ? src.position : position(child);
        figure.image_position = position(child);
        model::Attribute alt = attribute(child, "alt");
        figure.alt = alt.value;
        figure.has_alt = alt.present && !alt.value.empty();
        figure.alt_language = this->language(child, language);
        has_image = true;
      } else if (child_name == "caption") {
        check_attributes(child, {});
        figure.captions.push_back({this->language(child, language), inlines(child), position(child)});
      } else {
        static constexpr std::string_view names[] = {"img", "caption"};
        unknown_element(child, "figure", names);
      }
    }
    if (!has_image)
      report("UCAP012", Severity::error, block.position, "<figure> has no <img src=\"…\">");
    block.content = std::move(figure);
  } else {
    return false;
  }
  block.language = language;
  out.push_back(std::move(block));
  return true;
}

model::Blocks ElementReader::blocks(pugi::xml_node container, Language inherited) {
  model::Blocks result;
  static constexpr std::string_view names[] = {"p", "ul", "ol", "table", "figure", "note"};
  for (pugi::xml_node child : container.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      reject_text(child, container.name());
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    if (!read_block(child, inherited, result)) unknown_element(child, container.name(), names);
  }
  return result;
}

void ElementReader::titled_content(pugi::xml_node element, Language language, TitledContent into) {
  static constexpr std::string_view with_lead[] = {"title", "lead", "p", "ul", "ol", "table", "figure", "note"};
  static constexpr std::string_view without_lead[] = {"title", "p", "ul", "ol", "table", "figure", "note"};
  std::string_view container = element.name();
  for (pugi::xml_node child : element.children()) {
    if (!element_or_reject_text(child, container)) continue;
    std::string_view name = child.name();
    model::LocalizedTexts* texts = name == "title" ? &into.titles : name == "lead" ? into.leads : nullptr;
    if (texts) {
      if (!into.blocks.empty())
        report("UCAP011", Severity::error, position(child),
               fmt::format("<{}> is out of order: it belongs before the text of <{}>", name, container));
      texts->push_back(localized_text(child, language));
    } else if (!read_block(child, language, into.blocks)) {
      if (into.leads) unknown_element(child, container, with_lead);
      else unknown_element(child, container, without_lead);
    }
  }
}

void ElementReader::reject_text(pugi::xml_node text_node, std::string_view container, std::string hint) {
  const char* value = text_node.value();
  if (is_whitespace_only(value)) return;
  std::size_t skip = 0;
  while (value[skip] && is_space(value[skip])) ++skip;
  std::ptrdiff_t offset = text_node.offset_debug();
  // A CDATA section is reported at its "<![CDATA[", before its text.
  constexpr std::ptrdiff_t cdata_opening = 9;
  if (text_node.type() == pugi::node_cdata && offset >= cdata_opening) offset -= cdata_opening, skip = 0;
  SourcePosition at = offset >= 0 ? lines_.position(static_cast<std::size_t>(offset) + skip) : position(text_node);
  report("UCAP019", Severity::error, at, fmt::format("text is not allowed directly inside <{}>", container),
         std::move(hint));
}

void ElementReader::reject_content(pugi::xml_node element) {
  for (pugi::xml_node child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      reject_text(child, element.name(), fmt::format("<{}> is empty; its value is in attributes", element.name()));
    } else if (child.type() == pugi::node_element) {
      report("UCAP010", Severity::error, position(child),
             fmt::format("<{}> is not allowed inside <{}>, which is empty", model::quoted(child.name()), element.name()));
    }
  }
}

bool ElementReader::element_or_reject_text(pugi::xml_node child, std::string_view container) {
  if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) reject_text(child, container);
  return child.type() == pugi::node_element;
}

void ElementReader::unknown_element(pugi::xml_node element, std::string_view container,
                                    std::span<const std::string_view> expected) {
  std::string_view guess = closest_match(element.name(), expected);
  std::string hint;
  if (!guess.empty()) hint = fmt::format("did you mean <{}>?", guess);
  else {
    hint = "expected ";
    for (std::size_t i = 0; i < expected.size(); ++i)
      hint += fmt::format("{}<{}>", i == 0 ? "" : (i + 1 == expected.size() ? " or " : ", "), expected[i]);
  }
  report("UCAP010", Severity::error, position(element),
         fmt::format("<{}> is not allowed inside <{}>", model::quoted(element.name()), container), std::move(hint));
}

void ElementReader::report(const char* code, Severity severity, SourcePosition at, std::string message,
                           std::string hint) {
  out_.push_back(Diagnostic{.code = code,
                            .severity = severity,
                            .file = source_.name,
                            .line = at.line,
                            .column = at.column,
                            .message = std::move(message),
                            .hint = std::move(hint)});
}

}  // namespace ucap::xml
