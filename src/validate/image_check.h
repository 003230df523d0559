// Images named by <img src> (FORMAT.md §2): the path must stay inside the
// document's folder, and the file must be a whole PNG or JPEG of a size a
// page can hold. Only the header and the last few kilobytes are read, so a
// huge or hostile file costs no more than a small one, and nothing is
// decoded (a "PNG bomb" is refused from its declared dimensions).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/result.h"

namespace ucap::validate {

// Largest image accepted: no side over 10,000 pixels and at most 50
// megapixels (a 300 dpi A4 page is 2480 × 3508, under 9 megapixels). The
// decoded pixels of the largest image, 200 MB in RGBA, bound what rendering
// can be made to allocate.
inline constexpr std::uint32_t max_image_side = 10'000;
inline constexpr std::uint64_t max_image_pixels = 50'000'000;

enum class ImageFormat : std::uint8_t { png, jpeg };

struct ImageHeader {
  ImageFormat format = ImageFormat::png;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  // JPEG only: the frame's marker (0xC0 baseline, 0xC2 progressive …),
  // sample precision in bits and number of components.
  std::uint8_t jpeg_frame = 0, jpeg_precision = 0, jpeg_components = 0;
};

// The diagnostics here say why an image cannot be used (a code,
// UCAP080–UCAP083, a message and a hint) without a place: the caller puts
// them at the figure's src.

// The format and dimensions from the header of the file at `path`, or why it
// is not a usable PNG or JPEG (UCAP081 unreadable, UCAP082 not an image, cut
// short or damaged). Does not check the size limits.
Result<ImageHeader> read_image_header(const std::filesystem::path& path);
// The same on the bytes of a whole image in memory.
Result<ImageHeader> read_image_header_in_memory(std::string_view bytes);

// Everything about src="`src`" in a document whose folder is
// `document_folder` (none: a document from memory, UCAP080): nothing when
// the image can be used.
std::optional<Diagnostic> check_image_source(std::string_view src,
                                             const std::optional<std::filesystem::path>& document_folder);

}  // namespace ucap::validate
