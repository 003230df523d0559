// A whole-file check of a PNG before it is handed to libharu, whose libpng
// reader aborts the process on a damaged image (its error handler returns,
// which libpng does not allow). Everything libpng refuses with an error is
// looked for here first: the chunk structure and every chunk's CRC, a valid
// IHDR, known critical chunks in order, a palette where one is needed, and
// image data that inflates to exactly the rows the header promises, each
// with a valid filter byte. Nothing is kept: the rows are inflated a piece
// at a time, so a large image costs time, not memory.
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
