#include "layout/charts.h"

#include <algorithm>
#include <charconv>

namespace ucap::layout {

namespace {

constexpr Color axis_colour{0.45, 0.48, 0.55};
constexpr Color grid_colour{0.85, 0.87, 0.9};
constexpr Color bar_colour{0.16, 0.38, 0.66};
constexpr Color muted_text{0.35, 0.35, 0.35};
// Axes and grids only arrange a chart's marks: artifacts, not content.
constexpr StructureRef chart_grid = artifact_ref(Artifact::layout);

// A one-line (or wrapped) text in the chart style, placed into `strip` with
// its top-left at (x, top); returns the height it takes.
double place_text(const BlockLayout& blocks, Strip& strip, const std::string& text, double x, double top,
                  double width, Alignment alignment, bool bold = false, Color colour = {}) {
  BlockStyle style = blocks.style().style("chart", blocks.language());
  style.paragraph.alignment = alignment;
  style.paragraph.color = colour;
  style.bold = bold;
  return draw_lines(strip, blocks.compose(BlockLayout::text(text), style, std::max(width, 1.0)), x, top);
}

}  // namespace

int month_index(const std::string& date) {
  int year = 0, month = 0;
  if (date.size() < 7 || date[4] != '-') return -1;
  if (std::from_chars(date.data(), date.data() + 4, year).ec != std::errc()) return -1;
  if (std::from_chars(date.data() + 5, date.data() + 7, month).ec != std::errc() || month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

namespace {

// The timeline's scale: a year label every `years_per_label` years (the
// finest step that leaves each label room for its year), quarter ticks when
// every year has its label. However long the span, the axis and each row
// hold a bounded number of marks: validation refuses an activity over 50
// years (UCAP048), but activities far apart still make a long span.
struct TimelineScale {
  int first = 0, months = 0;  // the first month shown and how many (whole label steps)
  int years_per_label = 1;
  bool quarters = true;
  double month_width = 0;
  int label_months() const { return 12 * years_per_label; }
};

constexpr double min_year_label_width = 24;  // a four-digit year in bold chart type

// Whole label steps on the axis (whole years at the finest), so that ticks
// fall on quarters and every label has its full step's width.
TimelineScale timeline_scale(int first, int last, double plot_width) {
  static constexpr int steps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
  TimelineScale scale;
  for (int step : steps) {
    scale.years_per_label = step;
    scale.first = first - first % scale.label_months();
    scale.months = last - last % scale.label_months() + scale.label_months() - scale.first;
    scale.month_width = plot_width / scale.months;
    if (scale.label_months() * scale.month_width >= min_year_label_width) break;
  }
  scale.quarters = scale.years_per_label == 1;
  return scale;
}

// The x of each grid mark (year boundaries at label steps, quarters when
// shown), each with whether it is a label's boundary, both edges included.
std::vector<std::pair<int, bool>> timeline_marks(const TimelineScale& scale) {
  std::vector<std::pair<int, bool>> marks;
  const int step = scale.quarters ? 3 : scale.label_months();
  for (int m = 0; m <= scale.months; m += step) marks.emplace_back(m, m % scale.label_months() == 0);
  return marks;
}

}  // namespace

void add_timeline(BlockLayout& blocks, FlowBuilder& flow, const std::vector<TimelineEntry>& entries) {
  int first = -1, last = -1;
  for (const TimelineEntry& e : entries) {
    int s = month_index(e.start), f = month_index(e.end);
    if (s < 0 || f < 0) continue;
    first = first < 0 ? s : std::min(first, s);
    last = std::max(last, f);
  }
  if (first < 0) return;
  const double width = blocks.style().page.measure();
  const double label_width = width * 0.36, plot_x = label_width + 6, plot_width = width - plot_x;
  const TimelineScale scale = timeline_scale(first, last, plot_width);
  first = scale.first;
  const int months = scale.months;
  const double month_width = scale.month_width;
  const std::vector<std::pair<int, bool>> marks = timeline_marks(scale);
  const int table = flow.new_table_number();

  // The axis: year labels over their span, quarter ticks.
  Strip axis;
  axis.table = table, axis.table_header = true, axis.keep_with_next = true;
  axis.space_before = 4;
  axis.height = 16;
  for (int m = 0; m < months; m += scale.label_months()) {
    const double x = plot_x + m * month_width;
    place_text(blocks, axis, std::to_string((first + m) / 12), x, 1, scale.label_months() * month_width,
               scale.years_per_label == 1 ? Alignment::center : Alignment::left, true);
    axis.lines.push_back({x, 0, x, axis.height, axis_colour, 0.6, chart_grid});
  }
  axis.lines.push_back({plot_x + plot_width, 0, plot_x + plot_width, axis.height, axis_colour, 0.6, chart_grid});
  axis.lines.push_back({plot_x, axis.height, plot_x + plot_width, axis.height, axis_colour, 0.6, chart_grid});
  if (scale.quarters)
    for (int m = 3; m < months; m += 3)
      if (m % 12) axis.lines.push_back({plot_x + m * month_width, axis.height - 3, plot_x + m * month_width, axis.height, axis_colour, 0.4, chart_grid});
  flow.add(std::move(axis));

  for (const TimelineEntry& e : entries) {
    Strip row;
    row.table = table;
    const double title_height = place_text(blocks, row, std::to_string(e.number) + "  " + e.title, 0, 3, label_width,
                                           Alignment::left);
    double height = title_height + 6;
    if (!e.budget.empty())
      height += place_text(blocks, row, e.budget, 0, 3 + title_height, label_width, Alignment::left, false, muted_text);
    row.height = std::max(height, 18.0);
    // Grid as thin rectangles, which are drawn before (under) the bar.
    for (const auto& [m, year] : marks) {
      const double w = year ? 0.6 : 0.4;
      row.rects.push_back({plot_x + m * month_width - w / 2, 0, w, row.height, year ? axis_colour : grid_colour,
                           true, {}, 0, chart_grid});
    }
    const int s = month_index(e.start), f = month_index(e.end);
    if (s >= 0 && f >= s)
      row.rects.push_back({plot_x + (s - first) * month_width, row.height / 2 - 4, (f - s + 1) * month_width, 8,
                           bar_colour, true, {}, 0, {}});
    row.lines.push_back({0, row.height, width, row.height, grid_colour, 0.4, chart_grid});
    flow.add(std::move(row));
  }
  flow.space(blocks.style().style("body", blocks.language()).space_after + 4);
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// "1–4, 7, 9–11": runs of three or more consecutive numbers as ranges.
std::vector<std::string> number_ranges(const std::vector<int>& numbers) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t end = i + 1;
    while (end < numbers.size() && numbers[end] == numbers[end - 1] + 1) ++end;
    if (end - i >= 3) {
      items.push_back(std::to_string(numbers[i]) + "–" + std::to_string(numbers[end - 1]));
    } else {
      for (std::size_t k = i; k < end; ++k) items.push_back(std::to_string(numbers[k]));
    }
    i = end;
  }
  return items;
}

// The first `keep` items, "…" and the last: what the smallest type shows of
// a cell that no size holds whole.
std::vector<std::string> first_and_last(const std::vector<std::string>& items, std::size_t keep) {
  std::vector<std::string> shown(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(keep));
  shown.push_back("…");
  shown.push_back(items.back());
  return shown;
}

// A risk-matrix cell's numbers, always inside the cell: listed on one line
// as they are ("1, 2, 5"); else as ranges ("1–24, 30"), at the chart's size
// or smaller, over as many lines as the cell holds; else the first ranges,
// "…" and the last at the smallest size.
void place_cell_numbers(BlockLayout& blocks, Strip& grid, const std::vector<int>& numbers, double x, double y,
                        double cell_w, double cell_h) {
  std::vector<std::string> items;
  for (int n : numbers) items.push_back(std::to_string(n));
  BlockStyle style = blocks.style().style("chart", blocks.language());
  style.paragraph.alignment = Alignment::center;
  style.bold = true;
  const ComposedParagraph plain = blocks.compose(BlockLayout::text(joined(items)), style, cell_w);
  if (plain.lines.size() == 1 && plain.lines.front().right <= cell_w) {
    draw_lines(grid, plain, x, y + cell_h / 2 - 5);
    return;
  }
  const double pad = 2;
  const auto set = [&](const std::vector<std::string>& shown, double scale) {
    BlockStyle smaller = style;
    smaller.paragraph.font_size *= scale;
    smaller.paragraph.leading *= scale;
    return blocks.compose(BlockLayout::text(joined(shown)), smaller, cell_w - 2 * pad);
  };
  const auto fits = [&](const ComposedParagraph& p) {
    return p.height() <= cell_h - 2 * pad &&
           std::all_of(p.lines.begin(), p.lines.end(), [&](const ComposedLine& l) { return l.right <= cell_w - 2 * pad; });
  };
  const std::vector<std::string> ranges = number_ranges(numbers);
  ComposedParagraph chosen;
  for (double scale : {1.0, 0.8, 0.65}) {
    chosen = set(ranges, scale);
    if (fits(chosen)) break;
  }
  if (!fits(chosen)) {
    // The most leading ranges that fit before "…, last" (at least none).
    std::size_t low = 0, high = ranges.size() - 1;
    while (low < high) {
      const std::size_t mid = (low + high + 1) / 2;
      if (fits(set(first_and_last(ranges, mid), 0.65))) low = mid;
      else high = mid - 1;
    }
    chosen = set(first_and_last(ranges, low), 0.65);
  }
  draw_lines(grid, chosen, x + pad, y + (cell_h - chosen.height()) / 2);
}

}  // namespace

void add_risk_matrix(BlockLayout& blocks, FlowBuilder& flow, const std::vector<RiskEntry>& risks) {
  if (risks.empty()) return;
  static const char* levels[] = {"low", "medium", "high"};
  auto level_of = [](const std::string& v) {
    for (int i = 0; i < 3; ++i)
      if (v == levels[i]) return i;
    return -1;
  };
  const DocumentStyle& style = blocks.style();
  const double cell_w = 86, cell_h = 26, label_w = 80, head_h = 16;
  Strip grid;
  grid.space_before = 4;
  grid.height = head_h + 3 * cell_h + head_h;
  const double grid_x = label_w, grid_y = head_h;
  // Column heads (impact) above, row heads (likelihood, high at the top) left.
  place_text(blocks, grid, style.label("impact-axis", blocks.language()), grid_x, 0, 3 * cell_w, Alignment::center, true);
  place_text(blocks, grid, style.label("likelihood-axis", blocks.language()), 0, 0, label_w - 6, Alignment::right, true);
  for (int col = 0; col < 3; ++col)
    place_text(blocks, grid, style.label(levels[col], blocks.language()), grid_x + col * cell_w, grid_y + 3 * cell_h + 3,
               cell_w, Alignment::center);
  for (int row = 0; row < 3; ++row) {
    const int likelihood = 2 - row;
    const double y = grid_y + row * cell_h;
    place_text(blocks, grid, style.label(levels[likelihood], blocks.language()), 0, y + cell_h / 2 - 5, label_w - 6,
               Alignment::right);
    for (int impact = 0; impact < 3; ++impact) {
      // Severity 0–4 (likelihood + impact): green through red tints.
      static constexpr Color tint[] = {{0.86, 0.94, 0.86}, {0.93, 0.96, 0.82}, {1.0, 0.95, 0.78}, {1.0, 0.87, 0.74}, {0.98, 0.76, 0.74}};
      const double x = grid_x + impact * cell_w;
      grid.rects.push_back({x, y, cell_w, cell_h, tint[likelihood + impact], true, {1, 1, 1}, 1.0, {}});
      std::vector<int> numbers;
      for (const RiskEntry& r : risks)
        if (level_of(r.likelihood) == likelihood && level_of(r.impact) == impact) numbers.push_back(r.number);
      if (!numbers.empty()) place_cell_numbers(blocks, grid, numbers, x, y, cell_w, cell_h);
    }
  }
  flow.add(std::move(grid));
  flow.space(style.style("body", blocks.language()).space_after + 4);
}

namespace {

constexpr int goal_count = 17;

// The goals' columns: x of goal 1's left edge and each column's width.
struct GoalColumns {
  double x = 0, width = 0;
  double left_of(unsigned goal) const { return x + (goal - 1) * width; }
};

void add_goal_axis(BlockLayout& blocks, FlowBuilder& flow, const GoalColumns& columns, int table) {
  Strip axis;
  axis.table = table, axis.table_header = true, axis.keep_with_next = true;
  axis.space_before = 4;
  axis.height = 14;
  for (unsigned goal = 1; goal <= goal_count; ++goal)
    place_text(blocks, axis, std::to_string(goal), columns.left_of(goal), 2, columns.width, Alignment::center, true);
  axis.lines.push_back({columns.x, axis.height, columns.left_of(goal_count + 1), axis.height, axis_colour, 0.6, chart_grid});
  flow.add(std::move(axis));
}

void add_coverage_row(BlockLayout& blocks, FlowBuilder& flow, const GoalColumns& columns, const SdgCoverageRow& entry,
                      const std::vector<SdgGoalKey>& goals, int table) {
  Strip row;
  row.table = table;
  const double label_width = columns.x - 6;
  row.height = std::max(place_text(blocks, row, entry.label, 0, 3, label_width, Alignment::left,
                                   false, entry.no_plan.empty() ? Color{} : muted_text) + 6, 16.0);
  for (unsigned goal = 1; goal <= goal_count + 1; ++goal) {
    const double x = columns.left_of(goal);
    row.lines.push_back({x, 0, x, row.height, goal == 1 || goal == goal_count + 1 ? axis_colour : grid_colour, 0.4, chart_grid});
  }
  if (!entry.no_plan.empty())
    place_text(blocks, row, entry.no_plan, columns.x, row.height / 2 - 5, goal_count * columns.width, Alignment::center,
               false, muted_text);
  for (unsigned goal : entry.goals)
    if (goal >= 1 && goal <= goal_count)
      row.rects.push_back({columns.left_of(goal) + (columns.width - sdg_mark_size) / 2, (row.height - sdg_mark_size) / 2,
                           sdg_mark_size, sdg_mark_size, goal <= goals.size() ? goals[goal - 1].colour : bar_colour,
                           true, {}, 0, {}});
  row.lines.push_back({0, row.height, columns.left_of(goal_count + 1), row.height, grid_colour, 0.4, chart_grid});
  flow.add(std::move(row));
}

// "■ 1 No poverty", … in three columns, read down each column.
void add_goal_legend(BlockLayout& blocks, FlowBuilder& flow, const std::vector<SdgGoalKey>& goals) {
  const int per_column = (goal_count + 2) / 3;
  const double column_width = blocks.style().page.measure() / 3;
  flow.space(4);
  for (int line = 0; line < per_column; ++line) {
    Strip strip;
    double height = 0;
    for (int column = 0; column < 3; ++column) {
      const int goal = column * per_column + line + 1;
      if (goal > goal_count || std::size_t(goal) > goals.size()) continue;
      const double x = column * column_width;
      strip.rects.push_back({x, 2, 7, 7, goals[goal - 1].colour, true, {}, 0, {}});
      place_text(blocks, strip, std::to_string(goal), x + 8, 1, 13, Alignment::right, true);
      height = std::max(height, place_text(blocks, strip, goals[goal - 1].name, x + 25, 1, column_width - 28,
                                           Alignment::left));
    }
    strip.height = height + 2;
    strip.keep_with_next = line + 1 < per_column;
    flow.add(std::move(strip));
  }
}

}  // namespace

void add_sdg_coverage(BlockLayout& blocks, FlowBuilder& flow, const std::vector<SdgCoverageRow>& rows,
                      const std::vector<SdgGoalKey>& goals) {
  const double width = blocks.style().page.measure();
  GoalColumns columns;
  columns.x = width * 0.3;
  columns.width = (width - columns.x) / goal_count;
  const int table = flow.new_table_number();
  add_goal_axis(blocks, flow, columns, table);
  for (const SdgCoverageRow& row : rows) add_coverage_row(blocks, flow, columns, row, goals, table);
  flow.keep_last_with_next();  // the legend never starts a page of its own
  add_goal_legend(blocks, flow, goals);
  flow.space(blocks.style().style("body", blocks.language()).space_after + 4);
}

}  // namespace ucap::layout
