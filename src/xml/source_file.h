// Reading a user's file: the bytes, the checks that come before XML
// parsing (exists, readable, not empty, UTF-8), and the map from byte
// offsets to line:column.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "model/line_index.h"
#include "model/result.h"
#include "model/source_position.h"
#include "ucap/diagnostic.h"

namespace ucap::xml {

// Largest input accepted: 16 MiB, 400 times the largest sample plan. A
// larger regular file gets UCAP008 from its size, before anything is read; a
// pipe or device is read up to one byte past the limit and no further. The
// parser's tree for 16 MiB of the densest markup ("<p/>" over and over) takes
// about 300 MB, so the limit also bounds memory.
inline constexpr std::uint64_t max_input_bytes = 16ull * 1024 * 1024;

// Lines and columns are counted by model::LineIndex, which the font
// manifest's findings share.
using model::LineIndex;

struct SourceFile {
  std::string name;   // as the user gave it; diagnostics print it
  std::string bytes;  // without a UTF-8 byte-order mark
};

// What reading a user's file gave: the text, or the one diagnostic that
// says why there is none (UCAP001–UCAP005, UCAP008).
struct SourceRead {
  Result<SourceFile> source;
  // The system could not give us the bytes (UCAP001: missing, a folder,
  // unreadable): an I/O failure, exit status 2. Bytes that are not UTF-8
  // text are the document's problem.
  bool io_failure = false;
};

// Reads `path` and checks it is non-empty UTF-8 text.
SourceRead read_source_file(const std::string& path);

// The same for a stream (standard input) read to its end, but never more
// than one byte past the limit: an endless stream is UCAP008.
SourceRead read_source_stream(const std::string& name, std::istream& in);

// The same checks on bytes already in memory (a buffer).
SourceRead check_source_bytes(std::string name, std::string bytes);

}  // namespace ucap::xml
