#include "layout/structure.h"

namespace ucap::layout {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::document: return "Document";
    case Role::sect: return "Sect";
    case Role::h1: return "H1";
    case Role::h2: return "H2";
    case Role::h3: return "H3";
    case Role::p: return "P";
    case Role::l: return "L";
    case Role::li: return "LI";
    case Role::lbl: return "Lbl";
    case Role::lbody: return "LBody";
    case Role::table: return "Table";
    case Role::thead: return "THead";
    case Role::tbody: return "TBody";
    case Role::tr: return "TR";
    case Role::th: return "TH";
    case Role::td: return "TD";
    case Role::note: return "Note";
    case Role::figure: return "Figure";
    case Role::caption: return "Caption";
    case Role::toc: return "TOC";
    case Role::toci: return "TOCI";
    case Role::link: return "Link";
    case Role::span: return "Span";
  }
  return "Span";
}

int Structure::add(int parent, Role role, bool first) {
  const int index = int(nodes.size());
  nodes.push_back({});
  nodes.back().role = role;
  nodes.back().parent = parent;
  if (parent >= 0 && std::size_t(parent) < nodes.size()) {
    std::vector<int>& siblings = nodes[std::size_t(parent)].children;
    siblings.insert(first ? siblings.begin() : siblings.end(), index);
  }
  return index;
}

}  // namespace ucap::layout
