#include "pdf/deflated_stream.h"

#include <array>
#include <memory>
#include <mutex>
#include <vector>

#include <hpdf_doc.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

namespace ucap::pdf {
namespace {

struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

using Compressor = std::unique_ptr<libdeflate_compressor, CompressorFree>;

// Compressors kept for reuse, per level: allocating one (and faulting in its
// hash tables) costs more than compressing a small content stream, and the
// writer's font thread is new for every document. A compressor serves one
// thread at a time; the pool hands each caller its own.
class CompressorPool {
 public:
  Compressor take(int level) {
    {
      std::lock_guard lock(mutex_);
      auto& idle = idle_.at(std::size_t(level));
      if (!idle.empty()) {
        Compressor compressor = std::move(idle.back());
        idle.pop_back();
        return compressor;
      }
    }
    return Compressor(libdeflate_alloc_compressor(level));
  }
  void give_back(int level, Compressor compressor) {
    if (!compressor) return;
    std::lock_guard lock(mutex_);
    idle_.at(std::size_t(level)).push_back(std::move(compressor));
  }

 private:
  std::mutex mutex_;
  std::array<std::vector<Compressor>, 13> idle_;  // libdeflate levels 0–12
};

CompressorPool& compressor_pool() {
  static CompressorPool pool;
  return pool;
}

// libharu calls this while writing the dictionary, after its own keys and
// before ">>": the filter is declared here because libharu removes a
// /Filter key from any stream whose own filter is off.
HPDF_STATUS declare_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

}  // namespace

std::vector<std::uint8_t> deflate_bytes(const void* data, std::size_t size, int level) {
  Compressor compressor = compressor_pool().take(level);
  if (!compressor) return {};
  std::vector<std::uint8_t> out(libdeflate_zlib_compress_bound(compressor.get(), size));
  std::size_t written = libdeflate_zlib_compress(compressor.get(), data, size, out.data(), out.size());
  compressor_pool().give_back(level, std::move(compressor));
  out.resize(written);
  return out;
}

bool fill_precompressed(HPDF_Dict stream_dict, const std::vector<std::uint8_t>& compressed) {
  if (!stream_dict || !stream_dict->stream || compressed.empty()) return false;
  stream_dict->filter = HPDF_STREAM_FILTER_NONE;
  stream_dict->write_fn = declare_flate_filter;
  return HPDF_Stream_Write(stream_dict->stream, compressed.data(), HPDF_UINT(compressed.size())) == HPDF_OK;
}

HPDF_Dict new_precompressed_stream(HPDF_Doc pdf, const std::vector<std::uint8_t>& compressed) {
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!stream || !fill_precompressed(stream, compressed)) return nullptr;
  return stream;
}

}  // namespace ucap::pdf
