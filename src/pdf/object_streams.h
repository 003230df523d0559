// A tagged PDF's thousands of small structure dictionaries, written by
// libharu one plain object and one 20-byte xref line each, were most of
// what tagging added to a file. PDF 1.5 object streams hold such objects
// compressed together, and a cross-reference stream replaces the xref
// table; libharu writes neither, so this packs the bytes it saved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ucap::pdf {

// Objects ucap writes as bytes itself, not through libharu (the structure
// tree: thousands of small dictionaries that libharu would allocate one by
// one, save, free, and this pass would parse back), numbered `first`,
// `first` + 1, … in the order they are added. They go straight into the
// object streams.
class DirectObjects {
 public:
  explicit DirectObjects(std::uint32_t first = 0) : first_(first) {}
  std::uint32_t first() const { return first_; }
  std::uint32_t end() const { return first_ + std::uint32_t(ends_.size()); }
  std::size_t size() const { return ends_.size(); }
  std::string_view body(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bodies_).substr(begin, ends_[i] - begin);
  }
  // The bytes of the next object's body are appended to `out()`, then
  // `close()` ends it.
  std::string& out() { return bodies_; }
  void close() { ends_.push_back(bodies_.size()); }

 private:
  std::uint32_t first_;
  std::string bodies_;
  std::vector<std::size_t> ends_;
};

// Rewrites `pdf_bytes`, libharu's saved file (a header, "N 0 obj … endobj"
// objects, one xref table, a trailer), with every non-stream object in
// FlateDecode /ObjStm streams and a compressed /XRef stream whose
// dictionary keeps the trailer's entries (/Root, /Info, /ID). Streams stay
// plain objects, as ISO 32000-1 7.5.7 wants. Deterministic: the same bytes
// in give the same bytes out. Returns false, leaving the bytes as they
// were, when they are not laid out as libharu lays them out. `direct`'s
// objects are packed after libharu's; their numbers must follow all of
// libharu's. The object streams are compressed on two threads unless
// `use_second_thread` is false.
bool pack_object_streams(std::vector<std::uint8_t>& pdf_bytes, const DirectObjects& direct = DirectObjects(),
                         bool use_second_thread = true);

}  // namespace ucap::pdf
