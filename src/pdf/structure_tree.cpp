#include "pdf/structure_tree.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdint>
#include <string_view>
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

// Writes PDF syntax into one object's bytes.
class Syntax {
 public:
  explicit Syntax(std::string& out) : out_(out) {}
  Syntax& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  Syntax& number(std::uint64_t value) {
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, end);
    return *this;
  }
  Syntax& reference(std::uint32_t object) { return number(object).raw(" 0 R"); }
  // A literal string, its delimiters and non-printing bytes escaped.
  Syntax& literal(std::string_view text) {
    out_ += '(';
    for (char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (c == '(' || c == ')' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (byte < 0x20 || byte >= 0x7F) {
        const char octal[] = {'\\', char('0' + (byte >> 6)), char('0' + ((byte >> 3) & 7)), char('0' + (byte & 7))};
        out_.append(octal, sizeof octal);
      } else {
        out_ += c;
      }
    }
    out_ += ')';
    return *this;
  }
  // A text string: UTF-16BE with its BOM, in hex.
  Syntax& text(std::string_view utf8) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out_ += '<';
    for (std::uint8_t byte : utf16be_with_bom(utf8)) {
      out_ += hex[byte >> 4];
      out_ += hex[byte & 15];
    }
    out_ += '>';
    return *this;
  }

 private:
  std::string& out_;
};

std::uint32_t object_number(const void* haru_object) {
  return static_cast<const HPDF_Obj_Header*>(haru_object)->obj_id & 0x00FFFFFFu;
}

// The next number libharu's cross-reference table would give.
std::uint32_t next_haru_number(HPDF_Doc pdf) { return pdf->xref->start_offset + pdf->xref->entries->count; }

class TreeWriter {
 public:
  TreeWriter(const layout::Structure& structure, const std::vector<HPDF_Page>& pages,
             const std::vector<TaggedAnnotation>& annotations)
      : structure_(structure), annotations_(annotations), own_(structure.nodes.size()),
        first_(structure.nodes.size(), nowhere), kept_(structure.nodes.size()), numbers_(structure.nodes.size()) {
    page_numbers_.reserve(pages.size());
    for (HPDF_Page page : pages) page_numbers_.push_back(object_number(page));
  }

  // The root first, then each kept element in the tree's order.
  void write(const std::vector<const std::vector<int>*>& mcid_nodes, DirectObjects& objects) {
    collect(mcid_nodes);
    decide_kept();
    root_ = objects.first();
    std::uint32_t next = root_ + 1;
    for (std::size_t i = 0; i < numbers_.size(); ++i)
      if (kept_[i]) numbers_[i] = next++;
    objects.out().reserve(64 * (next - root_) + 16 * mcid_count(mcid_nodes));
    write_root(mcid_nodes, Syntax(objects.out()));
    objects.close();
    for (std::size_t i = 0; i < numbers_.size(); ++i)
      if (kept_[i]) {
        write_element(i, Syntax(objects.out()));
        objects.close();
      }
  }

 private:
  static std::size_t mcid_count(const std::vector<const std::vector<int>*>& mcid_nodes) {
    std::size_t count = 0;
    for (const auto* page : mcid_nodes) count += page->size();
    return count;
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

  // Page p's ParentTree key is p (an array: MCID → element); annotation
  // k's is the page count + k.
  void write_root(const std::vector<const std::vector<int>*>& mcid_nodes, Syntax out) {
    out.raw("<</Type/StructTreeRoot");
    if (!kept_.empty() && kept_[0]) out.raw("/K ").reference(numbers_[0]);
    out.raw("/ParentTree<</Nums[");
    for (std::size_t p = 0; p < mcid_nodes.size(); ++p) {
      out.number(p).raw("[");
      for (int node : *mcid_nodes[p]) {
        if (valid(node)) out.reference(numbers_[std::size_t(node)]).raw(" ");
        else out.raw("null ");
      }
      out.raw("]");
    }
    for (std::size_t k = 0; k < annotations_.size(); ++k) {
      if (!valid(annotations_[k].node)) continue;
      out.raw(" ").number(page_numbers_.size() + k).raw(" ").reference(numbers_[std::size_t(annotations_[k].node)]);
    }
    out.raw("]>>/ParentTreeNextKey ").number(page_numbers_.size() + annotations_.size()).raw(">>");
  }

  void write_element(std::size_t i, Syntax out) {
    const layout::StructureNode& node = structure_.nodes[i];
    // No /Type /StructElem: it is optional, and a tenth of each element's bytes.
    out.raw("<</S/").raw(layout::role_name(node.role));
    out.raw("/P ").reference(valid(node.parent) ? numbers_[std::size_t(node.parent)] : root_);
    const std::size_t page = own_[i].empty() ? SIZE_MAX : own_[i].front().page;
    if (page != SIZE_MAX) out.raw("/Pg ").reference(page_numbers_[page]);
    out.raw("/K[");
    kids(i, page, out);
    out.raw("]");
    // A Note needs an /ID unique in the document (PDF/UA-1 7.9).
    if (node.role == layout::Role::note) out.raw("/ID").literal("note-" + std::to_string(i));
    if (!node.alt.empty()) out.raw("/Alt").text(node.alt);
    if (!node.language.empty()) out.raw("/Lang").literal(node.language);
    if (node.scope != layout::Scope::none || node.column_span > 1) {
      out.raw("/A<</O/Table");
      if (node.scope != layout::Scope::none) out.raw(node.scope == layout::Scope::column ? "/Scope/Column" : "/Scope/Row");
      if (node.column_span > 1) out.raw("/ColSpan ").number(std::uint64_t(node.column_span));
      out.raw(">>");
    }
    out.raw(">>");
  }

  // The node's children and its own content merged in reading order: the
  // children in the tree's order, each item of content before the first
  // child whose content comes after it in the pages.
  void kids(std::size_t i, std::size_t element_page, Syntax out) {
    const std::vector<Item>& own = own_[i];
    std::size_t next = 0;
    bool first = true;
    auto separate = [&] {
      if (!first) out.raw(" ");
      first = false;
    };
    for (int child : structure_.nodes[i].children) {
      if (!valid(child) || !kept_[std::size_t(child)]) continue;
      while (next < own.size() && position_of(own[next]) < first_[std::size_t(child)]) {
        separate();
        add_item(own[next++], element_page, out);
      }
      separate();
      out.reference(numbers_[std::size_t(child)]);
    }
    while (next < own.size()) {
      separate();
      add_item(own[next++], element_page, out);
    }
  }

  void add_item(const Item& item, std::size_t element_page, Syntax out) {
    if (item.annotation >= 0) {
      out.raw("<</Type/OBJR/Obj ").reference(object_number(annotations_[std::size_t(item.annotation)].annotation));
      out.raw("/Pg ").reference(page_numbers_[item.page]).raw(">>");
    } else if (item.page == element_page) {
      out.number(std::uint64_t(item.mcid));
    } else {
      out.raw("<</Type/MCR/Pg ").reference(page_numbers_[item.page]).raw("/MCID ").number(std::uint64_t(item.mcid)).raw(">>");
    }
  }

  const layout::Structure& structure_;
  const std::vector<TaggedAnnotation>& annotations_;
  std::vector<std::uint32_t> page_numbers_;
  std::vector<std::vector<Item>> own_;
  std::vector<Position> first_;
  std::vector<bool> kept_;
  std::vector<std::uint32_t> numbers_;  // each kept node's object number
  std::uint32_t root_ = 0;
};

}  // namespace

std::string add_structure_tree(HPDF_Doc pdf, const layout::Structure& structure, const std::vector<HPDF_Page>& pages,
                               const std::vector<const std::vector<int>*>& mcid_nodes,
                               const std::vector<TaggedAnnotation>& annotations, StructureObjects& written) {
  written.objects = DirectObjects(next_haru_number(pdf));
  TreeWriter(structure, pages, annotations).write(mcid_nodes, written.objects);
  // libharu writes a proxy as "N 0 R" of the object it stands for; this
  // one stands for the root, which only the packed file holds.
  written.root_reference = HPDF_Obj_Header{};
  written.root_reference.obj_id = written.objects.first() | HPDF_OTYPE_INDIRECT;
  written.root_reference.obj_class = HPDF_OCLASS_DICT;
  HPDF_Proxy root = HPDF_Proxy_New(pdf->mmgr, &written.root_reference);
  if (!root || HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root) != HPDF_OK)
    return "cannot create the structure tree (out of memory)";
  HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
  if (!mark_info || HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE) != HPDF_OK ||
      HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info) != HPDF_OK)
    return "cannot create the structure tree (out of memory)";
  for (std::size_t p = 0; p < pages.size(); ++p) {
    HPDF_Dict_AddNumber(pages[p], "StructParents", HPDF_INT32(p));
    HPDF_Dict_AddName(pages[p], "Tabs", "S");
  }
  return {};
}

}  // namespace ucap::pdf
