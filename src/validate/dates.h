// Calendar dates as FORMAT.md writes them: YYYY-MM-DD, or YYYY-MM when only
// the month is known.
#pragma once

#include <optional>
#include <string_view>

namespace ucap::validate {

struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;  // 0 when only the month is given

  // Days since 0000-03-01, for ordering; a month-only date counts as its
  // first day (`as_end` false) or its last day (`as_end` true).
  long ordinal(bool as_end) const;
};

enum class DateForm { day_only, month_or_day, month_only };

// Parses and checks that the date exists (2021-02-29 does not). Returns
// nothing for a malformed or impossible date.
std::optional<PartialDate> parse_date(std::string_view text, DateForm form);

int days_in_month(int year, int month);

}  // namespace ucap::validate
