// The structure tree of a tagged PDF, from layout's structure (structure.h)
// and the marked content the pages were written with (marked_content.h):
// one StructElem per node that holds content, its kids in the order of the
// tree with each node's own content where it appears in the pages; the
// ParentTree from MCIDs and link annotations back to their elements;
// /StructParents and /Tabs /S on the pages, /MarkInfo on the catalog.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <hpdf.h>

#include <hpdf_objects.h>

#include "layout/structure.h"
#include "pdf/object_streams.h"

namespace ucap::pdf {

// A link annotation and the Link node that holds it.
struct TaggedAnnotation {
  HPDF_Annotation annotation = nullptr;
  std::size_t page = 0;
  int node = -1;
};

// The tree's objects, written as bytes to be packed into object streams
// (pack_object_streams), and what the catalog's /StructTreeRoot points at:
// a stand-in that libharu writes as a reference to the root's number. The
// writer keeps both until the document is saved and packed.
struct StructureObjects {
  DirectObjects objects;
  HPDF_Obj_Header root_reference{};
};

// `mcid_nodes[p][m]`: the node of MCID m on page p. The annotations must
// already have their /StructParent: the page count + their index. Call it
// when libharu holds every other object of the document: the tree's
// objects are numbered after libharu's last. Returns an error message, or
// an empty string.
std::string add_structure_tree(HPDF_Doc pdf, const layout::Structure& structure, const std::vector<HPDF_Page>& pages,
                               const std::vector<const std::vector<int>*>& mcid_nodes,
                               const std::vector<TaggedAnnotation>& annotations, StructureObjects& written);

}  // namespace ucap::pdf
