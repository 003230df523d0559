// What pugixml accepts but reads wrongly, checked on the raw bytes of a
// file it has parsed. Its reference decoding is lenient: "&#0;" ends the
// text there without a word, "&#xD800;" or "&#99999999999;" becomes bytes
// that are not UTF-8, and "&nbsp;" or a bare '&' stay as written. It also
// takes a '<' inside an attribute value (a comment opening there could hide
// the rest from a naive scan), drops text after the root element and
// ignores a second root element. XML 1.0 allows only the five predefined
// entities (there is no DOCTYPE to declare others), references to
// characters XML allows, no '<' in attribute values, and one root element
// with nothing but comments, processing instructions and white space
// around it.
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

// The first of: an '&' in text or an attribute value that does not start a
// valid reference, a '<' inside an attribute value, text outside the root
// element, a second root element. Comments, CDATA sections and processing
// instructions, where '&' and '<' are ordinary characters, are skipped.
// Only for a file pugixml has parsed: its tags are known to be balanced.
std::optional<MarkupProblem> first_lenient_markup(std::string_view xml);

}  // namespace ucap::xml
