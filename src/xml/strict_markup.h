// What pugixml accepts but reads wrongly, checked on the raw bytes of a
// file it has parsed. Its reference decoding is lenient: "&#0;" ends the
// text there without a word, "&#xD800;" or "&#99999999999;" becomes bytes
// that are not UTF-8, and "&nbsp;" or a bare '&' stay as written. It also
// takes a '<' inside an attribute value, which is how a comment opening
// there could hide the rest from a naive scan. XML 1.0 allows only the five
// predefined entities (there is no DOCTYPE to declare others), references
// to characters XML allows, and no '<' in attribute values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ucap::xml {

struct MarkupProblem {
  std::size_t offset;  // of the '&' or the '<'
  std::string reason;
};

// The first '&' in text or an attribute value that does not start a valid
// reference, or the first '<' inside an attribute value. Comments, CDATA
// sections and processing instructions, where both are ordinary
// characters, are skipped.
std::optional<MarkupProblem> first_lenient_markup(std::string_view xml);

}  // namespace ucap::xml
