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
#include <hpdf_doc.h>

namespace ucap::pdf {

// Levels (libdeflate's 1–12). Text — content streams, ToUnicode — at 6 as
// zlib's default: it shrinks 5:1 and level 1 would leave it 15 % larger.
// TrueType outlines barely compress (−28 % at best): level 1 gets 97 % of
// level 6's saving in half the time, and the fonts are three quarters of
// what a Japanese PDF compresses (IPAex subset of a five-page plan: 158.5
// KB at 1, 154.0 at 6, 153.6 at 9; 1.6 ms against 2.8 ms).
constexpr int text_compression_level = 6;
constexpr int font_compression_level = 1;

// zlib-format (RFC 1950) bytes of `data`, as /FlateDecode expects.
std::vector<std::uint8_t> deflate_bytes(const void* data, std::size_t size, int level = text_compression_level);

// Fills a libharu stream dictionary with bytes deflate_bytes() (or a PNG)
// already gave and makes it declare /Filter /FlateDecode; libharu then
// writes the bytes as they are (its own filter stays off). Returns false
// when libharu cannot take them.
bool fill_precompressed(HPDF_Dict stream_dict, const std::vector<std::uint8_t>& compressed);
HPDF_Dict new_precompressed_stream(HPDF_Doc pdf, const std::vector<std::uint8_t>& compressed);

}  // namespace ucap::pdf
