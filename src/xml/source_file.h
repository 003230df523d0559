// Reading a user's file: the bytes, the checks that come before XML
// parsing (exists, readable, not empty, UTF-8), and the map from byte
// offsets to line:column.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_position.h"
#include "ucap/diagnostic.h"

namespace ucap::xml {

// Largest input accepted; larger files get UCAP008 before anything is read
// into memory (a plan is tens of kilobytes).
inline constexpr std::uint64_t max_input_bytes = 64ull * 1024 * 1024;

// Maps byte offsets to 1-based line and code-point column.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  model::SourcePosition position(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

struct SourceFile {
  std::string name;   // as the user gave it; diagnostics print it
  std::string bytes;  // without a UTF-8 byte-order mark
};

// Reads `path` and checks it is non-empty UTF-8 text. On failure returns
// nothing and appends exactly one diagnostic (UCAP001–UCAP004, UCAP008).
std::optional<SourceFile> read_source_file(const std::string& path, std::vector<Diagnostic>& out);

// The same checks on bytes already in memory (a buffer, stdin).
std::optional<SourceFile> check_source_bytes(std::string name, std::string bytes,
                                             std::vector<Diagnostic>& out);

}  // namespace ucap::xml
