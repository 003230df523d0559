#include "pdf/structure_tree.h"

#include <algorithm>
#include <climits>
#include <utility>

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf/pdf_text_string.h"

namespace ucap::pdf {
namespace {

// A node's own content: an MCID on a page, or a link annotation (OBJR).
struct Item {
  std::size_t page = 0;
  int mcid = -1;
  int annotation = -1;
};

// Where content stands in the pages' order; an annotation after its
// page's marked content.
using Position = std::pair<std::size_t, long>;
constexpr Position nowhere{SIZE_MAX, LONG_MAX};
Position position_of(const Item& item) { return {item.page, item.annotation >= 0 ? LONG_MAX - 1 : item.mcid}; }

class TreeWriter {
 public:
  TreeWriter(HPDF_Doc pdf, const layout::Structure& structure, const std::vector<HPDF_Page>& pages,
             const std::vector<TaggedAnnotation>& annotations)
      : pdf_(pdf), structure_(structure), pages_(pages), annotations_(annotations),
        own_(structure.nodes.size()), first_(structure.nodes.size(), nowhere), kept_(structure.nodes.size()),
        elements_(structure.nodes.size()) {}

  std::string write(const std::vector<const std::vector<int>*>& mcid_nodes) {
    collect(mcid_nodes);
    decide_kept();
    HPDF_Dict root = indirect_dict();
    if (!root) return "cannot create the structure tree (out of memory)";
    for (std::size_t i = 0; i < elements_.size(); ++i)
      if (kept_[i] && !(elements_[i] = indirect_dict())) return "cannot create the structure tree (out of memory)";
    for (std::size_t i = 0; i < elements_.size(); ++i)
      if (kept_[i]) fill_element(i, root);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    if (!elements_.empty() && kept_[0]) HPDF_Dict_Add(root, "K", elements_[0]);
    HPDF_Dict_Add(root, "ParentTree", parent_tree(mcid_nodes));
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", HPDF_INT32(pages_.size() + annotations_.size()));
    HPDF_Dict_Add(pdf_->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(pdf_->mmgr);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(pdf_->catalog, "MarkInfo", mark_info);
    for (std::size_t p = 0; p < pages_.size(); ++p) {
      HPDF_Dict_AddNumber(pages_[p], "StructParents", HPDF_INT32(p));
      HPDF_Dict_AddName(pages_[p], "Tabs", "S");
    }
    return {};
  }

 private:
  HPDF_Dict indirect_dict() {
    HPDF_Dict dict = HPDF_Dict_New(pdf_->mmgr);
    if (dict && HPDF_Xref_Add(pdf_->xref, dict) != HPDF_OK) return nullptr;
    return dict;
  }

  bool valid(int node) const { return node >= 0 && std::size_t(node) < structure_.nodes.size(); }

  void collect(const std::vector<const std::vector<int>*>& mcid_nodes) {
    for (std::size_t p = 0; p < mcid_nodes.size(); ++p)
      for (std::size_t m = 0; m < mcid_nodes[p]->size(); ++m)
        if (int node = (*mcid_nodes[p])[m]; valid(node)) own_[std::size_t(node)].push_back({p, int(m), -1});
    for (std::size_t k = 0; k < annotations_.size(); ++k)
      if (valid(annotations_[k].node)) own_[std::size_t(annotations_[k].node)].push_back({annotations_[k].page, -1, int(k)});
    for (auto& items : own_)
      std::stable_sort(items.begin(), items.end(),
                       [](const Item& a, const Item& b) { return position_of(a) < position_of(b); });
  }

  // A node is written when it or a node below it holds content; a table
  // cell always, so that rows stay as wide as the table.
  void decide_kept() {
    for (std::size_t i = structure_.nodes.size(); i-- > 0;) {
      const layout::StructureNode& node = structure_.nodes[i];
      if (!own_[i].empty()) first_[i] = position_of(own_[i].front());
      bool holds = !own_[i].empty() || node.role == layout::Role::th || node.role == layout::Role::td;
      for (int child : node.children)
        if (valid(child) && std::size_t(child) > i && kept_[std::size_t(child)]) {
          holds = true;
          first_[i] = std::min(first_[i], first_[std::size_t(child)]);
        }
      kept_[i] = holds;
    }
  }

  HPDF_Binary text_string(const std::string& utf8) {
    auto bytes = utf16be_with_bom(utf8);
    return HPDF_Binary_New(pdf_->mmgr, bytes.data(), HPDF_UINT(bytes.size()));
  }

  void fill_element(std::size_t i, HPDF_Dict root) {
    const layout::StructureNode& node = structure_.nodes[i];
    HPDF_Dict element = elements_[i];
    // No /Type /StructElem: it is optional, and a tenth of each element's bytes.
    HPDF_Dict_AddName(element, "S", std::string(layout::role_name(node.role)).c_str());
    HPDF_Dict_Add(element, "P", valid(node.parent) ? elements_[std::size_t(node.parent)] : root);
    const std::size_t page = own_[i].empty() ? SIZE_MAX : own_[i].front().page;
    if (page != SIZE_MAX) HPDF_Dict_Add(element, "Pg", pages_[page]);
    HPDF_Dict_Add(element, "K", kids(i, page));
    // A Note needs an /ID unique in the document (PDF/UA-1 7.9).
    if (node.role == layout::Role::note)
      HPDF_Dict_Add(element, "ID", HPDF_String_New(pdf_->mmgr, ("note-" + std::to_string(i)).c_str(), nullptr));
    if (!node.alt.empty()) HPDF_Dict_Add(element, "Alt", text_string(node.alt));
    if (!node.language.empty()) HPDF_Dict_Add(element, "Lang", HPDF_String_New(pdf_->mmgr, node.language.c_str(), nullptr));
    if (node.scope != layout::Scope::none || node.column_span > 1) {
      HPDF_Dict attributes = HPDF_Dict_New(pdf_->mmgr);
      HPDF_Dict_AddName(attributes, "O", "Table");
      if (node.scope != layout::Scope::none)
        HPDF_Dict_AddName(attributes, "Scope", node.scope == layout::Scope::column ? "Column" : "Row");
      if (node.column_span > 1) HPDF_Dict_AddNumber(attributes, "ColSpan", node.column_span);
      HPDF_Dict_Add(element, "A", attributes);
    }
  }

  // The node's children and its own content merged in reading order: the
  // children in the tree's order, each item of content before the first
  // child whose content comes after it in the pages.
  HPDF_Array kids(std::size_t i, std::size_t element_page) {
    HPDF_Array kids = HPDF_Array_New(pdf_->mmgr);
    const std::vector<Item>& own = own_[i];
    std::size_t next = 0;
    for (int child : structure_.nodes[i].children) {
      if (!valid(child) || !kept_[std::size_t(child)]) continue;
      while (next < own.size() && position_of(own[next]) < first_[std::size_t(child)]) add_item(kids, own[next++], element_page);
      HPDF_Array_Add(kids, elements_[std::size_t(child)]);
    }
    while (next < own.size()) add_item(kids, own[next++], element_page);
    return kids;
  }

  void add_item(HPDF_Array kids, const Item& item, std::size_t element_page) {
    if (item.annotation >= 0) {
      HPDF_Dict reference = HPDF_Dict_New(pdf_->mmgr);
      HPDF_Dict_AddName(reference, "Type", "OBJR");
      HPDF_Dict_Add(reference, "Obj", annotations_[std::size_t(item.annotation)].annotation);
      HPDF_Dict_Add(reference, "Pg", pages_[item.page]);
      HPDF_Array_Add(kids, reference);
    } else if (item.page == element_page) {
      HPDF_Array_AddNumber(kids, item.mcid);
    } else {
      HPDF_Dict reference = HPDF_Dict_New(pdf_->mmgr);
      HPDF_Dict_AddName(reference, "Type", "MCR");
      HPDF_Dict_Add(reference, "Pg", pages_[item.page]);
      HPDF_Dict_AddNumber(reference, "MCID", item.mcid);
      HPDF_Array_Add(kids, reference);
    }
  }

  // Page p's key is p (an array: MCID → element); annotation k's is the
  // page count + k.
  HPDF_Dict parent_tree(const std::vector<const std::vector<int>*>& mcid_nodes) {
    HPDF_Dict tree = HPDF_Dict_New(pdf_->mmgr);
    HPDF_Array numbers = HPDF_Array_New(pdf_->mmgr);
    for (std::size_t p = 0; p < mcid_nodes.size(); ++p) {
      HPDF_Array parents = HPDF_Array_New(pdf_->mmgr);
      for (int node : *mcid_nodes[p])
        if (valid(node)) HPDF_Array_Add(parents, elements_[std::size_t(node)]);
        else HPDF_Array_Add(parents, HPDF_Null_New(pdf_->mmgr));
      HPDF_Array_AddNumber(numbers, HPDF_INT32(p));
      HPDF_Array_Add(numbers, parents);
    }
    for (std::size_t k = 0; k < annotations_.size(); ++k) {
      if (!valid(annotations_[k].node)) continue;
      HPDF_Array_AddNumber(numbers, HPDF_INT32(pages_.size() + k));
      HPDF_Array_Add(numbers, elements_[std::size_t(annotations_[k].node)]);
    }
    HPDF_Dict_Add(tree, "Nums", numbers);
    return tree;
  }

  HPDF_Doc pdf_;
  const layout::Structure& structure_;
  const std::vector<HPDF_Page>& pages_;
  const std::vector<TaggedAnnotation>& annotations_;
  std::vector<std::vector<Item>> own_;
  std::vector<Position> first_;
  std::vector<bool> kept_;
  std::vector<HPDF_Dict> elements_;
};

}  // namespace

std::string add_structure_tree(HPDF_Doc pdf, const layout::Structure& structure, const std::vector<HPDF_Page>& pages,
                               const std::vector<const std::vector<int>*>& mcid_nodes,
                               const std::vector<TaggedAnnotation>& annotations) {
  return TreeWriter(pdf, structure, pages, annotations).write(mcid_nodes);
}

}  // namespace ucap::pdf
