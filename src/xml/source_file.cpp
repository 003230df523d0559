#include "xml/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "text/normalize.h"

namespace ucap::xml {

namespace {

Diagnostic file_error(const std::string& file, const char* code, std::string message,
                      model::SourcePosition at = {}, std::string hint = {}) {
  return Diagnostic{.code = code, .severity = Severity::error, .file = file, .line = at.line, .column = at.column,
                    .message = std::move(message), .hint = std::move(hint)};
}

// The name of a non-UTF-8 encoding the bytes announce, if any: a UTF-16 or
// UTF-32 byte-order mark, NUL bytes of UTF-16 text, or an XML declaration
// naming another encoding.
std::optional<std::string> foreign_encoding(std::string_view bytes) {
  using namespace std::string_view_literals;  // the marks hold NUL bytes: no strlen
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE\x00\x00"sv) || starts("\x00\x00\xFE\xFF"sv)) return "UTF-32";
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) return "UTF-16";
  if (bytes.size() >= 2 && (bytes[0] == '\0' || bytes[1] == '\0')) return "UTF-16";
  if (!starts("<?xml")) return std::nullopt;
  std::size_t end = bytes.find("?>");
  if (end == std::string_view::npos) return std::nullopt;  // an unclosed declaration: the parser says so
  std::string_view declaration = bytes.substr(0, end);
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t quote = declaration.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return std::nullopt;
  std::size_t close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return std::nullopt;
  std::string name(declaration.substr(quote + 1, close - quote - 1));
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii") return std::nullopt;
  return name;
}

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t start = pos;
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) { ++pos; continue; }
    char32_t c = text::decode_utf8(bytes, pos);
    if (c == 0xFFFD && bytes.substr(start, 3) != "\xEF\xBF\xBD") return start;
  }
  return std::string_view::npos;
}

// Offset of the first character XML 1.0 does not allow (a C0 control other
// than tab, line feed and carriage return, or U+FFFE/U+FFFF), or npos. The
// parser would stop at a NUL without a word and take what came before it
// for the whole file.
std::size_t first_forbidden_character(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
    if (c == 0xEF && bytes.substr(i + 1, 2) == "\xBF\xBE") return i;
    if (c == 0xEF && bytes.substr(i + 1, 2) == "\xBF\xBF") return i;
  }
  return std::string_view::npos;
}

Diagnostic too_large(const std::string& file, std::optional<std::uint64_t> size) {
  std::string what = size ? fmt::format("file is {} bytes", *size) : "the input goes on past the limit";
  return file_error(file, "UCAP008", fmt::format("{}; the limit is {} bytes", what, max_input_bytes));
}

// Up to `limit` bytes of the stream, in pieces, so that nothing past the
// limit is ever read.
std::string read_at_most(std::istream& in, std::uint64_t limit) {
  std::string bytes;
  char buffer[1 << 16];
  while (bytes.size() < limit && in) {
    std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buffer, limit - bytes.size()));
    in.read(buffer, static_cast<std::streamsize>(want));
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  return bytes;
}

}  // namespace

namespace {

// The bytes were read but are not a file we read (too large, empty, not
// UTF-8, not XML text): the document's problem, not the system's.
SourceRead refused(Diagnostic why) { return {Result<SourceFile>::failure(std::move(why)), false}; }
// The system could not give us the bytes (UCAP001).
SourceRead unreadable(const std::string& file, std::string message) {
  return {Result<SourceFile>::failure(file_error(file, "UCAP001", std::move(message))), true};
}

}  // namespace

SourceRead check_source_bytes(std::string name, std::string bytes) {
  if (bytes.size() > max_input_bytes)  // bytes from a buffer get the file's limit too
    return refused(too_large(name, bytes.size()));
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
  if (std::all_of(bytes.begin(), bytes.end(), [](unsigned char c) { return std::isspace(c); }))
    return refused(file_error(name, "UCAP004", "file is empty", {}, "an action plan starts with <action-plan>"));
  if (auto encoding = foreign_encoding(bytes))
    return refused(file_error(name, "UCAP003", fmt::format("file is encoded in {}, not UTF-8", *encoding), {1, 1},
                              "save the file as UTF-8 (and declare encoding=\"UTF-8\")"));
  if (std::size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
    return refused(file_error(name, "UCAP002",
                              fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(bytes[bad])),
                              LineIndex(bytes).position(bad), "save the file as UTF-8"));
  if (std::size_t bad = first_forbidden_character(bytes); bad != std::string_view::npos) {
    std::size_t end = bad;
    auto c = static_cast<std::uint32_t>(text::decode_utf8(bytes, end));
    return refused(file_error(name, "UCAP005",
                              fmt::format("not well-formed XML: character U+{:04X} is not allowed in XML", c),
                              LineIndex(bytes).position(bad), "remove it; a file with control characters may be binary"));
  }
  return {SourceFile{std::move(name), std::move(bytes)}, false};
}

SourceRead read_source_file(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return unreadable(path, "file does not exist");
  if (std::filesystem::is_directory(status)) return unreadable(path, "is a directory, not a file");
  // A regular file is answered from its size; a pipe or device (no size,
  // or /dev/zero's endless bytes) is read only up to the limit below.
  auto size = std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, ec) : 0;
  if (!ec && size > max_input_bytes) return refused(too_large(path, size));
  std::ifstream in(path, std::ios::binary);
  if (!in) return unreadable(path, fmt::format("cannot read file: {}", std::strerror(errno)));
  return read_source_stream(path, in);
}

SourceRead read_source_stream(const std::string& name, std::istream& in) {
  std::string bytes = read_at_most(in, max_input_bytes + 1);
  if (in.bad()) return unreadable(name, "cannot read file: read error");
  if (bytes.size() > max_input_bytes) return refused(too_large(name, std::nullopt));
  return check_source_bytes(name, std::move(bytes));
}

}  // namespace ucap::xml
