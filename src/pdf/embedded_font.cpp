#include "pdf/embedded_font.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf/deflated_stream.h"
#include "pdf/to_unicode_cmap.h"

namespace ucap::pdf {
namespace {

HPDF_Dict new_indirect_dict(HPDF_Doc pdf) {
  HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
  if (!dict || HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;
  return dict;
}

// Scales font units to the 1/1000 em PDF font metrics use.
int thousandths(int units, int units_per_em) {
  return int(std::lround(units * 1000.0 / units_per_em));
}

// CIDToGIDMap for a font with aliases: two bytes (big-endian) per CID,
// each CID its own glyph up to the first alias, then each alias's glyph.
std::vector<std::uint8_t> cid_to_gid_map(const std::map<font::GlyphId, font::GlyphId>& alias_glyphs) {
  std::vector<std::uint8_t> bytes;
  const std::size_t cids = std::size_t(alias_glyphs.rbegin()->first) + 1;
  bytes.reserve(2 * cids);
  for (std::size_t cid = 0; cid < cids; ++cid) {
    const auto alias = alias_glyphs.find(font::GlyphId(cid));
    const std::size_t glyph = alias == alias_glyphs.end() ? cid : alias->second;
    bytes.push_back(std::uint8_t(glyph >> 8));
    bytes.push_back(std::uint8_t(glyph & 0xFF));
  }
  return deflate_bytes(bytes.data(), bytes.size());
}

}  // namespace

std::string subset_tag(const std::string& postscript_name, const font::FontSubset& subset) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](std::uint8_t byte) { hash = (hash ^ byte) * 1099511628211ull; };
  for (char c : postscript_name) mix(std::uint8_t(c));
  for (const auto& [old_glyph, new_glyph] : subset.old_to_new) {
    mix(std::uint8_t(old_glyph >> 8));
    mix(std::uint8_t(old_glyph));
  }
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = char('A' + hash % 26);
    hash /= 26;
  }
  return tag;
}

std::string make_font_file(const font::SubsetPlan& plan, FontResource::Streams& streams) {
  auto file = plan.write();
  if (!file) return file.error();
  streams.font_file_length = file.value().size();
  streams.font_file = deflate_bytes(file.value().data(), file.value().size(), font_compression_level);
  return streams.font_file.empty() ? "cannot compress a font (out of memory)" : "";
}

void make_to_unicode(const font::FontSubset& subset, const std::map<font::GlyphId, std::u32string>& old_glyph_text,
                     const std::map<GlyphAlias, font::GlyphId>& alias_cids, FontResource::Streams& streams) {
  std::map<std::uint16_t, std::u32string> cid_text;
  for (const auto& [old_glyph, text] : old_glyph_text) cid_text[subset.map(old_glyph)] = text;
  for (const auto& [alias, cid] : alias_cids) cid_text[cid] = alias.text;
  std::string cmap = build_to_unicode_cmap(cid_text);
  streams.to_unicode = deflate_bytes(cmap.data(), cmap.size());
}

HPDF_Dict embed_font(HPDF_Doc pdf, const font::LoadedFace& face, const FontResource& font) {
  const font::TrueTypeFace& file = face.file();
  const font::FaceMetrics& m = file.metrics();
  const int upem = m.units_per_em;
  std::string base_font = subset_tag(file.postscript_name(), font.subset) + "+" + file.postscript_name();
  HPDF_MMgr mmgr = pdf->mmgr;

  HPDF_Dict font_file = new_precompressed_stream(pdf, font.streams.font_file);
  if (!font_file) return nullptr;
  HPDF_Dict_AddNumber(font_file, "Length1", HPDF_INT32(font.streams.font_file_length));

  HPDF_Dict descriptor = new_indirect_dict(pdf);
  if (!descriptor) return nullptr;
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", base_font.c_str());
  // Flags (PDF 32000 Table 123): FixedPitch 1, Serif 2, Symbolic 4,
  // Nonsymbolic 32, Italic 64. A CJK font holds glyphs outside the standard
  // Latin set, so it is symbolic.
  int flags = face.script() == font::Script::japanese ? 4 : 32;
  if (m.fixed_pitch) flags |= 1;
  if (face.family() == font::Family::serif) flags |= 2;
  if (m.italic_angle != 0) flags |= 64;
  HPDF_Dict_AddNumber(descriptor, "Flags", flags);
  HPDF_Array bbox = HPDF_Array_New(mmgr);
  for (int v : {m.x_min, m.y_min, m.x_max, m.y_max}) HPDF_Array_AddNumber(bbox, thousandths(v, upem));
  HPDF_Dict_Add(descriptor, "FontBBox", bbox);
  HPDF_Dict_AddReal(descriptor, "ItalicAngle", HPDF_REAL(m.italic_angle));
  HPDF_Dict_AddNumber(descriptor, "Ascent", thousandths(m.ascender, upem));
  HPDF_Dict_AddNumber(descriptor, "Descent", thousandths(m.descender, upem));
  HPDF_Dict_AddNumber(descriptor, "CapHeight", thousandths(m.cap_height, upem));
  // TrueType has no stem width; this common estimate from the OS/2 weight
  // class (400 → 95, 700 → 168) only guides a viewer that substitutes.
  HPDF_Dict_AddNumber(descriptor, "StemV", 10 + 220 * std::max(0, m.weight_class - 50) / 900);
  HPDF_Dict_Add(descriptor, "FontFile2", font_file);

  HPDF_Dict cid_font = new_indirect_dict(pdf);
  if (!cid_font) return nullptr;
  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "BaseFont", base_font.c_str());
  HPDF_Dict system_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system_info, "Supplement", 0);
  HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  if (font.alias_glyphs.empty()) {
    HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");
  } else {
    HPDF_Dict map = new_precompressed_stream(pdf, cid_to_gid_map(font.alias_glyphs));
    if (!map) return nullptr;
    HPDF_Dict_Add(cid_font, "CIDToGIDMap", map);
  }
  // DW is the most common width (1000 for a Japanese face), and W lists
  // only the others, as runs of consecutive CIDs `c [w1 w2 …]`: for a
  // Japanese subset this drops most of the array.
  std::map<double, int> width_counts;
  for (const auto& [cid, width] : font.widths) ++width_counts[width];
  double default_width = 1000;
  int best = 0;
  for (const auto& [width, count] : width_counts)
    if (count > best) { best = count; default_width = width; }
  // DW must be an integer: poppler reads a real DW as absent and falls
  // back to 1000, spreading every glyph of the default width. Widths that
  // differ from the rounded value go into W.
  default_width = std::round(default_width);
  HPDF_Dict_AddNumber(cid_font, "DW", HPDF_INT(default_width));
  HPDF_Array widths = HPDF_Array_New(mmgr);
  HPDF_Array run = nullptr;
  int previous = -2;
  for (const auto& [cid, width] : font.widths) {
    if (width == default_width) continue;
    if (int(cid) != previous + 1) {
      HPDF_Array_AddNumber(widths, cid);
      run = HPDF_Array_New(mmgr);
      HPDF_Array_Add(widths, run);
    }
    HPDF_Array_AddReal(run, HPDF_REAL(width));
    previous = cid;
  }
  HPDF_Dict_Add(cid_font, "W", widths);

  HPDF_Dict to_unicode = new_precompressed_stream(pdf, font.streams.to_unicode);  // nullptr when empty
  if (!to_unicode) return nullptr;

  HPDF_Dict type0 = new_indirect_dict(pdf);
  if (!type0) return nullptr;
  HPDF_Dict_AddName(type0, "Type", "Font");
  HPDF_Dict_AddName(type0, "Subtype", "Type0");
  HPDF_Dict_AddName(type0, "BaseFont", base_font.c_str());
  HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Array_Add(descendants, cid_font);
  HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  HPDF_Dict_Add(type0, "ToUnicode", to_unicode);
  return type0;
}

}  // namespace ucap::pdf
