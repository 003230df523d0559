#include "pdf/pdf_writer.h"

#include <cstdio>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <system_error>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf/conformance.h"
#include "pdf/deflated_stream.h"
#include "pdf/embedded_font.h"
#include "pdf/haru_stream.h"
#include "pdf/image_xobjects.h"
#include "pdf/object_streams.h"
#include "pdf/page_content.h"
#include "pdf/pdf_text_string.h"
#include "pdf/shared_work.h"
#include "pdf/structure_tree.h"

namespace ucap::pdf {
namespace {

// libharu reports errors through a callback; this one records the first
// so the writer can return it (libharu must not longjmp or exit).
struct HaruErrors {
  HPDF_STATUS status = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void record_haru_error(HPDF_STATUS status, HPDF_STATUS detail, void* user_data) {
  auto* errors = static_cast<HaruErrors*>(user_data);
  if (errors->status == HPDF_OK) {
    errors->status = status;
    errors->detail = detail;
  }
}

struct HaruDocFree {
  void operator()(HPDF_Doc pdf) const { HPDF_Free(pdf); }
};

std::string haru_message(const HaruErrors& e, const char* doing) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u) while %s", unsigned(e.status),
                unsigned(e.detail), doing);
  return buf;
}

// libharu refuses a string or binary longer than this (HPDF_LIMIT_MAX_STRING_LEN),
// failing the whole PDF.
constexpr std::size_t max_pdf_string_bytes = 65'535;

// Cut to what libharu can write, never between the halves of a surrogate
// pair (validation has warned at the text: UCAP047).
HPDF_Binary text_string(HPDF_Doc pdf, std::string_view utf8) {
  auto bytes = utf16be_with_bom(utf8);
  if (bytes.size() > max_pdf_string_bytes) {
    bytes.resize(max_pdf_string_bytes - 1);  // whole UTF-16 units after the two-byte BOM
    const unsigned last = (unsigned(bytes[bytes.size() - 2]) << 8) | bytes.back();
    if (last >= 0xD800 && last <= 0xDBFF) bytes.resize(bytes.size() - 2);
  }
  return HPDF_Binary_New(pdf->mmgr, bytes.data(), HPDF_UINT(bytes.size()));
}

void set_info(HPDF_Doc pdf, const layout::DocumentInfo& info) {
  // Producer is set first: it creates the Info dictionary the others go into.
  HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer_name);
  HPDF_Dict dict = pdf->info;
  if (!dict) return;
  for (auto [key, value] : {std::pair{"Title", &info.title}, {"Author", &info.author},
                            {"Subject", &info.subject}, {"Keywords", &info.keywords}})
    if (!value->empty()) HPDF_Dict_Add(dict, key, text_string(pdf, *value));
  if (const PdfDate date = parse_pdf_date(info.creation_date); date.valid()) {
    HPDF_Date created{date.year, date.month, date.day, 0, 0, 0, 'Z', 0, 0};
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, created);
  }
  if (!info.language.empty())
    HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, info.language.c_str(), nullptr));
}

// [page /XYZ null top null]: keep the reader's left and zoom, scroll to
// `top`. libharu's SetXYZ insists on a zoom, so the array is written here.
HPDF_Destination destination(HPDF_Doc pdf, HPDF_Page page, double top) {
  HPDF_Destination dst = HPDF_Page_CreateDestination(page);
  if (!dst) return nullptr;
  HPDF_Array_Clear(dst);
  HPDF_Array_Add(dst, page);
  HPDF_Array_AddName(dst, "XYZ");
  HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
  HPDF_Array_AddReal(dst, HPDF_REAL(top));
  HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
  return dst;
}

// A link's text, for its annotation's /Contents: the text of its Link
// node on the page, else where it goes.
std::string link_text(const layout::Page& page, const layout::LinkArea& link) {
  std::string text;
  for (const auto& placed : page.texts)
    if (link.tag.node >= 0 && placed.tag.node == link.tag.node) text += placed.text;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text.empty() ? link.uri : text;
}

// A tagged document's link annotation: its text, printed, and its place in
// the structure (the ParentTree key after the pages').
void tag_link(HPDF_Doc pdf, HPDF_Annotation annot, const layout::Page& laid_out, const layout::LinkArea& link,
              std::size_t page_index, std::size_t page_count, std::vector<TaggedAnnotation>& tagged) {
  HPDF_Dict_Add(annot, "Contents", text_string(pdf, link_text(laid_out, link)));
  HPDF_Dict_AddNumber(annot, "F", 4);  // print
  HPDF_Dict_AddNumber(annot, "StructParent", HPDF_INT32(page_count + tagged.size()));
  tagged.push_back({annot, page_index, link.tag.node});
}

// `tagged` null: an untagged document.
void add_links(HPDF_Doc pdf, std::size_t page_index, const std::vector<HPDF_Page>& pages,
               const layout::LaidOutDocument& document, std::vector<TaggedAnnotation>* tagged) {
  HPDF_Page page = pages[page_index];
  const layout::Page& laid_out = document.pages[page_index];
  for (const auto& link : laid_out.links) {
    HPDF_Rect rect{HPDF_REAL(link.x), HPDF_REAL(laid_out.height - link.y - link.height),
                   HPDF_REAL(link.x + link.width), HPDF_REAL(laid_out.height - link.y)};
    HPDF_Annotation annot = nullptr;
    if (!link.uri.empty()) {
      // A cut URI would lead somewhere else: a link too long for libharu
      // stays text without a link (validation has warned: UCAP047).
      if (link.uri.size() > max_pdf_string_bytes) continue;
      annot = HPDF_Page_CreateURILinkAnnot(page, rect, link.uri.c_str());
    } else if (link.target_page >= 0 && std::size_t(link.target_page) < pages.size()) {
      double target_height = document.pages[std::size_t(link.target_page)].height;
      annot = HPDF_Page_CreateLinkAnnot(page, rect, destination(pdf, pages[std::size_t(link.target_page)],
                                                                target_height - link.target_y));
    }
    if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);  // no box drawn around links
    if (annot && tagged) tag_link(pdf, annot, laid_out, link, page_index, pages.size(), *tagged);
  }
}

void add_outline(HPDF_Doc pdf, const layout::LaidOutDocument& document, const std::vector<HPDF_Page>& pages) {
  // parents[level] is the last entry seen at that level; a deeper entry
  // hangs under the nearest shallower one.
  std::vector<HPDF_Outline> parents;
  for (const auto& entry : document.outline) {
    if (entry.page < 0 || std::size_t(entry.page) >= pages.size()) continue;
    std::size_t level = std::size_t(std::max(0, entry.level));
    if (level > parents.size()) level = parents.size();
    parents.resize(level);
    HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
    HPDF_Outline outline = HPDF_CreateOutline(pdf, parent, "", nullptr);
    if (!outline) return;
    HPDF_Dict_Add(outline, "Title", text_string(pdf, entry.title));  // replaces libharu's
    double height = document.pages[std::size_t(entry.page)].height;
    HPDF_Outline_SetDestination(outline, destination(pdf, pages[std::size_t(entry.page)], height - entry.y));
    HPDF_Outline_SetOpened(outline, level == 0 ? HPDF_TRUE : HPDF_FALSE);
    parents.push_back(outline);
  }
}

// One face in pass one: its subset planned, and the tables the content
// writer reads (widths, characters) under the subset's glyph ids.
struct PlannedFace {
  font::FaceIndex face = 0;
  const std::map<font::GlyphId, std::u32string>* glyphs = nullptr;  // old glyph id → characters
  const std::set<GlyphAlias>* aliases = nullptr;                       // null: none
  std::optional<font::SubsetPlan> plan;
  FontResource resource;  // all but its name and streams
  std::string error;
};

// CIDs for the aliases after the subset's own glyph ids (at most 0xFFFF:
// an alias beyond is drawn under its glyph's own CID).
void add_alias_cids(const std::set<GlyphAlias>& aliases, FontResource& resource) {
  std::size_t next = resource.widths.empty() ? 1 : std::size_t(resource.widths.rbegin()->first) + 1;
  for (const GlyphAlias& alias : aliases) {
    if (next > 0xFFFF) break;
    const auto cid = font::GlyphId(next++);
    const font::GlyphId glyph = resource.subset.map(alias.glyph);
    resource.alias_cids.emplace(alias, cid);
    resource.alias_glyphs.emplace(cid, glyph);
    resource.widths[cid] = resource.widths[glyph];
    resource.unicode[cid] = alias.text;
  }
}

void plan_face(PlannedFace& planned, const font::FontRegistry& registry, const WriteOptions& options) {
  const font::LoadedFace& face = registry.face(planned.face);
  std::vector<font::GlyphId> glyphs;
  glyphs.reserve(planned.glyphs->size());
  for (const auto& [glyph, text] : *planned.glyphs) glyphs.push_back(glyph);
  font::SubsetOptions subset_options;
  subset_options.retain_glyph_ids = options.retain_glyph_ids;
  subset_options.keep_hinting =
      face.script() == font::Script::japanese ? options.hint_japanese_faces : options.hint_latin_faces;
  auto plan = font::plan_subset(face, glyphs, subset_options);
  if (!plan) {
    planned.error = plan.error();
    return;
  }
  FontResource& resource = planned.resource;
  resource.subset.old_to_new = plan.value().old_to_new();
  for (const auto& [old_glyph, new_glyph] : resource.subset.old_to_new) {
    resource.widths[new_glyph] = glyph_width_thousandths(face.file(), old_glyph);
    if (auto text = planned.glyphs->find(old_glyph); text != planned.glyphs->end())
      resource.unicode[new_glyph] = text->second;
  }
  if (planned.aliases) add_alias_cids(*planned.aliases, resource);
  resource.index_glyphs();
  planned.plan.emplace(std::move(plan.value()));
}

// Pass one and the work that needs no libharu document: the fonts' subsets
// and streams and the pages' content, ready to be assembled.
struct PreparedContent {
  FontResources fonts;
  std::vector<PageContent> pages;
  std::vector<std::vector<std::uint8_t>> compressed_pages;
};

// One subset per face the document draws, planned (the page content needs
// its glyph ids now, its bytes only when the fonts are embedded), on two
// threads, largest first. Fills `planned` (largest first) and `fonts`.
std::string plan_fonts(const GlyphUsage& usage, const font::FontRegistry& registry, const WriteOptions& options,
                       std::vector<PlannedFace>& planned, FontResources& fonts) {
  for (const auto& [face_index, glyph_text] : usage.faces) {
    const auto aliases = usage.aliases.find(face_index);
    planned.push_back({face_index, &glyph_text, aliases == usage.aliases.end() ? nullptr : &aliases->second, {}, {}, {}});
  }
  std::stable_sort(planned.begin(), planned.end(),
                   [](const PlannedFace& a, const PlannedFace& b) { return a.glyphs->size() > b.glyphs->size(); });
  share_between_two_threads(planned.size(), [&](std::size_t i) { plan_face(planned[i], registry, options); },
                            options.use_second_thread);
  for (PlannedFace& face : planned) {
    if (!face.error.empty()) return face.error;
    fonts.emplace(face.face, std::move(face.resource));
  }
  int next_font = 1;  // F1, F2 … in face order, whatever the planning order
  for (auto& [face_index, resource] : fonts) {
    resource.name = std::to_string(next_font++);
    resource.name.insert(resource.name.begin(), 'F');  // (GCC 12 warns falsely about "F" + string)
  }
  return {};
}

// What is left before libharu assembles the document is independent work:
// each face's subset written and compressed, its ToUnicode CMap, and each
// page's content built and compressed. Two threads take it from one list,
// largest first (a Japanese face's outlines are most of the bytes to
// compress), so that on two cores neither waits long for the other. Each
// result has its own slot: the output does not depend on who did what.
std::string make_streams(const layout::LaidOutDocument& document, const font::FontRegistry& registry,
                         const WriteOptions& options, const std::vector<PlannedFace>& planned,
                         PreparedContent& prepared) {
  const std::size_t face_count = planned.size(), page_count = document.pages.size();
  std::vector<FontResource::Streams> streams(face_count);
  std::vector<std::string> stream_errors(face_count);
  prepared.pages.resize(page_count);
  prepared.compressed_pages.resize(page_count);
  share_between_two_threads(2 * face_count + page_count, [&](std::size_t task) {
    if (task < face_count) {
      stream_errors[task] = make_font_file(*planned[task].plan, streams[task]);
    } else if (task < 2 * face_count) {
      const PlannedFace& face = planned[task - face_count];
      const FontResource& font = prepared.fonts.at(face.face);
      make_to_unicode(font.subset, *face.glyphs, font.alias_cids, streams[task - face_count]);
    } else {
      const std::size_t page = task - 2 * face_count;
      prepared.pages[page] = build_page_content(document.pages[page], registry, prepared.fonts,
                                                options.standards.tagged() ? &document.structure : nullptr);
      const std::string& stream = prepared.pages[page].stream;
      prepared.compressed_pages[page] = deflate_bytes(stream.data(), stream.size());
    }
  }, options.use_second_thread);
  for (std::size_t i = 0; i < face_count; ++i) {
    if (!stream_errors[i].empty()) return stream_errors[i];
    prepared.fonts.at(planned[i].face).streams = std::move(streams[i]);
  }
  return {};
}

// One page of pass two: its size, its compressed content (with a figure's
// drawing operators, which libharu writes into the page's own stream, taken
// out and added after the page's content), its font resources.
std::string add_page(HPDF_Doc pdf, const HaruErrors& errors, const layout::Page& laid_out, const PageContent& content,
                     std::vector<std::uint8_t>& compressed, const FontResources& fonts,
                     const std::map<font::FaceIndex, HPDF_Dict>& font_dicts, ImageXObjects& images, HPDF_Page& page) {
  page = HPDF_AddPage(pdf);
  if (!page) return haru_message(errors, "adding a page");
  HPDF_Page_SetWidth(page, HPDF_REAL(laid_out.width));
  HPDF_Page_SetHeight(page, HPDF_REAL(laid_out.height));
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (!laid_out.images.empty()) {
    if (std::string failed = images.draw(page, laid_out, content.image_marks); !failed.empty())
      return errors.status != HPDF_OK ? haru_message(errors, "embedding an image") : failed;
    auto drawn = memory_stream_bytes(attr->stream);
    if (!drawn) return "cannot read back an image's drawing operators";
    HPDF_MemStream_FreeData(attr->stream);
    std::string whole = content.stream;
    whole.append(drawn->begin(), drawn->end());
    compressed = deflate_bytes(whole.data(), whole.size());
  }
  if (!fill_precompressed(attr->contents, compressed)) return "cannot store a page's content stream (out of memory)";
  if (!content.fonts_used.empty()) {
    HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    if (!resources) return "libharu page has no resource dictionary";
    HPDF_Dict font_resources = HPDF_Dict_New(pdf->mmgr);
    for (font::FaceIndex f : content.fonts_used)
      HPDF_Dict_Add(font_resources, fonts.at(f).name.c_str(), font_dicts.at(f));
    HPDF_Dict_Add(resources, "Font", font_resources);
  }
  return {};
}

font::Result<std::vector<std::uint8_t>> saved_bytes(HPDF_Doc pdf, const HaruErrors& errors) {
  using R = font::Result<std::vector<std::uint8_t>>;
  if (HPDF_SaveToStream(pdf) != HPDF_OK) return R::failure(haru_message(errors, "saving"));
  if (auto saved = memory_stream_bytes(pdf->stream)) return R::success(std::move(*saved));
  std::vector<std::uint8_t> bytes(HPDF_GetStreamSize(pdf));
  HPDF_UINT32 size = HPDF_UINT32(bytes.size());
  HPDF_STATUS read = HPDF_ReadFromStream(pdf, bytes.data(), &size);
  if (read != HPDF_OK && read != HPDF_STREAM_EOF)
    return R::failure(haru_message(errors, "reading the saved document"));
  bytes.resize(size);
  return R::success(std::move(bytes));
}

}  // namespace

font::Result<std::vector<std::uint8_t>> write_pdf(const layout::LaidOutDocument& document,
                                                  const font::FontRegistry& registry,
                                                  std::vector<MissingGlyphFinding>& findings,
                                                  const WriteOptions& options) {
  using R = font::Result<std::vector<std::uint8_t>>;

  // Pass one: the glyphs each face must hold; the subsets, the fonts'
  // streams and the pages' content.
  const GlyphUsage usage = collect_glyph_usage(document, registry);
  findings.insert(findings.end(), usage.missing.begin(), usage.missing.end());
  std::vector<PlannedFace> planned;
  PreparedContent prepared;
  if (std::string failed = plan_fonts(usage, registry, options, planned, prepared.fonts); !failed.empty())
    return R::failure(failed);
  if (std::string failed = make_streams(document, registry, options, planned, prepared); !failed.empty())
    return R::failure(failed);

  // Pass two: libharu assembles the document around them.
  HaruErrors errors;
  std::unique_ptr<_HPDF_Doc_Rec, HaruDocFree> owner(HPDF_New(record_haru_error, &errors));
  HPDF_Doc pdf = owner.get();
  if (!pdf) return R::failure("libharu could not create a document (out of memory)");
  // Every stream is compressed by deflated_stream.h (or is a figure's own
  // compressed data): libharu's compression stays off.
  // UTF-16 text strings and /Lang are PDF 1.4; libharu would say 1.3. A
  // tagged document is PDF 1.7, the base of PDF/UA-1 and PDF/A-2 (/Tabs is 1.5).
  const bool tagged = options.standards.tagged();
  pdf->pdf_version = tagged ? HPDF_VER_17 : HPDF_VER_14;

  std::map<font::FaceIndex, HPDF_Dict> font_dicts;
  for (const auto& [face_index, resource] : prepared.fonts) {
    HPDF_Dict dict = embed_font(pdf, registry.face(face_index), resource);
    if (!dict || errors.status != HPDF_OK) return R::failure(haru_message(errors, "embedding a font"));
    font_dicts[face_index] = dict;
  }
  std::vector<HPDF_Page> pages(document.pages.size());
  ImageXObjects images(pdf);
  for (std::size_t p = 0; p < document.pages.size(); ++p)
    if (std::string failed = add_page(pdf, errors, document.pages[p], prepared.pages[p], prepared.compressed_pages[p],
                                      prepared.fonts, font_dicts, images, pages[p]);
        !failed.empty())
      return R::failure(failed);
  std::vector<TaggedAnnotation> annotations;
  for (std::size_t p = 0; p < pages.size(); ++p) add_links(pdf, p, pages, document, tagged ? &annotations : nullptr);
  add_outline(pdf, document, pages);
  if (!document.outline.empty()) HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
  set_info(pdf, document.info);
  if (std::string failed = add_conformance(pdf, document.info, options.standards); !failed.empty())
    return R::failure(errors.status != HPDF_OK ? haru_message(errors, "adding the metadata") : failed);
  // The tree last: its objects are numbered after every one libharu holds.
  StructureObjects structure;
  if (tagged) {
    std::vector<const std::vector<int>*> mcid_nodes;
    for (const PageContent& content : prepared.pages) mcid_nodes.push_back(&content.mcid_nodes);
    if (std::string failed = add_structure_tree(pdf, document.structure, pages, mcid_nodes, annotations, structure);
        !failed.empty())
      return R::failure(failed);
  }
  if (errors.status != HPDF_OK) return R::failure(haru_message(errors, "building the document"));
  auto saved = saved_bytes(pdf, errors);
  // PDF 1.5's object streams keep the structure tree's small dictionaries
  // from growing a tagged file much (a tagged file is PDF 1.7).
  if (saved && tagged && !pack_object_streams(*saved, structure.objects, options.use_second_thread))
    return R::failure("cannot pack the saved document's objects into object streams");
  if (saved && tagged && !fill_trailer_id(*saved))
    return R::failure("cannot find the trailer's /ID in the saved document");
  return saved;
}

}  // namespace ucap::pdf
