// What the plan and roster parsers share: positions of elements and
// attributes, xml:lang inheritance, inline text flattened into runs, and
// the structural diagnostics (unknown element, text out of place).
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "model/action_plan.h"
#include "model/blocks.h"
#include "xml/source_file.h"

namespace ucap::xml {

class ElementReader {
 public:
  ElementReader(const SourceFile& source, std::vector<Diagnostic>& out);

  const std::string& file() const { return source_.name; }

  // Position of the element's '<' (or of a text node's first character).
  model::SourcePosition position(pugi::xml_node node) const;
  model::SourcePosition offset_position(std::size_t offset) const { return lines_.position(offset); }

  // The attribute's value and the position of the value's first character;
  // `present` false when absent.
  model::Attribute attribute(pugi::xml_node element, const char* name) const;
  // As attribute(), and UCAP018 when it is absent.
  model::Attribute required_attribute(pugi::xml_node element, const char* name);
  // UCAP009 (warning) for each attribute that is not in `allowed` (xml:lang
  // is always allowed).
  void check_attributes(pugi::xml_node element, std::initializer_list<std::string_view> allowed);

  // en-GB / en-US in the element's effective xml:lang (its own, else its
  // nearest ancestor's), for hyphenation.
  static model::EnglishRegion english_region_of(pugi::xml_node element);
  // The element's effective language: its xml:lang, else `inherited`.
  // Reports UCAP042 for a value other than "en" or "ja".
  model::Language language(pugi::xml_node element, model::Language inherited);

  // The element's mixed content as runs (em, strong, a, br), whitespace
  // collapsed as FORMAT.md §2 says and NFC applied. Any other child
  // element is UCAP010.
  model::Inlines inlines(pugi::xml_node element);
  // A short text element (<title>, <name>, …).
  model::LocalizedText localized_text(pugi::xml_node element, model::Language inherited);
  // Text content of a leaf element (e.g. <issued>), trimmed, NFC.
  model::Attribute leaf_text(pugi::xml_node element);

  // Blocks (p, ul, ol, table, figure, note). Returns false for an element
  // that is not a block, without reporting.
  bool read_block(pugi::xml_node element, model::Language inherited, model::Blocks& out);
  // All children of `container` as blocks; anything else is reported.
  model::Blocks blocks(pugi::xml_node container, model::Language inherited);

  // Where the children of a titled element go (<activity>, <risk>, a
  // report's <section>): <title>s, <lead>s when it has them, and blocks.
  struct TitledContent {
    model::LocalizedTexts& titles;
    model::Blocks& blocks;
    model::LocalizedTexts* leads = nullptr;
  };
  // Reads the titles (and leads), then the blocks. A title or lead after a
  // block is UCAP011 (still read), anything else UCAP010.
  void titled_content(pugi::xml_node element, model::Language language, TitledContent into);

  // Non-whitespace text directly inside an element that holds only
  // elements: UCAP019.
  void reject_text(pugi::xml_node text_node, std::string_view container, std::string hint = "put it in a <p>");
  // An element that holds nothing (<meeting n="3"/>): UCAP010 for a child
  // element, UCAP019 for text.
  void reject_content(pugi::xml_node element);
  // For a child of an element that holds only elements: true for an
  // element; reports text (reject_text) and skips comments and PIs.
  bool element_or_reject_text(pugi::xml_node child, std::string_view container);
  // An element the format does not have here: UCAP010, with a "did you
  // mean" hint from `expected`.
  void unknown_element(pugi::xml_node element, std::string_view container,
                       std::span<const std::string_view> expected);

  void report(const char* code, Severity severity, model::SourcePosition at, std::string message,
              std::string hint = {});

 private:
  void collect_inlines(pugi::xml_node element, std::uint8_t style, const std::string& href,
                       model::Inlines& out);
  void collect_inline(pugi::xml_node child, std::string_view container, std::uint8_t style,
                      const std::string& href, model::Inlines& out);
  model::ListItem list_item(pugi::xml_node element, model::Language language);
  model::Table table(pugi::xml_node element);
  std::vector<model::TableRow> table_rows(pugi::xml_node group, bool head);

  const SourceFile& source_;
  LineIndex lines_;
  std::vector<Diagnostic>& out_;
};

// Collapses whitespace across runs: runs of white space become one space,
// none at the ends or around a <br/>, and none where a source line break
// stands between two Japanese characters. Then applies NFC.
void collapse_whitespace(model::Inlines& inlines);

// The closest of `candidates` to `word` when it is close enough to be a
// likely misspelling (edit distance at most 1, or a third of its length).
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace ucap::xml
