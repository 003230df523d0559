// The date a PDF carries when its plan has no full <issued> date.
#pragma once

#include <string>

namespace ucap::cli {

// SOURCE_DATE_EPOCH as YYYY-MM-DD (reproducible builds' convention); empty
// when unset, so that the PDF carries no date rather than the clock's.
std::string date_from_environment();

}  // namespace ucap::cli
