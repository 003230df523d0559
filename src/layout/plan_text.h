// The words and numbers the plan layout writes from attribute values:
// dates, periods, amounts. Patterns come from the template's labels.
#pragma once

#include <string>
#include <string_view>

#include "layout/document_style.h"
#include "model/language.h"

namespace ucap::layout {

// "2020-07-20" → "20 July 2020" / "2020年7月20日"; "2019-04" → "April 2019" /
// "2019年4月"; anything else is returned as written.
std::string format_date(std::string_view value, model::Language language);

// "18000000" → "18,000,000"; a decimal part is kept ("12.5" → "12.5").
std::string group_thousands(std::string_view number);

// An amount with its currency by the template's "amount-<CODE>" label for
// the language, else its "amount" label.
std::string format_amount(std::string_view amount, std::string_view currency, model::Language language,
                          const DocumentStyle& style);

}  // namespace ucap::layout
