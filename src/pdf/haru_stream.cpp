#include "pdf/haru_stream.h"

#include <cstring>

#include <hpdf_list.h>
#include <hpdf_streams.h>

namespace ucap::pdf {

std::optional<std::vector<std::uint8_t>> memory_stream_bytes(HPDF_Stream stream) {
  if (!stream || stream->type != HPDF_STREAM_MEMORY || !stream->attr) return std::nullopt;
  auto* attr = static_cast<HPDF_MemStreamAttr>(stream->attr);
  HPDF_List buffers = attr->buf;
  std::vector<std::uint8_t> bytes;
  bytes.reserve(stream->size);
  // Every buffer is full but the last, which holds w_pos bytes.
  for (HPDF_UINT i = 0; buffers && i < buffers->count; ++i) {
    auto* data = static_cast<const std::uint8_t*>(HPDF_List_ItemAt(buffers, i));
    HPDF_UINT length = i + 1 == buffers->count ? attr->w_pos : attr->buf_siz;
    if (!data || length > attr->buf_siz) return std::nullopt;
    bytes.insert(bytes.end(), data, data + length);
  }
  if (bytes.size() != stream->size) return std::nullopt;
  return bytes;
}

}  // namespace ucap::pdf
