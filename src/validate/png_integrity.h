// A whole-file check of a PNG before it is handed to libharu, whose libpng
// reader aborts the process on a damaged image (its error handler returns,
// which libpng does not allow). A chunk walker checks the structure and
// every chunk's CRC, a valid IHDR, known critical chunks in order, a palette
// where one is needed; then libpng itself, with an error handler that
// longjmps back, reads every row of what libharu will be given, so damaged
// image data is found by the same code that would have failed on it. One
// row buffer is reused: a large image costs time, not memory.
//
// libharu's reader also turns each of libpng's warnings (an ancillary
// chunk's bad CRC or odd value) into an error, so what it is given is the
// PNG reduced to what is drawn: IHDR, PLTE, tRNS, IDAT (in one chunk), IEND.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace ucap::validate {

struct PngDamage {
  std::string reason;  // "its IDAT chunk is damaged (CRC)"
};

// The PNG `bytes` reduced to the chunks that are drawn, or why it would not
// decode.
std::variant<std::string, PngDamage> drawable_png(std::string_view bytes);

}  // namespace ucap::validate
