#include "pdf/marked_content.h"

namespace ucap::pdf {

void MarkedContent::enter(std::string& out, const layout::StructureRef& tag) {
  if (!structure_ || (open_ && *open_ == tag)) return;
  leave(out);
  out += begin(tag);
  open_ = tag;
}

void MarkedContent::leave(std::string& out) {
  if (!open_) return;
  out += "EMC\n";
  open_.reset();
}

std::string MarkedContent::begin(const layout::StructureRef& tag) {
  if (!structure_) return {};
  if (tag.node >= 0 && std::size_t(tag.node) < structure_->nodes.size()) {
    const int mcid = int(mcid_nodes_.size());
    mcid_nodes_.push_back(tag.node);
    std::string out = "/";
    out += layout::role_name(structure_->nodes[std::size_t(tag.node)].role);
    out += " <</MCID " + std::to_string(mcid) + ">> BDC\n";
    return out;
  }
  switch (tag.artifact) {
    case layout::Artifact::header: return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
    case layout::Artifact::footer: return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    default: return "/Artifact <</Type /Layout>> BDC\n";  // layout's own, or a box layout did not tag
  }
}

}  // namespace ucap::pdf
