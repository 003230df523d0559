// A progress report for one exchange meeting (FORMAT.md §4) as typed data.
//
// The report names its roster and its folder of plans; the parts computed
// from them (<generated part="…"/>) stand among the hand-written sections
// in the order the author chose.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/action_plan.h"

namespace ucap::model {

// The parts a report can have computed for it, from the roster and the plans.
enum class ReportPart : std::uint8_t { pairings, plan_status, sdg_coverage, meetings };

// The names of `part="…"`, in the order of FORMAT.md §4.
inline constexpr std::string_view report_part_names[] = {"pairings", "plan-status", "sdg-coverage", "meetings"};

std::optional<ReportPart> parse_report_part(std::string_view name);
std::string_view report_part_name(ReportPart part);

// <generated part="…"/>: a table or chart the renderer computes.
struct GeneratedPart {
  Attribute part;  // as written; the validator checks it against report_part_names
  Language language = Language::unset;
  SourcePosition position;

  // The part, when `part` names one.
  std::optional<ReportPart> kind() const { return parse_report_part(part.value); }
};

// <section><title>…</title> blocks</section>: hand-written text.
struct ReportSection {
  LocalizedTexts titles;
  Blocks blocks;
  Language language = Language::unset;
  SourcePosition position;
};

using ReportItem = std::variant<GeneratedPart, ReportSection>;

struct ProgressReport {
  std::string file;  // as given by the user; hrefs are relative to its folder
  bool from_memory = false;  // loaded from a buffer: see model::document_folder
  Attribute template_id;
  Attribute version;
  Attribute languages_attribute;
  std::vector<Language> languages;

  LocalizedTexts titles;
  LocalizedTexts subtitles;
  LocalizedTexts authors;
  Attribute meeting_number;  // <meeting n>; not present when <meeting> or n is missing
  Attribute roster_href;     // <roster href>
  Attribute plans_href;      // <plans href>, a folder
  std::vector<ReportItem> body;  // in document order

  SourcePosition position;  // of the root element
};

}  // namespace ucap::model
