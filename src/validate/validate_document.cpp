#include "validate/validate.h"

namespace ucap::validate {

std::vector<Diagnostic> validate_document(const xml::ParsedDocument& parsed, const catalog::Catalog& rules,
                                          const model::Roster* roster,
                                          const std::vector<Diagnostic>* report_findings) {
  std::vector<Diagnostic> findings = parsed.diagnostics;
  std::vector<Diagnostic> more;
  if (const auto* plan = std::get_if<model::ActionPlan>(&parsed.document))
    more = validate_plan(*plan, rules, roster);
  else if (const auto* listed = std::get_if<model::Roster>(&parsed.document))
    more = validate_roster(*listed, rules);
  else if (const auto* report = std::get_if<model::ProgressReport>(&parsed.document))
    more = report_findings ? *report_findings : validate_report(*report, nullptr, {}, rules);
  findings.insert(findings.end(), more.begin(), more.end());
  sort_diagnostics(findings);
  return findings;
}

}  // namespace ucap::validate
