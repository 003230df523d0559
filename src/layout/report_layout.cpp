#include "layout/report_layout.h"

#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "layout/block_layout.h"
#include "layout/charts.h"
#include "layout/flow.h"
#include "layout/page_furniture.h"
#include "layout/plan_text.h"

namespace ucap::layout {

namespace {

using model::Language;
using report::PlanFacts;
using Values = std::vector<std::pair<std::string_view, std::string>>;

class ReportWriter {
 public:
  ReportWriter(const ReportLayoutInput& in, FlowBuilder& flow)
      : in_(in), language_(in.language), flow_(flow), blocks_(flow, in.style, in.measurer, in.language, nullptr, in.hyphenator) {}

  void title_block() {
    if (const model::Inlines* title = model::inlines_in(in_.report.titles, language_))
      blocks_.paragraph(*title, "title", 0, Role::h1);
    if (const model::Inlines* subtitle = model::inlines_in(in_.report.subtitles, language_))
      blocks_.paragraph(*subtitle, "cities");
    if (in_.facts.meeting) blocks_.paragraph(BlockLayout::text(meeting_line(*in_.facts.meeting)), "meta");
    const std::string author = model::text_in(in_.report.authors, language_);
    if (!author.empty()) blocks_.paragraph(BlockLayout::text(label("report-author", {{"value", author}})), "meta");
    add_title_rule(flow_, in_.style);
  }

  void body() {
    for (const model::ReportItem& item : in_.report.body) {
      if (const auto* section = std::get_if<model::ReportSection>(&item)) this->section(*section);
      else generated(std::get<model::GeneratedPart>(item));
    }
    findings_annex();
  }

  const BlockLayout& blocks() const { return blocks_; }

  std::string running_header() const { return model::text_in(in_.report.titles, language_); }

  DocumentInfo info() const {
    DocumentInfo info;
    info.title = model::text_in(in_.report.titles, language_);
    info.author = model::text_in(in_.report.authors, language_);
    info.subject = model::text_in(in_.report.subtitles, language_);
    if (in_.facts.meeting) info.subject += (info.subject.empty() ? "" : ": ") + meeting_line(*in_.facts.meeting);
    info.language = std::string(model::language_code(language_));
    for (Language language : in_.report.languages)
      info.titles.emplace_back(model::language_code(language), model::text_in(in_.report.titles, language));
    const bool full_date = in_.facts.meeting && in_.facts.meeting->date.value.size() == 10;
    info.creation_date = full_date ? in_.facts.meeting->date.value : in_.fallback_date;
    return info;
  }

 private:
  std::string label(std::string_view key, const Values& values = {}) const {
    return in_.style.label(key, language_, values);
  }

  std::string meeting_line(const model::Meeting& meeting) const {
    return label("report-meeting", {{"n", meeting.number.value},
                                    {"place", place_of(meeting)},
                                    {"date", meeting.date.present ? format_date(meeting.date.value, language_)
                                                                  : label("date-undecided")}});
  }

  std::string place_of(const model::Meeting& meeting) const {
    const std::string place = model::text_in(meeting.places, language_);
    return place.empty() ? meeting.city.value : place;
  }

  std::string city(const model::RosterPairing& pairing, std::string_view side) const {
    for (const model::City& c : pairing.cities)
      if (c.side.value == side) return model::text_in(c.names, language_);
    return {};
  }

  std::string pairing_name(const model::RosterPairing& pairing) const {
    return label("cities", {{"eu", city(pairing, "eu")}, {"jp", city(pairing, "jp")}});
  }

  // "Frankfurt –" and "Yokohama" on two lines: a narrow column then breaks
  // between the cities rather than inside a name.
  model::TableCell pairing_cell(const model::RosterPairing& pairing) const {
    model::TableCell both = BlockLayout::cell(label("pairing-first-line", {{"eu", city(pairing, "eu")}}));
    both.inlines.push_back({"", model::style_plain, "", true, {}});
    both.inlines.push_back({city(pairing, "jp"), model::style_plain, "", false, {}});
    return both;
  }

  std::string country(const model::RosterPairing& pairing) const {
    for (const model::City& c : pairing.cities)
      if (c.side.value == "eu") {
        const std::string key = "country-" + c.country.value;
        const std::string name = label(key);
        return name == key ? c.country.value : name;  // a country the labels do not name keeps its code
      }
    return {};
  }

  void heading(const std::string& title, int level = 0) {
    blocks_.heading(BlockLayout::text(title), level == 0 ? "heading" : "subheading", title, level);
  }

  void table(model::Table table) { blocks_.blocks({model::Block{std::move(table), language_, {}, "table"}}); }

  void section(const model::ReportSection& section) {
    if (!model::shown_in(section.language, language_)) return;
    heading(model::text_in(section.titles, language_));
    blocks_.blocks(section.blocks);
  }

  void generated(const model::GeneratedPart& part) {
    if (!model::shown_in(part.language, language_) || !part.kind()) return;
    switch (*part.kind()) {
      case model::ReportPart::pairings: return pairings();
      case model::ReportPart::plan_status: return plan_status();
      case model::ReportPart::sdg_coverage: return sdg_coverage();
      case model::ReportPart::meetings: return meetings();
    }
  }

  // The roster's pairings under a row for each batch and its year.
  void pairings() {
    heading(label("pairings-heading"));
    model::Table pairings =
        headed_table({2.4, 1.6, 2.2, 5}, {"eu-city-column", "country-column", "jp-city-column", "subject-column"});
    std::string batch;
    for (const PlanFacts& plan : in_.facts.plans) {
      if (plan.batch != batch || pairings.body_rows.empty()) {
        batch = plan.batch;
        model::TableRow group;
        group.cells.push_back(BlockLayout::cell(label("batch-row", {{"n", plan.batch}, {"year", plan.year}}), model::CellAlign::left, true));
        group.cells.back().colspan = 4;
        pairings.body_rows.push_back(std::move(group));
      }
      model::TableRow row;
      row.cells.push_back(BlockLayout::cell(city(plan.pairing, "eu")));
      row.cells.push_back(BlockLayout::cell(country(plan.pairing)));
      row.cells.push_back(BlockLayout::cell(city(plan.pairing, "jp")));
      row.cells.push_back(BlockLayout::cell(model::text_in(plan.pairing.topics, language_)));
      pairings.body_rows.push_back(std::move(row));
    }
    table(std::move(pairings));
  }

  // Relative column widths from a label ("2.2 1.7 …"): the words of each
  // language need their own.
  // A table with these column weights and one header row of the labels
  // `column_keys` name, left-aligned and bold.
  model::Table headed_table(std::vector<double> weights, std::initializer_list<std::string_view> column_keys) const {
    model::Table table;
    table.column_weights = std::move(weights);
    model::TableRow& head = table.head_rows.emplace_back();
    for (std::string_view key : column_keys)
      head.cells.push_back(BlockLayout::cell(label(key), model::CellAlign::left, true));
    return table;
  }

  std::vector<double> column_weights(std::string_view key) const {
    std::vector<double> weights;
    std::istringstream in(label(key));
    for (double w = 0; in >> w;) weights.push_back(w);
    return weights;
  }

  // One line per currency.
  model::TableCell budgets(const PlanFacts& plan) const {
    model::TableCell budgets = BlockLayout::cell("");
    budgets.inlines.clear();
    for (const auto& [currency, total] : plan.budgets) {
      if (!budgets.inlines.empty()) budgets.inlines.push_back({"", model::style_plain, "", true, {}});
      budgets.inlines.push_back({format_amount(total, currency, language_, in_.style), model::style_plain, "", false, {}});
    }
    return budgets;
  }

  std::string sdg_ids(const PlanFacts& plan) const {
    std::string out;
    for (const std::string& id : plan.sdg_ids) out += (out.empty() ? "" : label("id-separator")) + id;
    return out;
  }

  std::string plan_state(const PlanFacts& plan) const {
    if (!plan.found()) return label("plan-missing");
    return plan.sections_total > 0 ? label("plan-found") : label("plan-unreadable");
  }

  // One row per pairing: what its plan holds and how it validates.
  void plan_status() {
    heading(label("plan-status-heading"));
    model::Table status = headed_table(column_weights("plan-status-cols"),
                                       {"pairing-column", "plan-column", "sections-column", "activities-column",
                                        "budget-column", "sdg-column", "errors-column", "warnings-column"});
    for (std::size_t i = 2; i < 8; ++i)
      if (i != 4 && i != 5) status.head_rows.back().cells[i].align = model::CellAlign::right;
    const std::string none = label("not-applicable");
    for (const PlanFacts& plan : in_.facts.plans) {
      model::TableRow row;
      row.cells.push_back(pairing_cell(plan.pairing));
      row.cells.push_back(BlockLayout::cell(plan_state(plan)));
      const bool counted = plan.sections_total > 0;
      row.cells.push_back(BlockLayout::cell(counted ? label("sections-count", {{"n", std::to_string(plan.sections_complete)},
                                                                    {"total", std::to_string(plan.sections_total)}})
                                       : none, model::CellAlign::right));
      row.cells.push_back(BlockLayout::cell(counted ? std::to_string(plan.activities) : none, model::CellAlign::right));
      row.cells.push_back(counted && !plan.budgets.empty() ? budgets(plan) : BlockLayout::cell(none));
      row.cells.push_back(BlockLayout::cell(counted && !plan.sdg_ids.empty() ? sdg_ids(plan) : none));
      row.cells.push_back(BlockLayout::cell(plan.found() ? std::to_string(plan.errors) : none, model::CellAlign::right));
      row.cells.push_back(BlockLayout::cell(plan.found() ? std::to_string(plan.warnings) : none, model::CellAlign::right));
      status.body_rows.push_back(std::move(row));
    }
    table(std::move(status));
    if (in_.facts.unmatched.empty()) return;
    std::string files;
    for (const PlanFacts& plan : in_.facts.unmatched)
      files += (files.empty() ? "" : label("group-separator")) +
               label("unmatched-plan", {{"file", plan.file}, {"id", plan.pairing.id.value}});
    blocks_.paragraph(BlockLayout::text(label("unmatched-plans", {{"files", files}})), "body");
  }

  void sdg_coverage() {
    heading(label("sdg-coverage-heading"));
    std::vector<SdgCoverageRow> rows;
    for (const PlanFacts& plan : in_.facts.plans)
      rows.push_back({pairing_name(plan.pairing), plan.goals, plan.sections_total > 0 ? "" : label("sdg-no-plan")});
    std::vector<SdgGoalKey> goals;
    for (const catalog::SdgGoal& goal : in_.sdgs.goals)
      goals.push_back({language_ == Language::ja ? goal.name_ja : goal.name_en, colour_of(goal.colour)});
    flow_.structure().nodes[std::size_t(flow_.open(Role::figure))].alt = sdg_coverage_alt(rows);
    add_sdg_coverage(blocks_, flow_, rows, goals);
    flow_.close();
  }

  // "SDG goals addressed by the plans of 3 pairings: Frankfurt – Yokohama,
  // goals 7, 11, 13; …": the chart's alternative text.
  std::string sdg_coverage_alt(const std::vector<SdgCoverageRow>& rows) const {
    std::string out;
    for (const SdgCoverageRow& row : rows) {
      std::string goals;
      for (unsigned goal : row.goals) goals += (goals.empty() ? "" : label("list-separator")) + std::to_string(goal);
      const std::string each =
          !row.no_plan.empty() ? label("sdg-coverage-alt-other", {{"pairing", row.label}, {"state", row.no_plan}})
          : goals.empty()      ? label("sdg-coverage-alt-other", {{"pairing", row.label}, {"state", label("sdg-coverage-alt-none")}})
                               : label("sdg-coverage-alt-row", {{"pairing", row.label}, {"goals", goals}});
      out += (out.empty() ? "" : label("alt-separator")) + each;
    }
    return label("sdg-coverage-alt", {{"n", std::to_string(rows.size())}, {"rows", out}});
  }

  // "#E5243B" → its colour; anything else a neutral blue.
  static Color colour_of(const std::string& hex) {
    unsigned value = 0;
    if (hex.size() != 7 || hex[0] != '#' ||
        std::from_chars(hex.data() + 1, hex.data() + 7, value, 16).ec != std::errc())
      return {0.16, 0.38, 0.66};
    return {((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0};
  }

  // Past and planned meetings; the report's own row tinted.
  void meetings() {
    heading(label("meetings-heading"));
    model::Table meetings =
        headed_table({1.2, 2.4, 2.4, 3}, {"meeting-column", "place-column", "date-column", "status-column"});
    for (const model::Meeting& meeting : in_.facts.roster.meetings) {
      const bool current = in_.facts.meeting && in_.facts.meeting->number.value == meeting.number.value;
      std::string status = label("meeting-" + model::meeting_status(meeting, in_.facts.meeting));
      // The report's own meeting is not "planned" from where it stands.
      if (current) status = meeting.status.present ? label("current-meeting", {{"status", status}}) : label("this-meeting");
      model::TableRow row;
      row.highlighted = current;
      row.cells.push_back(BlockLayout::cell(label("meeting-number", {{"n", meeting.number.value}}), model::CellAlign::left, current));
      row.cells.push_back(BlockLayout::cell(place_of(meeting), model::CellAlign::left, current));
      row.cells.push_back(BlockLayout::cell(meeting.date.present ? format_date(meeting.date.value, language_) : label("date-undecided"),
                               model::CellAlign::left, current));
      row.cells.push_back(BlockLayout::cell(status, model::CellAlign::left, current));
      meetings.body_rows.push_back(std::move(row));
    }
    table(std::move(meetings));
  }

  // The first findings of every plan that has errors, as `ucap validate`
  // prints them, so the coordinator can send each city its list.
  void findings_annex() {
    std::vector<std::pair<const PlanFacts*, std::string>> failing;  // with the name of each
    for (const PlanFacts& plan : in_.facts.plans)
      if (plan.errors > 0) failing.push_back({&plan, pairing_name(plan.pairing)});
    for (const PlanFacts& plan : in_.facts.unmatched)
      if (plan.errors > 0) failing.push_back({&plan, plan.file});
    if (failing.empty()) return;
    heading(label("findings-annex"));
    for (const auto& [each, name] : failing) {
      const PlanFacts& plan = *each;
      heading(label("annex-plan", {{"pairing", name},
                                   {"errors", count("error-count", plan.errors)},
                                   {"warnings", count("warning-count", plan.warnings)}}),
              1);
      for (const Diagnostic& d : plan.first_findings)
        blocks_.paragraph(BlockLayout::text(format_text_without_hint(d)), "finding");
      const std::size_t total = plan.errors + plan.warnings;
      if (total > plan.first_findings.size())
        blocks_.paragraph(BlockLayout::text(label("more-findings", {{"n", std::to_string(total - plan.first_findings.size())},
                                                                    {"file", plan.file}})),
                          "meta");
    }
  }

  // "1 error", "3 errors": the label `key`, or `key`-1 for one.
  std::string count(const std::string& key, std::size_t n) const {
    return label(n == 1 ? key + "-1" : key, {{"n", std::to_string(n)}});
  }

  const ReportLayoutInput& in_;
  Language language_;
  FlowBuilder& flow_;
  BlockLayout blocks_;
};

}  // namespace

LaidOutDocument layout_report(const ReportLayoutInput& input) {
  FlowBuilder flow;
  ReportWriter writer(input, flow);
  writer.title_block();
  writer.body();
  Pagination pages = paginate(flow.take(), input.style.page);
  LaidOutDocument document;
  document.pages = std::move(pages.pages);
  document.outline = std::move(pages.outline);
  document.structure = flow.take_structure();
  add_running_header_and_footer(writer.blocks(), document.pages, writer.running_header());
  document.info = writer.info();
  return document;
}

}  // namespace ucap::layout
