#include "layout/plan_layout.h"

#include <map>
#include <memory>
#include <set>
#include <string_view>

#include "layout/block_layout.h"
#include "layout/charts.h"
#include "layout/flow.h"
#include "layout/page_furniture.h"
#include "layout/plan_text.h"

namespace ucap::layout {

namespace {

using model::Language;
using Values = std::vector<std::pair<std::string_view, std::string>>;

const model::City* city_on(const model::ActionPlan& plan, std::string_view side) {
  if (!plan.pairing) return nullptr;
  for (const model::City& city : plan.pairing->cities)
    if (city.side.value == side) return &city;
  return nullptr;
}

std::string city_name(const model::ActionPlan& plan, std::string_view side, Language language) {
  const model::City* city = city_on(plan, side);
  return city ? model::text_in(city->names, language) : std::string();
}

// One language's share of the document: its title block, summary and
// sections, written into a flow shared with the other language in the
// bilingual edition.
class PlanWriter {
 public:
  PlanWriter(const PlanLayoutInput& in, Language language, FlowBuilder& flow)
      : in_(in), language_(language), flow_(flow), blocks_(flow, in.style, in.measurer, language, in.images, in.hyphenator) {}

  std::string label(std::string_view key, const Values& values = {}) const {
    return in_.style.label(key, language_, values);
  }

  // In the bilingual edition, a part of the structure (the title block, the
  // summary, a section) in one language, saying which. A plan in one
  // language needs no such parts: each would cost an element.
  bool bilingual() const { return in_.languages.size() > 1; }
  void open_part() {
    if (!bilingual()) return;
    const int part = flow_.open(Role::sect);
    flow_.structure().nodes[std::size_t(part)].language = std::string(model::language_code(language_));
  }
  void close_part() {
    if (bilingual()) flow_.close();
  }

  void title_block() {
    open_part();
    if (const model::Inlines* title = model::inlines_in(in_.plan.titles, language_))
      blocks_.paragraph(*title, "title", 0, Role::h1);
    blocks_.paragraph(BlockLayout::text(cities()), "cities");
    if (in_.plan.proponent)
      blocks_.paragraph(BlockLayout::text(label("proponent", {{"value", proponent()}})), "meta");
    if (in_.plan.proponent && in_.plan.proponent->contact)
      blocks_.paragraph(BlockLayout::text(label("contact", {{"value", in_.plan.proponent->contact->value}})), "meta");
    if (in_.plan.issued)
      blocks_.paragraph(BlockLayout::text(label("issued", {{"value", format_date(in_.plan.issued->value, language_)}})),
                        "meta");
    if (!in_.plan.sdgs.empty())
      blocks_.paragraph(BlockLayout::text(label("sdg-targets", {{"value", sdg_targets()}})), "meta");
    add_title_rule(flow_, in_.style);
    close_part();
  }

  std::string cities() const {
    return label("cities", {{"eu", city_name(in_.plan, "eu", language_)}, {"jp", city_name(in_.plan, "jp", language_)}});
  }

  // Every organisation of the language: a plan may have several proponents.
  std::string proponent() const {
    std::string out;
    for (const model::LocalizedText& organisation : in_.plan.proponent->organisations)
      if (organisation.language == language_ || organisation.language == Language::unset)
        out += (out.empty() ? "" : label("group-separator")) + model::plain_text(organisation.inlines);
    return out;
  }

  // "7.2, 7.3 (Affordable and clean energy); 13.3 (Climate action)"
  std::string sdg_targets() const {
    std::vector<std::pair<std::string, std::string>> groups;  // goal id, targets
    for (const model::SdgReference& sdg : in_.plan.sdgs) {
      const std::string goal = sdg.id.value.substr(0, sdg.id.value.find('.'));
      if (groups.empty() || groups.back().first != goal) groups.push_back({goal, ""});
      else groups.back().second += label("list-separator");
      groups.back().second += sdg.is_goal ? "SDG " + sdg.id.value : sdg.id.value;
    }
    std::string out;
    for (const auto& [goal, targets] : groups) {
      if (!out.empty()) out += label("group-separator");
      const catalog::SdgGoal* known = in_.sdgs.goal(goal);
      out += known ? label("sdg-goal-targets",
                           {{"targets", targets}, {"goal", language_ == Language::ja ? known->name_ja : known->name_en}})
                   : targets;
    }
    return out;
  }

  void summary() {
    if (!in_.plan.has_summary) return;
    const std::string title = label("summary");
    open_part();
    blocks_.heading(BlockLayout::text(title), "heading", title, 0);
    blocks_.blocks(in_.plan.summary);
    close_part();
  }

  void section(const model::Section& section) {
    const catalog::SectionTemplate* known = in_.plan_template.find(section.ref.value);
    const std::string title =
        known ? label("section-heading", {{"n", std::to_string(known->number)}, {"title", known->title(language_)}})
              : section.ref.value;
    open_part();
    blocks_.heading(BlockLayout::text(title), "heading", title, 0);
    if (known && known->allows("activity")) {
      const std::vector<TimelineEntry> entries = timeline_of(section);
      open_figure(timeline_alt(entries));
      add_timeline(blocks_, flow_, entries);
      flow_.close();
    }
    if (known && known->allows("risk")) {
      open_figure(risk_matrix_alt(section));
      add_risk_matrix(blocks_, flow_, risks_of(section));
      flow_.close();
    }
    bool in_risk_list = false;  // consecutive risks are one list
    for (std::size_t i = 0; i < section.items.size(); ++i) {
      const auto* risk = std::get_if<model::Risk>(&section.items[i]);
      if (risk && !model::shown_in(risk->language, language_)) continue;
      if (bool(risk) != in_risk_list) {
        if (risk) flow_.open(Role::l);
        else flow_.close();
        in_risk_list = bool(risk);
      }
      if (std::holds_alternative<model::Indicator>(section.items[i])) {
        i = indicator_table(section, i) - 1;
        continue;
      }
      std::visit([&](const auto& each) { this->item(each); }, section.items[i]);
    }
    if (in_risk_list) flow_.close();
    close_part();
  }

  void open_figure(std::string alt) {
    flow_.structure().nodes[std::size_t(flow_.open(Role::figure))].alt = std::move(alt);
  }

  // "Timeline of 5 activities, January 2020 – June 2023: Activity 1, …":
  // what the timeline shows, for the Figure's alternative text.
  std::string timeline_alt(const std::vector<TimelineEntry>& entries) const {
    std::string activities;
    const TimelineEntry *first = nullptr, *last = nullptr;
    for (const TimelineEntry& e : entries) {
      std::string each = label("timeline-alt-activity", {{"n", std::to_string(e.number)}, {"title", e.title},
                                                         {"period", period(e.start, e.end)}});
      if (!e.budget.empty()) each += label("list-separator") + e.budget;
      activities += (activities.empty() ? "" : label("alt-separator")) + each;
      if (month_index(e.start) >= 0 && (!first || month_index(e.start) < month_index(first->start))) first = &e;
      if (month_index(e.end) >= 0 && (!last || month_index(e.end) > month_index(last->end))) last = &e;
    }
    return label("timeline-alt", {{"n", std::to_string(entries.size())},
                                  {"period", first && last ? period(first->start, last->end) : ""},
                                  {"activities", activities}});
  }

  std::string period(const std::string& start, const std::string& end) const {
    return label("month-period", {{"start", format_date(start, language_)}, {"end", format_date(end, language_)}});
  }

  // "Risk matrix of 3 risks by likelihood and impact: Risk 1, …, likelihood
  // high, impact medium; …".
  std::string risk_matrix_alt(const model::Section& section) const {
    std::string risks;
    int number = risk_number_;
    const std::vector<const model::Risk*> shown = shown_items<model::Risk>(section);
    for (const model::Risk* r : shown) {
      const std::string rating = label("risk-rating", {{"likelihood", label(r->likelihood.value)},
                                                       {"impact", label(r->impact.value)}});
      risks += (risks.empty() ? "" : label("alt-separator")) +
               label("risk-matrix-alt-risk", {{"n", std::to_string(++number)},
                                              {"title", model::text_in(r->titles, language_)},
                                              {"rating", rating}});
    }
    return label("risk-matrix-alt", {{"n", std::to_string(shown.size())}, {"risks", risks}});
  }

  template <class Item>
  std::vector<const Item*> shown_items(const model::Section& section) const {
    std::vector<const Item*> out;
    for (const model::SectionItem& item : section.items)
      if (const auto* each = std::get_if<Item>(&item); each && model::shown_in(each->language, language_))
        out.push_back(each);
    return out;
  }

  std::vector<TimelineEntry> timeline_of(const model::Section& section) const {
    std::vector<TimelineEntry> entries;
    int number = activity_number_;
    for (const model::Activity* a : shown_items<model::Activity>(section))
      entries.push_back({++number, model::text_in(a->titles, language_), a->start.value, a->end.value,
                         a->budget.present ? format_amount(a->budget.value, a->currency.value, language_, in_.style) : ""});
    return entries;
  }

  std::vector<RiskEntry> risks_of(const model::Section& section) const {
    std::vector<RiskEntry> entries;
    int number = risk_number_;
    for (const model::Risk* r : shown_items<model::Risk>(section))
      entries.push_back({++number, r->likelihood.value, r->impact.value});
    return entries;
  }

  // The run of indicators starting at `first`, as one table; returns the
  // index after the run.
  std::size_t indicator_table(const model::Section& section, std::size_t first) {
    model::Table table;
    table.column_weights = {5, 2, 1.3, 1.3, 1};
    model::TableRow head;
    for (const char* key : {"indicator-column", "unit-column", "baseline-column", "target-column", "year-column"})
      head.cells.push_back(BlockLayout::cell(label(key), model::CellAlign::left, true));
    head.cells[2].align = head.cells[3].align = head.cells[4].align = model::CellAlign::right;
    table.head_rows.push_back(head);
    std::size_t end = first;
    for (; end < section.items.size(); ++end) {
      const auto* indicator = std::get_if<model::Indicator>(&section.items[end]);
      if (!indicator) break;
      if (!model::shown_in(indicator->language, language_)) continue;
      model::TableRow row;
      row.cells.push_back(BlockLayout::cell(model::text_in(indicator->titles, language_), model::CellAlign::left));
      row.cells.push_back(BlockLayout::cell(indicator->unit.value, model::CellAlign::left));
      row.cells.push_back(BlockLayout::cell(group_thousands(indicator->baseline.value), model::CellAlign::right));
      row.cells.push_back(BlockLayout::cell(group_thousands(indicator->target.value), model::CellAlign::right));
      row.cells.push_back(BlockLayout::cell(indicator->year.value, model::CellAlign::right));
      table.body_rows.push_back(std::move(row));
    }
    if (!table.body_rows.empty()) {
      model::Block block{table, language_, {}, "table"};
      blocks_.blocks({block});
    }
    return end;
  }

  void item(const model::Block& block) { blocks_.blocks({block}); }

  void item(const model::Activity& activity) {
    if (!model::shown_in(activity.language, language_)) return;
    ++activity_number_;
    const std::string heading = label("activity-heading", {{"n", std::to_string(activity_number_)},
                                                           {"title", model::text_in(activity.titles, language_)}});
    blocks_.heading(BlockLayout::text(heading), "subheading", heading, 1);
    blocks_.paragraph(BlockLayout::text(activity_meta(activity)), "activity-meta");
    flow_.keep_last_with_next();
    blocks_.blocks(activity.blocks);
  }

  std::string activity_meta(const model::Activity& activity) const {
    std::vector<std::string> parts;
    if (activity.start.present || activity.end.present)
      parts.push_back(label("period", {{"value", label("month-period", {{"start", format_date(activity.start.value, language_)},
                                                                        {"end", format_date(activity.end.value, language_)}})}}));
    const std::string lead = model::text_in(activity.leads, language_);
    if (!lead.empty()) parts.push_back(label("lead", {{"value", lead}}));
    if (activity.budget.present)
      parts.push_back(label("budget", {{"value", format_amount(activity.budget.value, activity.currency.value,
                                                               language_, in_.style)}}));
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : label("meta-separator")) + part;
    return out;
  }

  void item(const model::Risk& risk) {
    if (!model::shown_in(risk.language, language_)) return;
    ++risk_number_;
    model::Inlines inlines = BlockLayout::text(model::text_in(risk.titles, language_), model::style_strong);
    const std::string rating = label("risk-rating", {{"likelihood", label(risk.likelihood.value)},
                                                     {"impact", label(risk.impact.value)}});
    const std::string separator = language_ == Language::ja ? "（" : " (";
    const std::string closing = language_ == Language::ja ? "）" : ")";
    inlines.push_back(BlockLayout::text(separator + rating + closing).front());
    blocks_.list_item(blocks_.number_label(risk_number_), inlines, risk.blocks, in_.style.list_for(language_).indent);
    flow_.space(in_.style.style("body", language_).space_after);
  }

  void item(const model::Indicator&) {}  // set as a table by indicator_table()

  std::string running_header() const {
    return label("running-header", {{"eu", city_name(in_.plan, "eu", language_)},
                                    {"jp", city_name(in_.plan, "jp", language_)},
                                    {"name", language_ == Language::ja ? in_.plan_template.name_ja
                                                                       : in_.plan_template.name_en}});
  }

  DocumentInfo info() const {
    DocumentInfo info;
    info.title = model::text_in(in_.plan.titles, language_);
    if (in_.plan.proponent) info.author = proponent();
    info.subject = (language_ == Language::ja ? in_.plan_template.name_ja : in_.plan_template.name_en) + ": " + cities();
    // Each goal or target once: one listed many times (a warning, UCAP013)
    // must not grow the keywords past what a PDF string holds.
    std::set<std::string_view> listed;
    for (const model::SdgReference& sdg : in_.plan.sdgs)
      if (listed.insert(sdg.id.value).second)
        info.keywords += (info.keywords.empty() ? "SDG " : ", SDG ") + sdg.id.value;
    info.language = std::string(model::language_code(language_));
    for (Language language : in_.plan.languages)
      info.titles.emplace_back(model::language_code(language), model::text_in(in_.plan.titles, language));
    const bool full_date = in_.plan.issued && in_.plan.issued->value.size() == 10;
    info.creation_date = full_date ? in_.plan.issued->value : in_.fallback_date;
    return info;
  }

  Language language() const { return language_; }
  const BlockLayout& blocks() const { return blocks_; }
  void contents_heading(const std::string& title);
  Strip contents_line(const Bookmark& entry, const OutlineEntry* target, int link) const;

 private:
  const PlanLayoutInput& in_;
  Language language_;
  FlowBuilder& flow_;
  BlockLayout blocks_;
  int activity_number_ = 0;
  int risk_number_ = 0;
};

void PlanWriter::contents_heading(const std::string& title) {
  blocks_.heading(BlockLayout::text(title), "heading", "", 0);
}

// A contents line: the heading's title, indented by level, its page number
// at the right and a link to it (once pagination has placed the heading),
// all of it the structure's `link` node.
Strip PlanWriter::contents_line(const Bookmark& entry, const OutlineEntry* target, int link) const {
  BlockStyle style = in_.style.style("contents", language_);
  const double indent = entry.level * 14, number_room = 36, measure = in_.style.page.measure();
  ComposedParagraph composed =
      blocks_.compose(BlockLayout::text(entry.title), style, measure - indent - number_room);
  Strip strip;
  strip.height = draw_lines(strip, composed, indent, 0);
  for (PlacedText& text : strip.texts) text.tag.node = link;
  if (!target || composed.lines.empty()) return strip;
  style.paragraph.alignment = Alignment::right;
  ComposedParagraph number = blocks_.compose(BlockLayout::text(std::to_string(target->page + 1)), style, measure);
  draw_lines(strip, number, 0, strip.height - composed.lines.back().height);
  strip.links.push_back({0, 0, measure, strip.height, "", target->page, target->y, {}});
  for (PlacedText& text : strip.texts) text.tag.node = link;
  for (LinkArea& area : strip.links) area.tag.node = link;
  return strip;
}

// The writers of the document's languages, in order (one, or two for the
// bilingual edition), over one flow.
struct Writers {
  FlowBuilder flow;
  std::vector<std::unique_ptr<PlanWriter>> each;
  PlanWriter& first() { return *each.front(); }
};

// "Contents / 目次": the words of the languages after the first (set in
// their own font, so pieces of their own) are Spans saying their language.
void mark_other_languages(Writers& writers, std::size_t heading_at) {
  Structure& structure = writers.flow.structure();
  for (std::size_t w = 1; w < writers.each.size(); ++w) {
    const std::string words = writers.each[w]->label("contents");
    for (std::size_t i = heading_at; i < writers.flow.size(); ++i)
      for (PlacedText& text : writers.flow.at(i).texts)
        if (text.text == words && text.tag.node >= 0) {
          const int span = structure.add(text.tag.node, Role::span);
          structure.nodes[std::size_t(span)].language = std::string(model::language_code(writers.each[w]->language()));
          text.tag.node = span;
        }
  }
}

// The bookmarks of strips[from…], in outline order.
std::vector<Bookmark> bookmarks_from(const std::vector<Strip>& strips, std::size_t from) {
  std::vector<Bookmark> out;
  for (std::size_t i = from; i < strips.size(); ++i)
    out.insert(out.end(), strips[i].bookmarks.begin(), strips[i].bookmarks.end());
  return out;
}

// Contents lines at `at` (replacing `replace` strips there); with an
// outline from a first pagination they carry page numbers and links.
// `links`: the structure's Link node of each entry.
void set_contents(const PlanWriter& writer, std::vector<Strip>& strips, std::size_t at, std::size_t replace,
                  const std::vector<Bookmark>& entries, const std::vector<OutlineEntry>* outline,
                  const std::vector<int>& links) {
  std::vector<Strip> lines;
  for (std::size_t i = 0; i < entries.size(); ++i)
    lines.push_back(
        writer.contents_line(entries[i], outline && i < outline->size() ? &(*outline)[i] : nullptr, links[i]));
  strips.erase(strips.begin() + std::ptrdiff_t(at), strips.begin() + std::ptrdiff_t(at + replace));
  strips.insert(strips.begin() + std::ptrdiff_t(at), std::make_move_iterator(lines.begin()),
                std::make_move_iterator(lines.end()));
}

// The running headers, one per language: the bilingual edition's two, side
// by side, give way to the cities alone when both do not fit on one line.
std::vector<RunningHeader> running_headers(const Writers& writers, const DocumentStyle& style) {
  std::vector<RunningHeader> full, cities;
  for (const auto& writer : writers.each) {
    full.push_back({writer->blocks(), writer->running_header()});
    cities.push_back({writer->blocks(), writer->cities()});
  }
  return side_by_side_width(full) <= style.page.measure() ? full : cities;
}

}  // namespace

LaidOutDocument layout_plan(const PlanLayoutInput& input) {
  std::vector<Language> languages = input.languages;
  if (languages.empty()) languages.push_back(input.language);
  Writers writers;
  for (Language language : languages) writers.each.push_back(std::make_unique<PlanWriter>(input, language, writers.flow));

  for (auto& writer : writers.each) writer->title_block();
  const bool contents = input.style.contents;
  int toc = -1;
  if (contents) {
    std::string title;  // "Contents / 目次" in the bilingual edition
    for (auto& writer : writers.each) title += (title.empty() ? "" : " / ") + writer->label("contents");
    const std::size_t heading_at = writers.flow.size();
    writers.first().contents_heading(title);
    mark_other_languages(writers, heading_at);
    toc = writers.flow.open(Role::toc);
    writers.flow.close();
  }
  const std::size_t contents_at = writers.flow.size();
  for (auto& writer : writers.each) writer->summary();
  for (const model::Section& section : input.plan.sections)
    for (auto& writer : writers.each) writer->section(section);

  std::vector<Strip> strips = writers.flow.take();
  Pagination pages;
  if (contents) {
    // Contents lines have the same height with or without their numbers,
    // so the second pagination places everything where the first did.
    const std::vector<Bookmark> entries = bookmarks_from(strips, contents_at);
    Structure& structure = writers.flow.structure();
    std::vector<int> links;
    for (const Bookmark& entry : entries) {
      const int item = structure.add(toc, Role::toci);
      if (languages.size() > 1) structure.nodes[std::size_t(item)].language = entry.language;  // either language's
      links.push_back(structure.add(item, Role::link));
    }
    set_contents(writers.first(), strips, contents_at, 0, entries, nullptr, links);
    pages = paginate(strips, input.style.page);
    set_contents(writers.first(), strips, contents_at, entries.size(), entries, &pages.outline, links);
  }
  pages = paginate(strips, input.style.page);

  LaidOutDocument document;
  document.pages = std::move(pages.pages);
  document.outline = std::move(pages.outline);
  document.structure = writers.flow.take_structure();
  add_running_header_and_footer(running_headers(writers, input.style), document.pages);
  document.info = writers.first().info();
  for (std::size_t i = 1; i < writers.each.size(); ++i) {
    DocumentInfo other = writers.each[i]->info();
    document.info.title += " / " + other.title;
    document.info.subject += " / " + other.subject;
  }
  return document;
}

}  // namespace ucap::layout
