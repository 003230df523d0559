// Characters no font can draw, as layout found them (the glyphs it placed
// as boxes, font::Drawn::missing), located in the model so that the warning
// points at the source. Nothing here asks the fonts again.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "render/engine.h"
#include "text/normalize.h"

namespace ucap::render {

namespace {

using model::Language;

class MissingGlyphScan {
 public:
  MissingGlyphScan(std::string file, Language language, const std::vector<char32_t>& drawn_as_boxes)
      : file_(std::move(file)), language_(language), drawn_as_boxes_(drawn_as_boxes) {}

  std::vector<Diagnostic> run(const model::ActionPlan& plan) {
    texts(plan.titles);
    if (plan.pairing)
      for (const model::City& city : plan.pairing->cities) texts(city.names);
    if (plan.proponent) texts(plan.proponent->organisations);
    blocks(plan.summary);
    for (const model::Section& section : plan.sections)
      for (const model::SectionItem& item : section.items) std::visit([&](const auto& each) { this->item(each); }, item);
    return std::move(found_);
  }

  // The report's own text; what the generated parts draw from the roster
  // and plans is checked where those files are.
  std::vector<Diagnostic> run(const model::ProgressReport& report) {
    texts(report.titles), texts(report.subtitles), texts(report.authors);
    for (const model::ReportItem& item : report.body)
      if (const auto* section = std::get_if<model::ReportSection>(&item); section && shown(section->language))
        texts(section->titles), blocks(section->blocks);
    return std::move(found_);
  }

 private:
  bool shown(Language language) const { return model::shown_in(language, language_); }

  void item(const model::Block& block) { blocks({block}); }
  void item(const model::Activity& a) {
    if (!shown(a.language)) return;
    texts(a.titles), texts(a.leads), blocks(a.blocks);
  }
  void item(const model::Risk& r) {
    if (!shown(r.language)) return;
    texts(r.titles), blocks(r.blocks);
  }
  void item(const model::Indicator& i) {
    if (shown(i.language)) texts(i.titles);
  }

  void texts(const model::LocalizedTexts& texts) {
    for (const model::LocalizedText& text : texts)
      if (shown(text.language)) inlines(text.inlines);
  }

  void blocks(const model::Blocks& blocks) {
    for (const model::Block& block : blocks)
      if (shown(block.language)) std::visit([&](const auto& content) { this->content(content); }, block.content);
  }
  void content(const model::Paragraph& p) { inlines(p.inlines); }
  void content(const model::Note& n) { inlines(n.inlines), blocks(n.blocks); }
  void content(const model::List& l) {
    for (const model::ListItem& item : l.items) inlines(item.inlines), blocks(item.blocks);
  }
  void content(const model::Table& t) {
    for (const auto* rows : {&t.head_rows, &t.body_rows})
      for (const model::TableRow& row : *rows)
        for (const model::TableCell& cell : row.cells) inlines(cell.inlines);
  }
  void content(const model::Figure& f) {
    for (const model::Caption& caption : f.captions)
      if (shown(caption.language)) inlines(caption.inlines);
  }

  void inlines(const model::Inlines& runs) {
    if (drawn_as_boxes_.empty()) return;
    for (const model::TextRun& run : runs)
      for (char32_t c : text::decode_utf8(run.text)) {
        if (std::find(drawn_as_boxes_.begin(), drawn_as_boxes_.end(), c) == drawn_as_boxes_.end()) continue;
        if (!reported_.insert(c).second) continue;
        found_.push_back(Diagnostic{
            .code = "UCAP060",
            .severity = Severity::warning,
            .file = file_,
            .line = run.position.line,
            .column = run.position.column,
            .message = fmt::format("no font has the character {} in this text; it is drawn as a box",
                                   font::code_point_name(c)),
            .hint = "use another character, or add a font that has it to fonts/manifest.xml"});
      }
  }

  std::string file_;
  Language language_;
  const std::vector<char32_t>& drawn_as_boxes_;
  std::set<char32_t> reported_;
  std::vector<Diagnostic> found_;
};

}  // namespace

std::vector<Diagnostic> missing_glyph_warnings(const model::ActionPlan& plan, Language language,
                                               const std::vector<char32_t>& drawn_as_boxes) {
  return MissingGlyphScan(plan.file, language, drawn_as_boxes).run(plan);
}

std::vector<Diagnostic> missing_glyph_warnings(const model::ProgressReport& report, Language language,
                                               const std::vector<char32_t>& drawn_as_boxes) {
  return MissingGlyphScan(report.file, language, drawn_as_boxes).run(report);
}

}  // namespace ucap::render
