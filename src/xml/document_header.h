// The header of a document: elements in a fixed order before the body
// (FORMAT.md §1 for plans, §4 for reports). The plan and report readers
// share this walk over the root's children and its structural diagnostics.
#pragma once

#include <functional>
#include <span>
#include <string_view>

#include <pugixml.hpp>

#include "xml/element_reader.h"

namespace ucap::xml {

struct HeaderElement {
  std::string_view name;
  bool required = true;   // a missing one is UCAP012
  bool repeats = false;   // one per language (title, …); else a second one is UCAP013
};

struct DocumentLayout {
  std::string_view root;                    // "action-plan"
  std::span<const HeaderElement> header;    // in order
  std::span<const std::string_view> body;   // what follows the header: "section", …
};

using ChildReader = std::function<void(pugi::xml_node child, std::string_view name)>;

// Reads the root's children in document order, header elements through
// `read_header` and body elements through `read_body`. Reports text out of
// place (UCAP019), an unknown element (UCAP010, with a hint), a header
// element out of order or after the body (UCAP011; still read), a second
// one of a header element that does not repeat (UCAP013; skipped), and
// each required header element that is missing (UCAP012) where it belongs:
// at the next header element present, else at the first body element.
void read_document_children(ElementReader& reader, pugi::xml_node root, const DocumentLayout& layout,
                            const ChildReader& read_header, const ChildReader& read_body);

}  // namespace ucap::xml
