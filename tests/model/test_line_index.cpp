// Byte offsets to line:column: the same answer as counting from the start,
// on long lines (checkpoints every 64 bytes) and with multi-byte characters.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "model/line_index.h"

using ucap::model::SourcePosition;
using ucap::model::LineIndex;

namespace {

// LF, CR LF and a CR alone each end a line.
SourcePosition counted(const std::string& text, std::size_t offset) {
  SourcePosition at{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    const bool lone_cr = text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
    if (text[i] == '\n' || lone_cr) at = {at.line + 1, 1};
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++at.column;
  }
  return at;
}

}  // namespace

TEST_CASE("every offset maps to the position counted from the start") {
  std::mt19937 random(42);
  const char* pieces[] = {"a", "b ", "\n", "城", "市", "é", "<p>", "\n\n", "𝄞"};
  std::string text;
  while (text.size() < 5000) {
    std::size_t run = random() % 300;  // some lines far longer than a checkpoint stride
    for (std::size_t i = 0; i < run; ++i) text += pieces[random() % 6 == 0 ? 2 : random() % 9];
    text += '\n';
  }
  LineIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset)
    if (index.position(offset) != counted(text, offset)) FAIL("offset ", offset);
}

TEST_CASE("a line longer than many checkpoints keeps its start") {
  std::string text = "first\n" + std::string(1000, 'x') + "城" + std::string(1000, 'y');
  LineIndex index(text);
  CHECK(index.position(6) == SourcePosition{2, 1});
  CHECK(index.position(6 + 1000) == SourcePosition{2, 1001});
  CHECK(index.position(6 + 1000 + 3) == SourcePosition{2, 1002});
  CHECK(index.position(text.size()) == SourcePosition{2, 2002});
}

TEST_CASE("empty text and offsets past the end") {
  CHECK(LineIndex("").position(0) == SourcePosition{1, 1});
  CHECK(LineIndex("ab\n").position(99) == SourcePosition{2, 1});
  CHECK(LineIndex(std::string(128, '\n')).position(128) == SourcePosition{129, 1});
}

TEST_CASE("a CR alone ends a line, as LF and CR LF do") {
  // Old Mac files end lines with CR: line 3 column 2 is the 'c' however the
  // lines before it end.
  for (const char* end : {"\n", "\r\n", "\r"}) {
    CAPTURE(std::string(end) == "\r" ? "CR" : std::string(end) == "\n" ? "LF" : "CR LF");
    const std::string text = std::string("a") + end + "b" + end + "xc";
    LineIndex index(text);
    CHECK(index.position(text.size() - 1) == SourcePosition{3, 2});
    CHECK(index.position(text.find('b')) == SourcePosition{2, 1});
  }
  // Mixed endings, and a CR at the very end.
  CHECK(LineIndex("a\rb\nc\r\nd\r").position(11) == SourcePosition{5, 1});
  CHECK(LineIndex("a\r\r\nb").position(4) == SourcePosition{3, 1});
}

TEST_CASE("every offset maps to the position counted from the start, whatever the line ends") {
  std::mt19937 random(7);
  const char* pieces[] = {"a", "\r", "\n", "\r\n", "城", "\r\r", "xy"};
  std::string text;
  while (text.size() < 3000) text += pieces[random() % 7];
  LineIndex index(text);
  for (std::size_t offset = 0; offset <= text.size(); ++offset)
    if (index.position(offset) != counted(text, offset)) FAIL("offset ", offset);
}
