// libFuzzer target: the bytes as a whole image file, through the header
// reader that checks every <img src> (PNG IHDR, JPEG segments to the frame
// header, the end marker). It parses hostile bytes by offset arithmetic, so
// it is fuzzed on its own, faster than through a document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "validate/image_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ucap::validate::read_image_header_in_memory(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
