#include "model/quoted.h"

#include <fmt/format.h>

namespace ucap::model {

std::string quoted(std::string_view value) {
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if ((static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) continue;  // inside a code point
    if (code_points++ == max_quoted_code_points) return std::string(value.substr(0, i)) + "…";
  }
  return std::string(value);
}

std::string and_more(std::size_t count, std::string_view things) {
  if (count == 0) return {};
  return fmt::format(" (and {} more {})", count, things);
}

}  // namespace ucap::model
