// Charts drawn from the plan's data with vector graphics, never typed: the
// activity timeline (head of the section that holds activities) and the
// risk matrix (head of the section that holds risks). Each is a set of
// strips in the flow, so a long timeline continues on the next page with
// its axis repeated.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "layout/block_layout.h"
#include "model/action_plan.h"

namespace ucap::layout {

struct TimelineEntry {
  int number = 0;           // "Activity n"
  std::string title;
  std::string start, end;   // YYYY-MM or YYYY-MM-DD
  std::string budget;       // formatted, may be empty
};

// One bar per activity across the months from the first start to the last
// end, with year labels and quarter ticks. Nothing when no entry has dates.
void add_timeline(BlockLayout& blocks, FlowBuilder& flow, const std::vector<TimelineEntry>& entries);

struct RiskEntry {
  int number = 0;
  std::string likelihood, impact;  // low | medium | high
};

// A 3×3 likelihood × impact grid shaded by severity, each risk's number in
// its cell.
void add_risk_matrix(BlockLayout& blocks, FlowBuilder& flow, const std::vector<RiskEntry>& risks);

struct SdgCoverageRow {
  std::string label;         // the pairing, "Frankfurt – Yokohama"
  std::set<unsigned> goals;  // the goals its plan addresses, 1–17
  std::string no_plan;       // said across the row instead when set
};

struct SdgGoalKey {
  std::string name;  // the short name in the document's language
  Color colour;      // the goal's own
};

// Pairings × the 17 goals: a square in the goal's colour where a row's
// plan addresses a goal, the goals' numbers over the columns (repeated on
// each page the chart continues on), then a legend of their colours and
// short names (`goals`, goal 1 first).
void add_sdg_coverage(BlockLayout& blocks, FlowBuilder& flow, const std::vector<SdgCoverageRow>& rows,
                      const std::vector<SdgGoalKey>& goals);

// The side of the square marking a goal (tests find marks by it).
inline constexpr double sdg_mark_size = 9;

// Months since year 0 of "YYYY-MM[-DD]"; -1 when it is not such a date.
int month_index(const std::string& date);

}  // namespace ucap::layout
