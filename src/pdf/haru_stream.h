// The bytes of a libharu memory stream, copied out buffer by buffer.
// libharu's own HPDF_ReadFromStream copies a byte at a time (HPDF_MemCpy is
// a loop), which for a Japanese PDF was a twentieth of writing it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <hpdf.h>

namespace ucap::pdf {

// Everything written to `stream`, a memory stream; nullopt when it is not
// one or its buffers do not add up to its size (the caller then falls back
// to HPDF_ReadFromStream).
std::optional<std::vector<std::uint8_t>> memory_stream_bytes(HPDF_Stream stream);

}  // namespace ucap::pdf
