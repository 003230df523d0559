#include "validate/image_check.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>
#include <zlib.h>

#include "validate/relative_path.h"
#include "model/quoted.h"

namespace ucap::validate {

namespace fs = std::filesystem;

namespace {

// A PNG or JPEG must end within this many bytes of its end marker: some
// writers pad a little after it, and a file cut short has no marker there.
constexpr std::size_t tail_window = 4096;
// A JPEG whose frame header is not among its first segments is refused
// rather than walked to the end: each segment costs a seek.
constexpr int max_jpeg_segments = 1000;

Diagnostic problem(const char* code, std::string message, std::string hint = {}) {
  return Diagnostic{.code = code, .severity = Severity::error, .message = std::move(message), .hint = std::move(hint)};
}

using HeaderRead = Result<ImageHeader>;

HeaderRead bad_header(const char* code, std::string message, std::string hint = {}) {
  return HeaderRead::failure(problem(code, std::move(message), std::move(hint)));
}

// Pieces of an image by offset, from a file or from memory; a piece past
// the end comes back short.
class ImageBytes {
 public:
  virtual ~ImageBytes() = default;
  virtual std::uint64_t size() const = 0;
  virtual std::string read(std::uint64_t offset, std::size_t count) = 0;

  // The last bytes, at most tail_window of them, from `from` on.
  std::string tail(std::uint64_t from) {
    std::uint64_t start = std::max<std::uint64_t>(from, size() > tail_window ? size() - tail_window : 0);
    return read(start, tail_window);
  }
};

class FileBytes final : public ImageBytes {
 public:
  explicit FileBytes(const fs::path& path) : in_(path, std::ios::binary) {
    std::error_code ec;
    size_ = fs::file_size(path, ec);
    if (ec) in_.setstate(std::ios::failbit);
  }
  bool is_open() const { return static_cast<bool>(in_); }
  std::uint64_t size() const override { return size_; }

  std::string read(std::uint64_t offset, std::size_t count) override {
    if (offset >= size_) return {};
    std::string bytes(static_cast<std::size_t>(std::min<std::uint64_t>(count, size_ - offset)), '\0');
    in_.clear();
    in_.seekg(static_cast<std::streamoff>(offset));
    in_.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in_.gcount(), 0)));
    return bytes;
  }

 private:
  std::ifstream in_;
  std::uint64_t size_ = 0;
};

class MemoryBytes final : public ImageBytes {
 public:
  explicit MemoryBytes(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t size() const override { return bytes_.size(); }
  std::string read(std::uint64_t offset, std::size_t count) override {
    return offset >= bytes_.size() ? std::string{} : std::string(bytes_.substr(static_cast<std::size_t>(offset), count));
  }

 private:
  std::string_view bytes_;
};

std::uint32_t big_endian(std::string_view bytes, std::size_t at, int width) {
  std::uint32_t value = 0;
  for (int i = 0; i < width; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

constexpr std::string_view png_signature{"\x89PNG\r\n\x1a\n", 8};
// The IEND chunk: zero length, type, and its fixed CRC.
constexpr std::string_view png_end{"IEND\xAE\x42\x60\x82", 8};

// Signature, then the IHDR chunk: length 13, "IHDR", width, height, five
// one-byte fields, CRC.
HeaderRead read_png(ImageBytes& file) {
  std::string head = file.read(0, 33);
  if (head.size() < 33) return bad_header("UCAP082", "PNG file is cut short: its header is incomplete");
  std::string_view chunk = std::string_view(head).substr(12, 17);  // type and data, what the CRC covers
  bool crc_ok = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size())) ==
                big_endian(head, 29, 4);
  if (big_endian(head, 8, 4) != 13 || chunk.substr(0, 4) != "IHDR" || !crc_ok)
    return bad_header("UCAP082", "PNG header (IHDR) is damaged");
  ImageHeader header{ImageFormat::png, big_endian(head, 16, 4), big_endian(head, 20, 4)};
  if (header.width == 0 || header.height == 0)
    return bad_header("UCAP082", fmt::format("PNG header gives a size of {} × {} pixels", header.width, header.height));
  if (file.tail(33).find(png_end) == std::string::npos)
    return bad_header("UCAP082", "PNG file is cut short: it has no end (IEND) chunk", "export the image again");
  return header;
}

// A start-of-frame marker (SOF0–SOF15, except DHT, JPG and DAC) holds the
// dimensions.
bool is_start_of_frame(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers that stand alone, without a length: TEM and RST0–RST7.
bool is_standalone(unsigned char marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

// Walks the segments after SOI to the first start-of-frame header.
HeaderRead read_jpeg(ImageBytes& file) {
  const Diagnostic cut_short = problem("UCAP082", "JPEG file is cut short before its frame header");
  std::uint64_t at = 2;
  for (int segment = 0; segment < max_jpeg_segments; ++segment) {
    std::string marker = file.read(at, 2);
    if (marker.size() < 2) return HeaderRead::failure(cut_short);
    if (static_cast<unsigned char>(marker[0]) != 0xFF) return bad_header("UCAP082", "JPEG structure is damaged");
    auto type = static_cast<unsigned char>(marker[1]);
    if (type == 0xFF) { ++at; continue; }  // fill byte before a marker
    if (is_standalone(type)) { at += 2; continue; }
    if (type == 0xD9 || type == 0xDA) return bad_header("UCAP082", "JPEG has no frame header before its image data");
    std::string length = file.read(at + 2, 2);
    if (length.size() < 2) return HeaderRead::failure(cut_short);
    std::uint32_t size = big_endian(length, 0, 2);
    if (size < 2) return bad_header("UCAP082", "JPEG structure is damaged");
    if (is_start_of_frame(type)) {
      std::string frame = file.read(at + 4, 6);  // precision, height, width, components
      if (frame.size() < 6) return HeaderRead::failure(cut_short);
      ImageHeader header{ImageFormat::jpeg, big_endian(frame, 3, 2), big_endian(frame, 1, 2), type,
                         static_cast<std::uint8_t>(frame[0]), static_cast<std::uint8_t>(frame[5])};
      if (header.width == 0 || header.height == 0)
        return bad_header("UCAP082", fmt::format("JPEG frame header gives a size of {} × {} pixels", header.width,
                                              header.height));
      if (file.tail(at).find("\xFF\xD9") == std::string::npos)
        return bad_header("UCAP082", "JPEG file is cut short: it has no end-of-image marker", "export the image again");
      return header;
    }
    at += 2 + size;
  }
  return bad_header("UCAP082", fmt::format("JPEG has no frame header in its first {} segments", max_jpeg_segments));
}

// Why `src` does not name a file inside the document's folder, if it does not.
std::optional<Diagnostic> path_problem(std::string_view src) {
  const std::string hint = "write a path relative to the document's folder, e.g. figures/map.png";
  switch (relative_path_escape(src, 0)) {
    case PathEscape::none: return std::nullopt;
    case PathEscape::empty: return problem("UCAP080", "img src is empty", hint);
    case PathEscape::absolute:
      return problem("UCAP080",
                     fmt::format("image '{}' is an absolute path; it must stay inside the document's folder", model::quoted(src)), hint);
    case PathEscape::url_or_drive:
      return problem("UCAP080",
                     fmt::format("image '{}' is a URL or drive, not a path inside the document's folder", model::quoted(src)), hint);
    case PathEscape::leaves_root: break;
  }
  return problem("UCAP080", fmt::format("image '{}' leaves the document's folder", model::quoted(src)), hint);
}

std::optional<Diagnostic> size_problem(std::string_view src, const ImageHeader& header) {
  std::uint64_t pixels = std::uint64_t{header.width} * header.height;
  if (header.width <= max_image_side && header.height <= max_image_side && pixels <= max_image_pixels)
    return std::nullopt;
  return problem("UCAP083",
                 fmt::format("image '{}' is {} × {} pixels; the limit is {} pixels a side and {} megapixels", model::quoted(src),
                             header.width, header.height, max_image_side, max_image_pixels / 1'000'000),
                 "scale it down: 300 dpi on a full A4 page is 2480 × 3508");
}

HeaderRead read_header(ImageBytes& image) {
  std::string head = image.read(0, png_signature.size());
  if (head == png_signature) return read_png(image);
  if (head.substr(0, 3) == "\xFF\xD8\xFF") return read_jpeg(image);
  return bad_header("UCAP082", "file is not a PNG or JPEG image", "convert it to PNG or JPEG");
}

}  // namespace

HeaderRead read_image_header(const fs::path& path) {
  FileBytes file(path);
  if (!file.is_open())
    return bad_header("UCAP081", fmt::format("cannot be read: {}", std::strerror(errno)));
  return read_header(file);
}

HeaderRead read_image_header_in_memory(std::string_view bytes) {
  MemoryBytes memory(bytes);
  return read_header(memory);
}

std::optional<Diagnostic> check_image_source(std::string_view src, const std::optional<fs::path>& document_folder) {
  if (auto bad_path = path_problem(src)) return bad_path;
  if (!document_folder)
    return problem("UCAP080",
                   fmt::format("image '{}' cannot be found: the document was given from memory, without a folder", model::quoted(src)),
                   "give the document as a file (from memory, name it with its folder: \"plans/plan.xml\")");
  fs::path path = *document_folder / fs::path(src);
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    bool backslash = src.find('\\') != std::string_view::npos;
    return problem("UCAP081", fmt::format("image '{}' does not exist: there is no file {}", model::quoted(src), path.string()),
                   backslash ? "separate folders with '/', not '\\'" : std::string{});
  }
  // Only a regular file: a FIFO would block the reader, a device never end.
  if (!fs::is_regular_file(status)) return problem("UCAP081", fmt::format("image '{}' is not a regular file", model::quoted(src)));
  HeaderRead header = read_image_header(path);
  if (!header) {
    Diagnostic bad = header.diagnostics().front();
    bad.message = fmt::format("image '{}': {}", model::quoted(src), bad.message);
    return bad;
  }
  return size_problem(src, *header);
}

}  // namespace ucap::validate
