#include "pdf/object_streams.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "pdf/deflated_stream.h"
#include "pdf/shared_work.h"

namespace ucap::pdf {
namespace {

// Objects per object stream. Larger streams compress better (the
// dictionaries repeat the same keys), but a reader decompresses a whole
// stream to reach one object in it.
constexpr std::size_t objects_per_stream = 200;

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The unsigned decimal at `pos` after any white space; `pos` moves past it.
std::optional<std::uint64_t> read_number(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  std::uint64_t value = 0;
  const char* begin = text.data() + pos;
  auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (error != std::errc() || end == begin) return std::nullopt;
  pos = std::size_t(end - text.data());
  return value;
}

// One "N 0 obj … endobj" of the saved file: its bytes and what is between
// "obj" and "endobj".
struct SavedObject {
  std::uint32_t number = 0;
  std::size_t offset = 0, end = 0;
  std::string_view body;
  bool is_stream() const { return body.ends_with("endstream"); }
};

struct SavedFile {
  std::vector<SavedObject> objects;  // in file order
  std::string trailer_entries;       // the trailer dictionary's, but /Size
};

// The in-use entries of the xref table at `pos` (after "xref"), up to "trailer".
bool read_xref_table(std::string_view text, std::size_t& pos, std::size_t xref_offset, SavedFile& file) {
  for (;;) {
    while (pos < text.size() && is_space(text[pos])) ++pos;
    if (text.substr(pos, 7) == "trailer") return true;
    auto first = read_number(text, pos), count = read_number(text, pos);
    if (!first || !count) return false;
    for (std::uint64_t i = 0; i < *count; ++i) {
      auto offset = read_number(text, pos), generation = read_number(text, pos);
      while (pos < text.size() && is_space(text[pos])) ++pos;
      if (!offset || !generation || pos >= text.size()) return false;
      const char kind = text[pos++];
      if (kind == 'f') continue;
      if (kind != 'n' || *generation != 0 || *offset >= xref_offset || *first + i > 0xFFFFFFu) return false;
      file.objects.push_back({std::uint32_t(*first + i), std::size_t(*offset), 0, {}});
    }
  }
}

// The trailer dictionary's entries without /Size (the xref stream's own
// /Size replaces it); nothing when the file is encrypted or updated.
std::optional<std::string> trailer_entries(std::string_view text, std::size_t trailer, std::size_t startxref) {
  const std::size_t open = text.find("<<", trailer), close = text.rfind(">>", startxref);
  if (open == npos || close == npos || close < open) return std::nullopt;
  std::string entries(trimmed(text.substr(open + 2, close - open - 2)));
  if (entries.find("/Encrypt") != npos || entries.find("/Prev") != npos) return std::nullopt;
  const std::size_t size = entries.find("/Size");
  if (size == npos) return std::nullopt;
  std::size_t after = size + 5;
  if (!read_number(entries, after)) return std::nullopt;
  entries.erase(size, after - size);
  return std::string(trimmed(entries));
}

// Each object's extent runs to the next one's offset (the last one's to the
// xref table); its body is what lies between "N 0 obj" and "endobj".
bool find_bodies(std::string_view text, std::size_t xref_offset, SavedFile& file) {
  std::sort(file.objects.begin(), file.objects.end(),
            [](const SavedObject& a, const SavedObject& b) { return a.offset < b.offset; });
  for (std::size_t i = 0; i < file.objects.size(); ++i) {
    SavedObject& object = file.objects[i];
    object.end = i + 1 < file.objects.size() ? file.objects[i + 1].offset : xref_offset;
    const std::string header = std::to_string(object.number) + " 0 obj";
    if (object.end <= object.offset || text.substr(object.offset, header.size()) != header) return false;
    std::string_view body = trimmed(text.substr(object.offset + header.size(), object.end - object.offset - header.size()));
    if (!body.ends_with("endobj")) return false;
    object.body = trimmed(body.substr(0, body.size() - 6));
  }
  return !file.objects.empty();
}

std::optional<SavedFile> read_saved_file(std::string_view text) {
  const std::size_t startxref = text.rfind("startxref");
  if (startxref == npos) return std::nullopt;
  std::size_t pos = startxref + 9;
  auto xref = read_number(text, pos);
  if (!xref || *xref >= startxref || text.substr(*xref, 4) != "xref") return std::nullopt;
  SavedFile file;
  pos = *xref + 4;
  if (!read_xref_table(text, pos, *xref, file)) return std::nullopt;
  auto entries = trailer_entries(text, pos, startxref);
  if (!entries || !find_bodies(text, *xref, file)) return std::nullopt;
  file.trailer_entries = std::move(*entries);
  return file;
}

// A cross-reference stream's row (ISO 32000-1 table 18): type 0 free,
// 1 at a byte offset, 2 the index-th object of object stream `field`.
struct XrefRow {
  std::uint8_t type = 0;
  std::uint64_t field = 0;
  std::uint32_t index = 0;
};

void append(std::vector<std::uint8_t>& out, std::string_view text) { out.insert(out.end(), text.begin(), text.end()); }

void append_stream_object(std::vector<std::uint8_t>& out, std::uint32_t number, const std::string& dictionary_entries,
                          const std::vector<std::uint8_t>& data) {
  append(out, std::to_string(number) + " 0 obj\n<< " + dictionary_entries + " /Filter /FlateDecode /Length " +
                  std::to_string(data.size()) + " >>\nstream\n");
  out.insert(out.end(), data.begin(), data.end());
  append(out, "\nendstream\nendobj\n");
}

// An object to pack: its number and what lies between "obj" and "endobj".
struct PackedObject {
  std::uint32_t number = 0;
  std::string_view body;
};

void append_decimal(std::string& out, std::uint64_t value) {
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

// One object stream: its index (each member's number and offset), then
// the members' bodies; compressed apart from the others.
struct ObjectStream {
  std::string data;
  std::size_t index_size = 0, count = 0;
  std::vector<std::uint8_t> compressed;
};

// The objects `members` in one object stream numbered `number`.
ObjectStream object_stream(std::uint32_t number, std::span<const PackedObject> members, std::vector<XrefRow>& rows) {
  std::string index, bodies;
  std::size_t body_bytes = 0;
  for (const PackedObject& member : members) body_bytes += member.body.size() + 1;
  index.reserve(members.size() * 12 + body_bytes);
  bodies.reserve(body_bytes);
  for (std::size_t k = 0; k < members.size(); ++k) {
    append_decimal(index, members[k].number);
    index += ' ';
    append_decimal(index, bodies.size());
    index += ' ';
    bodies.append(members[k].body);
    bodies += '\n';
    rows[members[k].number] = {2, number, std::uint32_t(k)};
  }
  index.back() = '\n';
  ObjectStream stream;
  stream.index_size = index.size();
  stream.count = members.size();
  index += bodies;
  stream.data = std::move(index);
  return stream;
}

std::size_t bytes_for(std::uint64_t value) {
  std::size_t bytes = 1;
  while (value >>= 8) ++bytes;
  return bytes;
}

// The rows big-endian, /W [1 `width` 2], each row behind the PNG Up
// predictor's tag and as its difference from the row before: the offsets
// grow slowly, so most bytes become zeros and compress to almost nothing.
std::vector<std::uint8_t> predicted_rows(const std::vector<XrefRow>& rows, std::size_t width) {
  const std::size_t row_size = 1 + width + 2;
  std::vector<std::uint8_t> previous(row_size, 0), row(row_size), out;
  out.reserve(rows.size() * (row_size + 1));
  for (const XrefRow& r : rows) {
    row[0] = r.type;
    for (std::size_t b = 0; b < width; ++b) row[1 + b] = std::uint8_t(r.field >> (8 * (width - 1 - b)));
    row[1 + width] = std::uint8_t(r.index >> 8);
    row[2 + width] = std::uint8_t(r.index);
    out.push_back(2);  // PNG Up
    for (std::size_t b = 0; b < row_size; ++b) out.push_back(std::uint8_t(row[b] - previous[b]));
    previous = row;
  }
  return out;
}

bool append_xref_stream(std::vector<std::uint8_t>& out, std::uint32_t number, std::vector<XrefRow>& rows,
                        const std::string& trailer) {
  const std::size_t offset = out.size();
  rows[number] = {1, offset, 0};
  rows[0] = {0, 0, 65535};
  std::uint64_t largest = 0;
  for (const XrefRow& r : rows) largest = std::max(largest, r.field);
  const std::size_t width = bytes_for(largest);
  const std::vector<std::uint8_t> predicted = predicted_rows(rows, width);
  const std::vector<std::uint8_t> compressed = deflate_bytes(predicted.data(), predicted.size(), text_compression_level);
  if (compressed.empty()) return false;
  append_stream_object(out, number,
                       "/Type /XRef /Size " + std::to_string(rows.size()) + " /W [1 " + std::to_string(width) +
                           " 2] " + trailer + " /DecodeParms << /Columns " + std::to_string(width + 3) +
                           " /Predictor 12 >>",
                       compressed);
  append(out, "startxref\n" + std::to_string(offset) + "\n%%EOF\n");
  return true;
}

}  // namespace

bool pack_object_streams(std::vector<std::uint8_t>& pdf_bytes, const DirectObjects& direct, bool use_second_thread) {
  const std::string_view text(reinterpret_cast<const char*>(pdf_bytes.data()), pdf_bytes.size());
  std::optional<SavedFile> file = read_saved_file(text);
  if (!file) return false;

  std::uint32_t next_number = 0;
  for (const SavedObject& object : file->objects) next_number = std::max(next_number, object.number + 1);
  if (direct.size() > 0) {
    if (direct.first() < next_number || direct.end() > 0xFFFFFFu) return false;
    next_number = direct.end();
  }
  std::vector<PackedObject> packed;
  packed.reserve(file->objects.size() + direct.size());
  for (const SavedObject& object : file->objects)
    if (!object.is_stream()) packed.push_back({object.number, object.body});
  for (std::size_t i = 0; i < direct.size(); ++i) packed.push_back({direct.first() + std::uint32_t(i), direct.body(i)});
  const std::size_t stream_count = (packed.size() + objects_per_stream - 1) / objects_per_stream;
  std::vector<XrefRow> rows(next_number + stream_count + 1);

  std::vector<std::uint8_t> out;
  out.reserve(pdf_bytes.size());
  append(out, text.substr(0, file->objects.front().offset));  // the header and its binary comment
  std::vector<ObjectStream> streams;
  for (std::size_t first = 0; first < packed.size(); first += objects_per_stream) {
    const std::span<const PackedObject> members(packed.data() + first,
                                                std::min(packed.size() - first, objects_per_stream));
    streams.push_back(object_stream(next_number + std::uint32_t(streams.size()), members, rows));
  }
  // Compressing is most of the packing's time; each stream apart, on two
  // threads as the fonts and pages are.
  share_between_two_threads(streams.size(), [&](std::size_t i) {
    streams[i].compressed = deflate_bytes(streams[i].data.data(), streams[i].data.size(), text_compression_level);
  }, use_second_thread);
  for (const ObjectStream& stream : streams) {
    if (stream.compressed.empty()) return false;
    rows[next_number] = {1, out.size(), 0};
    append_stream_object(out, next_number++,
                         "/Type /ObjStm /N " + std::to_string(stream.count) + " /First " +
                             std::to_string(stream.index_size),
                         stream.compressed);
  }
  for (const SavedObject& object : file->objects)
    if (object.is_stream()) {
      rows[object.number] = {1, out.size(), 0};
      append(out, text.substr(object.offset, object.end - object.offset));
    }
  if (!append_xref_stream(out, next_number, rows, file->trailer_entries)) return false;
  pdf_bytes = std::move(out);
  return true;
}

}  // namespace ucap::pdf
