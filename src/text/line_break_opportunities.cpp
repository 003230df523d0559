#include "text/line_break_opportunities.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cassert>
#include <memory>

#include "text/japanese_classes.h"

namespace ucap::text {

namespace {

// createLineInstance loads and compiles rule data (slow); it is done once
// per locale into an immutable prototype, and each thread works on its
// own clone, so that no iterator is ever shared between threads.
std::unique_ptr<icu::BreakIterator> make_line_iterator(const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createLineInstance(icu::Locale(locale), status));
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  }
  assert(it && "ICU has no line break rules");
  return it;
}

const icu::BreakIterator& prototype(model::Language language) {
  static const std::unique_ptr<const icu::BreakIterator> japanese = make_line_iterator("ja@lb=strict");
  static const std::unique_ptr<const icu::BreakIterator> english = make_line_iterator("en");
  return language == model::Language::ja ? *japanese : *english;
}

icu::BreakIterator& thread_iterator(model::Language language) {
  thread_local std::unique_ptr<icu::BreakIterator> japanese, english;
  auto& slot = language == model::Language::ja ? japanese : english;
  if (!slot) slot.reset(prototype(language).clone());
  return *slot;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\u00A0' || c == U'\u3000'; }

}  // namespace

bool kinsoku_allows_break(char32_t before, char32_t after) {
  return !prohibited_at_line_end(before) && !prohibited_at_line_start(after);
}

std::vector<std::uint8_t> line_break_opportunities(std::u32string_view text,
                                                   model::Language language) {
  const std::size_t n = text.size();
  std::vector<std::uint8_t> flags(n + 1, 0);
  if (n == 0) return flags;
  flags[n] = 1;

  icu::UnicodeString utf16 = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(n));
  icu::BreakIterator& it = thread_iterator(language);
  it.setText(utf16);

  // ICU answers in UTF-16 offsets; walk the code points alongside, since
  // the boundaries come in increasing order.
  std::size_t code_point = 0;
  int32_t offset16 = 0;
  for (int32_t boundary = it.first(); boundary != icu::BreakIterator::DONE; boundary = it.next()) {
    while (offset16 < boundary && code_point < n) {
      offset16 += text[code_point] > 0xFFFF ? 2 : 1;
      ++code_point;
    }
    if (code_point > 0 && code_point < n) flags[code_point] = 1;
  }
  // Drop the text so the thread's iterator holds no pointer into it.
  it.setText(icu::UnicodeString());

  // JLREQ 3.1.7 on top of ICU: look past spaces to the characters that
  // would end this line and start the next.
  for (std::size_t i = 1; i < n; ++i) {
    if (!flags[i]) continue;
    std::size_t before = i;
    while (before > 0 && is_space(text[before - 1])) --before;
    std::size_t after = i;
    while (after < n && is_space(text[after])) ++after;
    // A break with only spaces on one side would make an empty line.
    if (before == 0 || after == n) { flags[i] = 0; continue; }
    if (!kinsoku_allows_break(text[before - 1], text[after])) flags[i] = 0;
  }
  return flags;
}

}  // namespace ucap::text
