// Marked content of a tagged page: each run of boxes that belong to one
// structure node becomes a BDC/EMC sequence with the next MCID, each run of
// artifacts an /Artifact sequence, in the order the content stream draws
// them. The structure tree (structure_tree.h) then points at the MCIDs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "layout/structure.h"

namespace ucap::pdf {

class MarkedContent {
 public:
  // `structure` null: an untagged page, and every call writes nothing.
  // `mcid_nodes` receives the node of each MCID (MCID i → mcid_nodes[i]).
  MarkedContent(const layout::Structure* structure, std::vector<int>& mcid_nodes)
      : structure_(structure), mcid_nodes_(mcid_nodes) {}

  // Ends the open sequence unless it is `tag`'s own, and begins `tag`'s.
  void enter(std::string& out, const layout::StructureRef& tag);
  // Ends the open sequence (before ET, or the end of the page).
  void leave(std::string& out);
  // The operator that begins a sequence of its own for `tag` (a figure's
  // image, drawn apart from the rest): "/Figure <</MCID 7>> BDC\n".
  std::string begin(const layout::StructureRef& tag);

  bool tagged() const { return structure_ != nullptr; }

 private:
  const layout::Structure* structure_;
  std::vector<int>& mcid_nodes_;
  std::optional<layout::StructureRef> open_;
};

}  // namespace ucap::pdf
