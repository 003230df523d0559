#include "xml/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "text/normalize.h"

namespace ucap::xml {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

model::SourcePosition LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(next - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  std::uint32_t column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<std::uint32_t>(line), column};
}

namespace {

Diagnostic file_error(const std::string& file, const char* code, std::string message,
                      model::SourcePosition at = {}, std::string hint = {}) {
  return Diagnostic{code, Severity::error, file, at.line, at.column, std::move(message), std::move(hint)};
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

}  // namespace

std::optional<SourceFile> check_source_bytes(std::string name, std::string bytes, std::vector<Diagnostic>& out) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.erase(0, 3);
  if (std::all_of(bytes.begin(), bytes.end(), [](unsigned char c) { return std::isspace(c); })) {
    out.push_back(file_error(name, "UCAP004", "file is empty", {}, "an action plan starts with <action-plan>"));
    return std::nullopt;
  }
  if (auto encoding = foreign_encoding(bytes)) {
    out.push_back(file_error(name, "UCAP003", fmt::format("file is encoded in {}, not UTF-8", *encoding), {1, 1},
                             "save the file as UTF-8 (and declare encoding=\"UTF-8\")"));
    return std::nullopt;
  }
  if (std::size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
    LineIndex index(bytes);
    out.push_back(file_error(name, "UCAP002",
                             fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(bytes[bad])),
                             index.position(bad), "save the file as UTF-8"));
    return std::nullopt;
  }
  return SourceFile{std::move(name), std::move(bytes)};
}

std::optional<SourceFile> read_source_file(const std::string& path, std::vector<Diagnostic>& out) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    out.push_back(file_error(path, "UCAP001", "file does not exist"));
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    out.push_back(file_error(path, "UCAP001", "is a directory, not a file"));
    return std::nullopt;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_input_bytes) {
    out.push_back(file_error(path, "UCAP008",
                             fmt::format("file is {} bytes; the limit is {} bytes", size, max_input_bytes)));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.push_back(file_error(path, "UCAP001", fmt::format("cannot read file: {}", std::strerror(errno))));
    return std::nullopt;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    out.push_back(file_error(path, "UCAP001", "cannot read file: read error"));
    return std::nullopt;
  }
  return check_source_bytes(path, std::move(bytes), out);
}

}  // namespace ucap::xml
