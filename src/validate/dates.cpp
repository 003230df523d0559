#include "validate/dates.h"

#include <cctype>

namespace ucap::validate {

namespace {

std::optional<int> digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return days[month - 1];
}

long PartialDate::ordinal(bool as_end) const {
  int d = day != 0 ? day : (as_end ? days_in_month(year, month) : 1);
  // Days from civil (Howard Hinnant's algorithm).
  int y = month <= 2 ? year - 1 : year;
  long era = y / 400;
  long year_of_era = y - era * 400;
  long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era;
}

std::optional<PartialDate> parse_date(std::string_view text, DateForm form) {
  bool has_day = text.size() == 10;
  if (!(text.size() == 7 || has_day)) return std::nullopt;
  if (has_day && form == DateForm::month_only) return std::nullopt;
  if (!has_day && form == DateForm::day_only) return std::nullopt;
  if (text[4] != '-' || (has_day && text[7] != '-')) return std::nullopt;
  auto year = digits(text.substr(0, 4), 4);
  auto month = digits(text.substr(5, 2), 2);
  if (!year || !month || *month < 1 || *month > 12 || *year < 1) return std::nullopt;
  PartialDate date{*year, *month, 0};
  if (has_day) {
    auto day = digits(text.substr(8, 2), 2);
    if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    date.day = *day;
  }
  return date;
}

}  // namespace ucap::validate
