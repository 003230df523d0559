// The image a <figure> shows, read from the document's folder before layout
// (the layout never opens files): the file's bytes as they are, with the
// format and pixel size from its header. The PDF writer embeds the bytes.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace ucap::model {

enum class ImageKind : std::uint8_t { png, jpeg };

struct FigureImage {
  ImageKind kind = ImageKind::png;
  std::uint32_t width = 0;   // pixels
  std::uint32_t height = 0;
  std::string bytes;         // the whole file
};

// The images of a document by img/@src as written. Shared, so that pages
// laid out from them may outlive the map.
using FigureImages = std::map<std::string, std::shared_ptr<const FigureImage>, std::less<>>;

}  // namespace ucap::model
