#include "layout/plan_text.h"

#include <array>
#include <charconv>

namespace ucap::layout {

namespace {

bool parse_part(std::string_view text, int& out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

// English month names: dates are the only place the layout spells a word
// that the template does not give it.
constexpr std::array<std::string_view, 12> month_names{"January", "February", "March",     "April",
                                                        "May",     "June",     "July",      "August",
                                                        "September", "October", "November", "December"};

}  // namespace

std::string format_date(std::string_view value, model::Language language) {
  int year = 0, month = 0, day = 0;
  const bool has_month = value.size() >= 7 && value[4] == '-' && parse_part(value.substr(0, 4), year) &&
                         parse_part(value.substr(5, 2), month) && month >= 1 && month <= 12;
  if (!has_month) return std::string(value);
  const bool has_day = value.size() == 10 && value[7] == '-' && parse_part(value.substr(8, 2), day);
  if (value.size() != 7 && !has_day) return std::string(value);
  const std::string y = std::to_string(year), m = std::to_string(month), d = std::to_string(day);
  if (language == model::Language::ja) return y + "年" + m + "月" + (has_day ? d + "日" : "");
  const std::string month_name(month_names[month - 1]);
  return has_day ? d + " " + month_name + " " + y : month_name + " " + y;
}

std::string group_thousands(std::string_view number) {
  const std::size_t point = number.find('.');
  std::string_view whole = number.substr(0, point);
  std::size_t sign = !whole.empty() && (whole[0] == '-' || whole[0] == '+') ? 1 : 0;
  std::string out(whole.substr(0, sign));
  for (std::size_t i = sign; i < whole.size(); ++i) {
    if (i > sign && (whole.size() - i) % 3 == 0) out += ',';
    out += whole[i];
  }
  if (point != std::string_view::npos) out.append(number.substr(point));
  return out;
}

std::string format_amount(std::string_view amount, std::string_view currency, model::Language language,
                          const DocumentStyle& style) {
  const std::string key = "amount-" + std::string(currency);
  const std::vector<std::pair<std::string_view, std::string>> values{{"amount", group_thousands(amount)},
                                                                     {"currency", std::string(currency)}};
  std::string specific = style.label(key, language, values);
  return specific != key ? specific : style.label("amount", language, values);
}

}  // namespace ucap::layout
