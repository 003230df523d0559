// Where templates/ and fonts/ are: $UCAP_DATA_DIR, else the installed
// share/ucap beside the binary, else where the library looks by default
// (beside an installed library, else the source tree it was built from).
#pragma once

#include <string>

namespace ucap::cli {

std::string find_data_directory(const char* argv0);

}  // namespace ucap::cli
