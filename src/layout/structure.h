// The document's logical structure, decided by layout beside the boxes: a
// tree of nodes in reading order (Document, H1–H3, P, lists, tables,
// figures, notes, the contents, links), and for every drawn box either the
// node it belongs to or the kind of artifact it is. The PDF writer turns
// this into marked content and the structure tree of a tagged PDF; it
// invents no structure and reorders nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ucap::layout {

// The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that the
// layouts use, so no RoleMap is needed.
enum class Role : std::uint8_t {
  document, sect, h1, h2, h3, p, l, li, lbl, lbody, table, thead, tbody, tr, th, td,
  note, figure, caption, toc, toci, link, span,
};

// The structure type's name as PDF writes it: "Document", "H1", "LBody" …
std::string_view role_name(Role role);

// Which cells a table header cell heads.
enum class Scope : std::uint8_t { none, row, column };

// What a box that is not content is: page furniture (running header, page
// number), or drawing that only arranges content (rules, tints, grids, a
// table header row repeated on a continuation page).
enum class Artifact : std::uint8_t { none, header, footer, layout };

// A box's place in the structure: a node, or an artifact. Neither (the
// default) means layout has not said; the writer treats it as a layout
// artifact, and the layout tests find none.
struct StructureRef {
  int node = -1;
  Artifact artifact = Artifact::none;
  bool known() const { return node >= 0 || artifact != Artifact::none; }
  friend bool operator==(const StructureRef&, const StructureRef&) = default;
};

inline constexpr StructureRef artifact_ref(Artifact kind) { return {-1, kind}; }

struct StructureNode {
  Role role = Role::p;
  int parent = -1;
  std::vector<int> children;  // in reading order
  std::string alt;            // Figure: the alternative text
  std::string language;       // /Lang where it differs from the document's: "ja"
  Scope scope = Scope::none;  // TH
  int column_span = 1;        // TH, TD
};

// The tree; node 0 is the Document when there is one.
struct Structure {
  std::vector<StructureNode> nodes;

  bool empty() const { return nodes.empty(); }
  // A new node under `parent` (-1: the root), last among its children, or
  // first with `first`.
  int add(int parent, Role role, bool first = false);
};

}  // namespace ucap::layout
