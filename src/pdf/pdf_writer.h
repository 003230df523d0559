// The PDF writer: a laid-out document → PDF bytes. The only room that calls
// libharu. It decides nothing about layout; it encodes what it is given.
//
// Thread safety: write_pdf keeps all state in its own libharu document, so
// two documents may be written at once on two threads over one registry.
// Determinism: no clock, no random ids; the same input gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "font/font_registry.h"
#include "font/font_subset.h"
#include "font/font_result.h"
#include "layout/page_boxes.h"
#include "pdf/glyph_usage.h"
#include "pdf/pdf_standards.h"

namespace ucap::pdf {

struct WriteOptions {
  // Remapped glyph ids measured smaller than retained ones (bench/: 170 vs
  // 175 KB for a three-page Japanese plan), so they are the default.
  bool retain_glyph_ids = false;
  // TrueType instructions are dropped by default: for IPAex they are a
  // third of every glyph (a five-page Japanese plan: 240 KB → 183 KB), and
  // for Liberation they cost 25 KB of a 75 KB English plan. Viewers
  // rasterise body text unhinted or auto-hinted anyway; pages rendered with
  // poppler and MuPDF at 70–150 dpi looked the same either way.
  bool hint_latin_faces = false;
  bool hint_japanese_faces = false;
  // Fonts and pages built on this thread and a second one (see
  // shared_work.h); off: on this thread alone. The bytes are the same.
  bool use_second_thread = true;
  // What the PDF is built to meet and claims; tagging is on for either standard.
  PdfStandards standards;
};

// The PDF in memory. `findings` receives one entry per character that no
// font has (drawn as the primary face's .notdef box); the caller turns them
// into warnings with source positions. Fails only on a libharu or subsetter
// error (out of memory, a font HarfBuzz cannot subset).
font::Result<std::vector<std::uint8_t>> write_pdf(const layout::LaidOutDocument& document,
                                                  const font::FontRegistry& registry,
                                                  std::vector<MissingGlyphFinding>& findings,
                                                  const WriteOptions& options = {});

}  // namespace ucap::pdf
