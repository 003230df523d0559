// Entity and character references, checked on the raw bytes of a parsed
// file. pugixml decodes them leniently: "&#0;" ends the text there without a
// word, "&#xD800;" or "&#99999999999;" becomes bytes that are not UTF-8, and
// "&nbsp;" stays as written. XML 1.0 allows only the five predefined
// entities (there is no DOCTYPE to declare others) and references to
// characters XML allows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ucap::xml {

struct BadReference {
  std::size_t offset;  // of the '&'
  std::string reason;
};

// The first '&' in text or an attribute value that does not start a valid
// reference; comments, CDATA sections and processing instructions, where
// '&' is an ordinary character, are skipped.
std::optional<BadReference> first_bad_reference(std::string_view xml);

}  // namespace ucap::xml
