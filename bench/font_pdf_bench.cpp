// Timings and sizes for the font and PDF rooms:
//   ucap_font_pdf_bench [data dir] [output folder]
// Loads the registry, measures advance() throughput, and writes a one-page
// mixed document and three-page Japanese and English plans, printing the
// time and bytes of each and comparing subset options. Writes the PDFs to
// the output folder (default: none) for a look.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "files/atomic_file.h"
#include "font/registry_measurer.h"
#include "layout/placed_text.h"
#include "text/normalize.h"
#include "pdf/pdf_writer.h"

using namespace ucap;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) s += char(c);
  else if (c < 0x800) { s += char(0xC0 | c >> 6); s += char(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) { s += char(0xE0 | c >> 12); s += char(0x80 | (c >> 6 & 0x3F)); s += char(0x80 | (c & 0x3F)); }
  else { s += char(0xF0 | c >> 18); s += char(0x80 | (c >> 12 & 0x3F)); s += char(0x80 | (c >> 6 & 0x3F)); s += char(0x80 | (c & 0x3F)); }
  return s;
}

// Deterministic pseudo-random numbers (no clock, no std::random_device).
struct Lcg {
  std::uint32_t state = 12345;
  std::uint32_t next(std::uint32_t bound) { state = state * 1664525u + 1013904223u; return (state >> 8) % bound; }
};

// Kanji for the synthetic plans: the ~500 most frequent in Japanese
// newspaper text, as a plan would mostly use. A rare-kanji pool (every
// 17th ideograph of the CJK block) is measured too: rare kanji have more
// strokes and cost more bytes per glyph.
const char* const common_kanji = "日一国会人年大十二本中長出三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業内相方四定今回新場金員九入選立開手米力学問高代明実円関決子動京全目表戦経通外最言氏現理調体化田当八六約主題下首意法不来作性的要用制治度務強気小七成期公持野協取都和統以機平総加山思家話世受区領多県続進正安設保改数記院女初北午指権心界支第産結百派点教報済書府活原先共得解名交資予川向際査勝面委告軍文反元重近千考判認画海参売利組知案道信策集在件団別物側任引使求所次水半品昨論計死官増係感特情投示変打男基私各始島直両朝革価式確村提運終挙果西勢減台広容必応演電歳住争談能無再位置企真流格有疑口過局少放税検藤町常校料沢裁状工建語球営空職証土与急止送援供可役構木割聞身費付施切由説転食比難防補車優夫研収断井何南石足違消境神番規術護展態導鮮備宅害配副算視条幹独警宮究育席輸訪楽起万着乗店述残想線率病農州武声質念待試族象銀域助労例衛然早張映限親額監環験追審商葉義伝働形景落欧担好退準賞訴辺造英被株頭技低毎医復仕去姿味負閣韓渡失移差衆個門写評課末守若脳極種美岡影命含福蔵量望松非撃佐核観察整段横融型白深字答夜製票況音申様財港識注呼渉達良響阪帰針専推王突満宇器";
std::vector<char32_t> kanji_pool;

// Japanese-like text: 55% hiragana, 5% katakana, 40% kanji from the pool
// (a plan uses a few hundred distinct kanji).
std::string japanese_line(Lcg& rng, std::size_t length) {
  std::string s;
  for (std::size_t i = 0; i < length; ++i) {
    std::uint32_t r = rng.next(100);
    char32_t c = r < 55 ? char32_t(0x3042 + rng.next(0x3093 - 0x3042))
               : r < 60 ? char32_t(0x30A2 + rng.next(0x30F3 - 0x30A2))
                        : kanji_pool[rng.next(std::uint32_t(kanji_pool.size()))];
    s += utf8(c);
  }
  return s;
}

std::string english_line(Lcg& rng, std::size_t length) {
  static const char* words[] = {"the", "plan", "student", "will", "improve", "reading", "skills", "by",
                                "practising", "weekly", "with", "a", "mentor", "and", "measuring", "progress",
                                "against", "clear", "goals,", "Activity", "Outcome", "evidence."};
  std::string s;
  while (s.size() < length) {
    if (!s.empty()) s += ' ';
    s += words[rng.next(sizeof words / sizeof *words)];
  }
  return s;
}

layout::PlacedText place(const font::TextMeasurer& m, font::FontChoice choice, double size, double x, double y,
                         const std::string& text) {
  layout::PlacedText t{choice, size, y, {}, {}, {}};
  auto cps = ucap::text::decode_utf8(text);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    layout::place_character(t, cps[i], x, m);
    x += m.advance(choice, cps[i], size);
    if (i + 1 < cps.size()) x += m.kerning(choice, cps[i], cps[i + 1], size);
  }
  return t;
}

const font::FontChoice jp_serif{font::Script::japanese, font::Family::serif, false, false};
const font::FontChoice jp_bold{font::Script::japanese, font::Family::serif, true, false};
const font::FontChoice en_serif{font::Script::latin, font::Family::serif, false, false};
const font::FontChoice en_bold{font::Script::latin, font::Family::sans, true, false};
const font::FontChoice en_italic{font::Script::latin, font::Family::serif, false, true};

layout::LaidOutDocument plan(const font::TextMeasurer& m, bool japanese, int pages) {
  Lcg rng;
  layout::LaidOutDocument doc;
  doc.info = {japanese ? "行動計画" : "Action plan", "Bench", "UCAP", "", japanese ? "ja" : "en", "2024-04-01"};
  for (int p = 0; p < pages; ++p) {
    layout::Page page;
    double y = 72;
    page.texts.push_back(place(m, japanese ? jp_bold : en_bold, 14, 56, y, japanese ? "第" + std::to_string(p + 1) + "節 目標と活動" : "Section " + std::to_string(p + 1) + ": Goals"));
    doc.outline.push_back({page.texts.back().text, p, y - 14, 0});
    page.rects.push_back({56, y + 6, 483, 1, {0.2, 0.2, 0.5}, true, {}, 0});
    y += 24;
    while (y < 780) {
      if (japanese) page.texts.push_back(place(m, jp_serif, 10.5, 56, y, japanese_line(rng, 46)));
      else page.texts.push_back(place(m, rng.next(8) == 0 ? en_italic : en_serif, 10.5, 56, y, english_line(rng, 95)));
      y += 16;
    }
    page.links.push_back({56, 790, 100, 12, "https://example.org", -1, 0});
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

void report(const char* what, const layout::LaidOutDocument& doc, const font::FontRegistry& reg,
            const pdf::WriteOptions& options, const std::string& out_dir, const char* file) {
  std::vector<pdf::MissingGlyphFinding> findings;
  auto first = pdf::write_pdf(doc, reg, findings, options);  // warm caches
  int runs = 20;
  auto start = Clock::now();
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    findings.clear();
    auto r = pdf::write_pdf(doc, reg, findings, options);
    bytes = r.ok() ? r.value().size() : 0;
  }
  std::printf("%-52s %8.2f ms  %7zu bytes (%.1f KB)\n", what, ms_since(start) / runs, bytes, bytes / 1024.0);
  if (!out_dir.empty() && file && first.ok())
    files::write_file_atomically(out_dir + "/" + file, first.value());
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = argc > 1 ? argv[1] : UCAP_SOURCE_DIR;
  std::string out_dir = argc > 2 ? argv[2] : "";
  auto start = Clock::now();
  auto loaded = font::FontRegistry::load_from_data_dir(data_dir);
  double load_ms = ms_since(start);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error().c_str());
    return 1;
  }
  const font::FontRegistry& reg = loaded.value();
  std::printf("registry load (%zu faces)                            %8.2f ms\n", reg.face_count(), load_ms);

  font::RegistryMeasurer m(reg);
  for (char32_t c : text::decode_utf8(common_kanji))
    if (std::find(kanji_pool.begin(), kanji_pool.end(), c) == kanji_pool.end()) kanji_pool.push_back(c);
  std::vector<char32_t> rare_pool;
  for (char32_t c = 0x4E00; rare_pool.size() < kanji_pool.size() && c < 0x9FFF; c += 17)
    if (reg.face(reg.primary_face(jp_serif)).file().glyph_for(c)) rare_pool.push_back(c);
  std::printf("kanji pool: %zu common kanji\n", kanji_pool.size());
  std::string sample = "行動計画の目標 Hello, World AV 2020年 𠮟る";
  auto cps = text::decode_utf8(sample);
  double sink = 0;
  const int calls = 2'000'000;
  start = Clock::now();
  for (int i = 0; i < calls; ++i) sink += m.advance(i % 2 ? jp_serif : en_serif, cps[std::size_t(i) % cps.size()], 10);
  double advance_ns = ms_since(start) * 1e6 / calls;
  start = Clock::now();
  for (int i = 0; i < calls; ++i) sink += m.kerning(en_serif, cps[std::size_t(i) % cps.size()], cps[(std::size_t(i) + 1) % cps.size()], 10);
  std::printf("advance(): %.1f ns/call, kerning() cached: %.1f ns/call (%g)\n", advance_ns,
              ms_since(start) * 1e6 / calls, sink > 0 ? 1.0 : 0.0);

  Lcg rng;
  layout::LaidOutDocument one;
  one.pages.emplace_back();
  double y = 72;
  for (int line = 0; line < 8; ++line, y += 16) one.pages[0].texts.push_back(place(m, jp_serif, 10.5, 56, y, japanese_line(rng, 38)));
  for (int line = 0; line < 4; ++line, y += 16) one.pages[0].texts.push_back(place(m, en_serif, 10.5, 56, y, english_line(rng, 75)));
  std::size_t chars = 0;
  for (const auto& t : one.pages[0].texts) chars += t.x_positions.size();
  std::printf("one page, %zu characters (~300 Japanese, ~300 Latin):\n", chars);
  report("  default: remapped ids, Latin hinted, Japanese not", one, reg, {}, out_dir, "one-page.pdf");
  report("  retained glyph ids", one, reg, {.retain_glyph_ids = true}, out_dir, nullptr);
  report("  all hinting kept", one, reg, {.hint_japanese_faces = true}, out_dir, nullptr);

  auto jp = plan(m, true, 3);
  auto en = plan(m, false, 3);
  std::printf("three-page plans:\n");
  report("  Japanese (target <= 150 KB)", jp, reg, {}, out_dir, "plan-ja.pdf");
  report("  Japanese, retained glyph ids", jp, reg, {.retain_glyph_ids = true}, out_dir, nullptr);
  report("  Japanese, hinting kept", jp, reg, {.hint_japanese_faces = true}, out_dir, nullptr);
  std::swap(kanji_pool, rare_pool);
  report("  Japanese, as many rare kanji instead", plan(m, true, 3), reg, {}, out_dir, nullptr);
  std::swap(kanji_pool, rare_pool);
  report("  English (target <= 55 KB)", en, reg, {}, out_dir, "plan-en.pdf");
  report("  English, retained glyph ids", en, reg, {.retain_glyph_ids = true}, out_dir, nullptr);
  report("  English, hinting dropped", en, reg, {.hint_latin_faces = false}, out_dir, nullptr);
  return 0;
}
