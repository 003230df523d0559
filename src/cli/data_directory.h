// Where templates/ and fonts/ are: $UCAP_DATA_DIR, else the installed
// share/ucap beside the binary, else the source tree the binary was built
// from.
#pragma once

#include <string>

namespace ucap::cli {

std::string find_data_directory(const char* argv0);

}  // namespace ucap::cli
