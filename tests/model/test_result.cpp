#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "model/result.h"

using namespace ucap;

namespace {

Diagnostic missing(const std::string& file) {
  return Diagnostic{.code = "UCAP001", .severity = Severity::error, .file = file, .message = "file does not exist"};
}

Result<int> half(int n) {
  if (n % 2) return Result<int>::failure(Diagnostic{.code = "X", .file = "n", .message = "odd"});
  return n / 2;
}

}  // namespace

TEST_CASE("a result holds its value, and no diagnostics") {
  Result<std::string> read = std::string("bytes");
  REQUIRE(read.ok());
  CHECK(static_cast<bool>(read));
  CHECK(read.value() == "bytes");
  CHECK(*read == "bytes");
  CHECK(read->size() == 5);
  CHECK(read.diagnostics().empty());
  read.value() += "!";
  CHECK(std::move(read).value() == "bytes!");
}

TEST_CASE("a failure holds the diagnostics that say why, in order") {
  Result<std::string> read = Result<std::string>::failure({missing("a.xml"), missing("b.xml")});
  CHECK_FALSE(read.ok());
  CHECK_FALSE(static_cast<bool>(read));
  REQUIRE(read.diagnostics().size() == 2);
  CHECK(read.diagnostics()[0].file == "a.xml");
  CHECK(read.diagnostics()[1].file == "b.xml");
  const std::vector<Diagnostic> taken = std::move(read).diagnostics();
  CHECK(format_text(taken[0]) == "a.xml: error[UCAP001]: file does not exist");
}

TEST_CASE("one diagnostic is a failure too; functions return a value or a failure") {
  CHECK(half(4).value() == 2);
  Result<int> odd = half(3);
  REQUIRE_FALSE(odd);
  REQUIRE(odd.diagnostics().size() == 1);
  CHECK(odd.diagnostics().front().message == "odd");
}

TEST_CASE("a value that cannot be copied is moved in and out") {
  Result<std::unique_ptr<int>> made = std::make_unique<int>(7);
  REQUIRE(made);
  std::unique_ptr<int> taken = std::move(made).value();
  CHECK(*taken == 7);
}
