#include "source_date.h"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace ucap::cli {

std::string date_from_environment() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return {};
  char* end = nullptr;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (*end) return {};
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace ucap::cli
