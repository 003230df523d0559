// libFuzzer target: the whole render of a plan, as `ucap render` does it,
// through the public API: the bytes as a document named "fuzz.xml",
// validated, then (when valid) laid out and written in English and in
// Japanese. Seeded from the samples, a mutated plan that stays valid drives
// layout and the PDF writer with odd text: empty runs, long tokens, stray
// punctuation, nested lists and tables. Crashes, sanitizer reports,
// timeouts and memory blow-ups are the findings; diagnostics are expected.
//
// Two invariants of the layout are checked on every valid plan (issue 17):
// every glyph and image lies within the page's text area (the running
// header and page number aside), and every character of the plan's text in
// that language is among the laid-out text (nothing drawn off the page,
// nothing lost). A breach aborts, so libFuzzer saves the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "text/normalize.h"
#include "render/engine.h"
#include "ucap/document.h"
#include "ucap/engine.h"
#include "validate/validate.h"
#include "xml/parse.h"

namespace {

using ucap::model::Language;

const ucap::Engine& engine() {
  static const ucap::Engine loaded = [] {
    const char* env = std::getenv("UCAP_DATA_DIR");
    ucap::EngineOptions options;
    options.data_directory = env && *env ? env : UCAP_SOURCE_DATA_DIR;
    ucap::Engine engine = ucap::Engine::load(options);
    if (!engine) throw std::runtime_error(engine.error());
    return engine;
  }();
  return loaded;
}

// A PDF the engine says it made must at least look like one: a half-written
// or empty PDF reported as ok is a finding too.
void require_whole_pdf(const ucap::Rendering& rendering) {
  if (!rendering.ok()) return;
  std::string_view pdf(reinterpret_cast<const char*>(rendering.pdf.data()), rendering.pdf.size());
  if (pdf.substr(0, 5) != "%PDF-" || pdf.find("%%EOF", pdf.size() > 64 ? pdf.size() - 64 : 0) == pdf.npos) std::abort();
}

const ucap::render::Engine& layout_engine() {
  static const std::unique_ptr<ucap::render::Engine> loaded = [] {
    const char* env = std::getenv("UCAP_DATA_DIR");
    std::string error;
    auto engine = ucap::render::Engine::load(env && *env ? env : UCAP_SOURCE_DATA_DIR, error);
    if (!engine) throw std::runtime_error(error);
    return engine;
  }();
  return *loaded;
}

// Characters that are laid out as space or not at all: never counted.
bool invisible(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x00AD || c == 0x0085 ||
         c == 0x3000 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || c == 0x2060 || c == 0xFEFF;
}

// How many times each visible character occurs in `text`.
class CharacterCount {
 public:
  void add(std::string_view text) {
    for (char32_t c : ucap::text::decode_utf8(text))
      if (!invisible(c)) ++counts_[c];
  }
  // The first character this count has more of than `other`, or 0.
  char32_t first_missing_from(const CharacterCount& other) const {
    for (const auto& [c, n] : counts_) {
      auto found = other.counts_.find(c);
      if (found == other.counts_.end() || found->second < n) return c;
    }
    return 0;
  }

 private:
  std::map<char32_t, std::size_t> counts_;
};

// The text of a plan shown in `language`: titles, names, blocks, items.
class PlanText {
 public:
  explicit PlanText(Language language) : language_(language) {}
  CharacterCount count(const ucap::model::ActionPlan& plan) {
    texts(plan.titles);
    if (plan.pairing)
      for (const auto& city : plan.pairing->cities) texts(city.names);
    if (plan.proponent) texts(plan.proponent->organisations);
    blocks(plan.summary);
    for (const auto& section : plan.sections)
      for (const auto& item : section.items) std::visit([&](const auto& each) { this->item(each); }, item);
    return counted_;
  }

 private:
  bool shown(Language language) const { return ucap::model::shown_in(language, language_); }
  void inlines(const ucap::model::Inlines& runs) {
    for (const auto& run : runs) counted_.add(run.text);
  }
  // A title or name is shown once, in the language's own version, or the
  // one without a language when there is none (model::inlines_in): a
  // version without a language beside a version in this one is not shown.
  void texts(const ucap::model::LocalizedTexts& all) {
    if (const ucap::model::Inlines* shown_text = ucap::model::inlines_in(all, language_)) inlines(*shown_text);
  }
  void item(const ucap::model::Block& block) { blocks({block}); }
  void item(const ucap::model::Activity& a) {
    if (shown(a.language)) texts(a.titles), texts(a.leads), blocks(a.blocks);
  }
  void item(const ucap::model::Risk& r) {
    if (shown(r.language)) texts(r.titles), blocks(r.blocks);
  }
  void item(const ucap::model::Indicator& i) {
    if (shown(i.language)) texts(i.titles);
  }
  void blocks(const ucap::model::Blocks& all) {
    for (const auto& block : all)
      if (shown(block.language)) std::visit([&](const auto& content) { this->content(content); }, block.content);
  }
  void content(const ucap::model::Paragraph& p) { inlines(p.inlines); }
  void content(const ucap::model::Note& n) { inlines(n.inlines), blocks(n.blocks); }
  void content(const ucap::model::List& l) {
    for (const auto& each : l.items) inlines(each.inlines), blocks(each.blocks);
  }
  void content(const ucap::model::Table& t) {
    for (const auto* rows : {&t.head_rows, &t.body_rows})
      for (const auto& row : *rows)
        for (const auto& cell : row.cells) inlines(cell.inlines);
  }
  void content(const ucap::model::Figure& f) {
    for (const auto& caption : f.captions)
      if (shown(caption.language)) inlines(caption.inlines);
  }

  Language language_;
  CharacterCount counted_;
};

// The template's page (templates/ucap.xml: A4, these margins and baselines).
constexpr ucap::layout::PageGeometry page{};
constexpr double slack = 0.5;

bool in_text_area(double x, double y) {
  return x >= page.left - slack && x <= page.width - page.right + slack && y >= page.top - slack &&
         y <= page.body_bottom() + slack;
}

bool is_furniture(const ucap::layout::PlacedText& text) {
  return text.baseline_y == page.header_baseline || text.baseline_y == page.footer_baseline;
}

void check_layout(const ucap::model::ActionPlan& plan, Language language) {
  const ucap::layout::LaidOutDocument laid_out = layout_engine().layout_plan(plan, language, "2024-01-01");
  CharacterCount drawn;
  for (const ucap::layout::Page& each : laid_out.pages) {
    for (const ucap::layout::PlacedText& text : each.texts) {
      drawn.add(text.text);
      if (is_furniture(text)) continue;
      for (double x : text.x_positions)
        if (!in_text_area(x, text.baseline_y)) std::abort();  // a glyph off the text area
    }
    for (const ucap::layout::PlacedImage& image : each.images)
      if (!in_text_area(image.x, image.y) || !in_text_area(image.x + image.width, image.y + image.height)) std::abort();
  }
  if (PlanText(language).count(plan).first_missing_from(drawn) != 0) std::abort();  // a character lost
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ucap::Document plan =
      ucap::Document::load_buffer("fuzz.xml", std::string_view(reinterpret_cast<const char*>(data), size));
  if (plan.kind() != ucap::DocumentKind::action_plan) return 0;
  for (ucap::Language language : {ucap::Language::en, ucap::Language::ja})
    require_whole_pdf(engine().render(plan, language));
  // The layout of what render() drew, parsed and validated as it does.
  const ucap::xml::ParsedDocument parsed =
      ucap::xml::parse_bytes("fuzz.xml", std::string(reinterpret_cast<const char*>(data), size));
  const auto* checked = std::get_if<ucap::model::ActionPlan>(&parsed.document);
  if (!checked || ucap::has_errors(ucap::validate::validate_document(parsed, layout_engine().rules()))) return 0;
  for (const Language language : checked->languages) check_layout(*checked, language);
  return 0;
}
