#include "model/progress_report.h"

#include <iterator>

namespace ucap::model {

std::optional<ReportPart> parse_report_part(std::string_view name) {
  for (std::size_t i = 0; i < std::size(report_part_names); ++i)
    if (report_part_names[i] == name) return static_cast<ReportPart>(i);
  return std::nullopt;
}

std::string_view report_part_name(ReportPart part) { return report_part_names[static_cast<std::size_t>(part)]; }

}  // namespace ucap::model
