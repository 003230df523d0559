// Where something stands in its source file.
#pragma once

#include <cstdint>

namespace ucap::model {

// 1-based line and column; the column counts code points, so a Japanese
// character is one column, as an editor shows it. {0,0} means "unknown".
struct SourcePosition {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

}  // namespace ucap::model
