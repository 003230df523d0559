// Streams compressed by us, once, with libdeflate, instead of by libharu's
// zlib path (deflate level 6 through a 4 KB window of copies): on a
// Japanese plan that path was 40 % of the render. libdeflate compresses the
// whole buffer at once, about three times faster than zlib at the same
// level and a little smaller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <hpdf.h>
#include <hpdf_objects.h>

namespace ucap::pdf {

// zlib-format (RFC 1950) bytes of `data`, as /FlateDecode expects.
std::vector<std::uint8_t> deflate_bytes(const void* data, std::size_t size);

// Fills a libharu stream dictionary with the compressed `data` and makes it
// declare /Filter /FlateDecode; libharu then writes the bytes as they are
// (its own filter stays off). Returns false when libharu cannot take them.
bool fill_deflated(HPDF_Dict stream_dict, const void* data, std::size_t size);

// A new indirect stream object holding `data` compressed; nullptr on failure.
HPDF_Dict new_deflated_stream(HPDF_Doc pdf, const void* data, std::size_t size);

// The same with bytes deflate_bytes() already gave.
bool fill_precompressed(HPDF_Dict stream_dict, const std::vector<std::uint8_t>& compressed);
HPDF_Dict new_precompressed_stream(HPDF_Doc pdf, const std::vector<std::uint8_t>& compressed);

}  // namespace ucap::pdf
