#include <doctest/doctest.h>

#include "layout/document_style.h"
#include "layout/plan_text.h"

using namespace ucap::layout;
using ucap::model::Language;

TEST_CASE("dates in each language") {
  CHECK(format_date("2020-07-20", Language::en) == "20 July 2020");
  CHECK(format_date("2020-07-20", Language::ja) == "2020年7月20日");
  CHECK(format_date("2019-04", Language::en) == "April 2019");
  CHECK(format_date("2019-04", Language::ja) == "2019年4月");
  CHECK(format_date("2019-13", Language::en) == "2019-13");  // not a date: as written
  CHECK(format_date("soon", Language::ja) == "soon");
}

TEST_CASE("thousands are grouped, decimals kept") {
  CHECK(group_thousands("18000000") == "18,000,000");
  CHECK(group_thousands("475000") == "475,000");
  CHECK(group_thousands("999") == "999");
  CHECK(group_thousands("12500.5") == "12,500.5");
  CHECK(group_thousands("-1000") == "-1,000");
}

TEST_CASE("labels fill placeholders; amounts use the currency's own label when the template has one") {
  DocumentStyle style;
  style.set_label("amount", Language::en, "{currency} {amount}");
  style.set_label("amount", Language::ja, "{amount} {currency}");
  style.set_label("amount-JPY", Language::ja, "{amount}円");
  CHECK(format_amount("36500000", "JPY", Language::en, style) == "JPY 36,500,000");  // the template gives a no-break space
  CHECK(format_amount("36500000", "JPY", Language::ja, style) == "36,500,000円");
  CHECK(format_amount("15000", "EUR", Language::ja, style) == "15,000 EUR");
  CHECK(fill_placeholders("{n}. {title} {unknown}", {{"n", "3"}, {"title", "Risks"}}) == "3. Risks {unknown}");
  CHECK(style.label("no-such-label", Language::en) == "no-such-label");
}
