// A tagged PDF's thousands of small structure dictionaries, written by
// libharu one plain object and one 20-byte xref line each, were most of
// what tagging added to a file. PDF 1.5 object streams hold such objects
// compressed together, and a cross-reference stream replaces the xref
// table; libharu writes neither, so this packs the bytes it saved.
#pragma once

#include <cstdint>
#include <vector>

namespace ucap::pdf {

// Rewrites `pdf_bytes`, libharu's saved file (a header, "N 0 obj … endobj"
// objects, one xref table, a trailer), with every non-stream object in
// FlateDecode /ObjStm streams and a compressed /XRef stream whose
// dictionary keeps the trailer's entries (/Root, /Info, /ID). Streams stay
// plain objects, as ISO 32000-1 7.5.7 wants. Deterministic: the same bytes
// in give the same bytes out. Returns false, leaving the bytes as they
// were, when they are not laid out as libharu lays them out.
bool pack_object_streams(std::vector<std::uint8_t>& pdf_bytes);

}  // namespace ucap::pdf
