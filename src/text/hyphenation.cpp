#include "text/hyphenation.h"

#include <hyphen.h>

#include <unordered_map>

#include "text/normalize.h"

namespace ucap::text {

std::unique_ptr<HyphenationPatterns> HyphenationPatterns::load(const std::string& path) {
  HyphenDict* dict = hnj_hyphen_load(path.c_str());
  if (!dict) return nullptr;
  return std::unique_ptr<HyphenationPatterns>(new HyphenationPatterns(dict));
}

HyphenationPatterns::~HyphenationPatterns() { hnj_hyphen_free(dict_); }

namespace {

// The patterns are lower case; the dictionary's words are UTF-8.
char32_t lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
  return c;
}

}  // namespace

std::vector<std::size_t> HyphenationPatterns::points(std::u32string_view word, std::size_t left_min,
                                                     std::size_t right_min) const {
  std::vector<std::size_t> result;
  points(word, left_min, right_min, result);
  return result;
}

void HyphenationPatterns::points(std::u32string_view word, std::size_t left_min, std::size_t right_min,
                                 std::vector<std::size_t>& out) const {
  out.clear();
  if (word.size() < left_min + right_min) return;
  for (std::size_t k : odd_positions(word))
    if (k >= left_min && k + right_min <= word.size()) out.push_back(k);
}

const std::vector<std::uint16_t>& HyphenationPatterns::odd_positions(std::u32string_view word) const {
  // Words repeat across a document and a batch, and libhyphen allocates
  // four buffers a word: each thread keeps the answers it has had (per
  // pattern set, cleared when large), which took hyphenation from a third
  // of an English layout to a few per cent.
  struct Memo {
    const HyphenationPatterns* patterns = nullptr;
    std::unordered_map<std::u32string, std::vector<std::uint16_t>> positions;
  };
  thread_local Memo memo;
  thread_local std::u32string key;
  if (memo.patterns != this || memo.positions.size() > memo_limit) {
    memo.positions.clear();
    memo.patterns = this;
  }
  key.clear();
  for (char32_t c : word) key.push_back(lower(c));
  auto [it, fresh] = memo.positions.try_emplace(key);
  if (fresh) it->second = hyphenate(key);
  return it->second;
}

std::vector<std::uint16_t> HyphenationPatterns::hyphenate(std::u32string_view lower_case_word) const {
  std::vector<std::uint16_t> result;
  std::string utf8;
  for (char32_t c : lower_case_word) append_utf8(utf8, c);
  // libhyphen's buffer: one digit per byte of the word and a little more;
  // in UTF-8 mode the digits are moved to one per character.
  std::vector<char> hyphens(utf8.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed = hnj_hyphen_hyphenate2(dict_, utf8.data(), int(utf8.size()), hyphens.data(), nullptr, &rep,
                                           &pos, &cut);
  if (rep) {
    for (std::size_t i = 0; i < utf8.size(); ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  if (failed) return result;
  // hyphens[i] odd: a break may follow character i, that is before i + 1.
  for (std::size_t k = 1; k < lower_case_word.size() && k <= 0xFFFF; ++k)
    if ((hyphens[k - 1] - '0') & 1) result.push_back(std::uint16_t(k));
  return result;
}

std::unique_ptr<Hyphenator> Hyphenator::load(const std::string& directory) {
  auto hyphenator = std::make_unique<Hyphenator>();
  hyphenator->british_.path = directory + "/hyph_en_GB.dic";
  hyphenator->american_.path = directory + "/hyph_en_US.dic";
  return hyphenator;
}

const HyphenationPatterns* Hyphenator::LazyPatterns::get() const {
  std::call_once(once, [this] { patterns = HyphenationPatterns::load(path); });
  return patterns.get();
}

const HyphenationPatterns* Hyphenator::english(model::EnglishRegion region) const {
  if (region == model::EnglishRegion::us)
    if (const HyphenationPatterns* american = american_.get()) return american;
  return british_.get();
}

}  // namespace ucap::text
