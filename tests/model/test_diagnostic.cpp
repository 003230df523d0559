#include <doctest/doctest.h>

#include "ucap/diagnostic.h"

using namespace ucap;

TEST_CASE("diagnostics print as FORMAT.md §5 shows them") {
  Diagnostic d{"UCAP031", Severity::error, "plans/a.xml", 12, 20, "SDG target '11.8' does not exist", ""};
  CHECK(format_text(d) == "plans/a.xml:12:20: error[UCAP031]: SDG target '11.8' does not exist");
  d.hint = "did you mean 'x'?";
  CHECK(format_text(d) == "plans/a.xml:12:20: error[UCAP031]: SDG target '11.8' does not exist (did you mean 'x'?)");
  CHECK(format_json(d) ==
        R"({"file":"plans/a.xml","line":12,"column":20,"severity":"error","code":"UCAP031","message":"SDG target '11.8' does not exist","hint":"did you mean 'x'?"})");
  Diagnostic whole{"UCAP004", Severity::error, "empty.xml", 0, 0, "file is empty", ""};
  CHECK(format_text(whole) == "empty.xml: error[UCAP004]: file is empty");
}

TEST_CASE("findings sort errors first, then by position") {
  std::vector<Diagnostic> list = {
      {"W", Severity::warning, "f", 1, 1, "", ""},
      {"E2", Severity::error, "f", 9, 1, "", ""},
      {"E1", Severity::error, "f", 3, 7, "", ""},
  };
  sort_diagnostics(list);
  CHECK(list[0].code == "E1");
  CHECK(list[1].code == "E2");
  CHECK(list[2].code == "W");
  CHECK(has_errors(list));
}
