// English hyphenation points from the TeX patterns (Liang) as libhyphen
// reads them: the Debian packages hyphen-en-gb and hyphen-en-us. The
// programme writes British English, so British patterns are the default;
// "en-US" in xml:lang chooses the American ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "model/language.h"

struct _HyphenDict;

namespace ucap::text {

// One pattern file, loaded once. Immutable after load: libhyphen only
// reads the dictionary while hyphenating, so one may serve many threads.
class HyphenationPatterns {
 public:
  // Null when the file is missing or unreadable.
  static std::unique_ptr<HyphenationPatterns> load(const std::string& path);
  ~HyphenationPatterns();
  HyphenationPatterns(const HyphenationPatterns&) = delete;
  HyphenationPatterns& operator=(const HyphenationPatterns&) = delete;

  // Where `word` (letters only, any case) may be broken: each k in the
  // result breaks between word[k-1] and word[k], with at least
  // `left_min` letters before and `right_min` after the break.
  std::vector<std::size_t> points(std::u32string_view word, std::size_t left_min = 2,
                                  std::size_t right_min = 3) const;
  // The same into `out` (cleared first), without allocating once the
  // calling thread's buffers have grown: the composer asks for every word.
  void points(std::u32string_view word, std::size_t left_min, std::size_t right_min,
              std::vector<std::size_t>& out) const;

 private:
  explicit HyphenationPatterns(_HyphenDict* dict) : dict_(dict) {}
  // Every k where the patterns allow a break before word[k], whatever the
  // minimums; remembered per thread.
  const std::vector<std::uint16_t>& odd_positions(std::u32string_view word) const;
  std::vector<std::uint16_t> hyphenate(std::u32string_view lower_case_word) const;
  static constexpr std::size_t memo_limit = 50000;  // words a thread remembers
  _HyphenDict* dict_;
};

// The English pattern sets of an engine, loaded once when it starts.
class Hyphenator {
 public:
  // Patterns from hyph_en_GB.dic and hyph_en_US.dic in `directory`
  // (/usr/share/hyphen on Debian), each read once, when first asked for
  // (~25 ms of CPU each: a Japanese render never pays it); a set whose
  // file is missing is left out, and a paragraph that asks for it is not
  // hyphenated.
  static std::unique_ptr<Hyphenator> load(const std::string& directory = default_directory);
  static constexpr const char* default_directory = "/usr/share/hyphen";

  // The patterns for English text of `region` (unset: British); null when
  // they are not installed. Safe to call from many threads.
  const HyphenationPatterns* english(model::EnglishRegion region) const;

 private:
  struct LazyPatterns {
    std::string path;
    mutable std::once_flag once;
    mutable std::unique_ptr<HyphenationPatterns> patterns;
    const HyphenationPatterns* get() const;
  };
  LazyPatterns british_, american_;
};

}  // namespace ucap::text
