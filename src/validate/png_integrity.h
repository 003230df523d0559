// A whole-file check of a PNG before the PDF writer embeds it (its own
// image data, or its pixels decoded by libpng: pdf/image_xobjects.h), so
// that a damaged image is a diagnostic at its figure, not a failed render or
// a PDF that no viewer can draw. A chunk walker checks the structure and
// every chunk's CRC, a valid IHDR, known critical chunks in order, a palette
// where one is needed; then libpng itself, with an error handler that
// longjmps back, reads every row of what the writer will be given. One row
// buffer is reused: a large image costs time, not memory.
//
// What the writer is given is the PNG reduced to what is drawn: IHDR, PLTE,
// tRNS, IDAT (in one chunk), IEND. (libharu's PNG reader, which the writer
// used before, turned each of libpng's warnings about an ancillary chunk
// into an error, and aborted the process on damage.)
#pragma once

#include <string>
#include <string_view>

#include "model/result.h"

namespace ucap::validate {

// The PNG `bytes` reduced to the chunks that are drawn, or why it would not
// decode: UCAP082 with the reason as its message ("its IDAT chunk is
// damaged (CRC)"), without a place; the caller puts it at the figure.
Result<std::string> drawable_png(std::string_view bytes);

}  // namespace ucap::validate
