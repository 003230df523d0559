// Validation: the rules of FORMAT.md §1–3 over a parsed model, driven by
// the template. Never touches fonts or layout.
#pragma once

#include <vector>

#include "model/action_plan.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "validate/rulebook.h"
#include "xml/parse.h"

namespace ucap::validate {

// All findings for the plan; with a roster, also whether its pairing is
// there and its cities agree.
std::vector<Diagnostic> validate_plan(const model::ActionPlan& plan, const Rulebook& rules,
                                      const model::Roster* roster = nullptr);

std::vector<Diagnostic> validate_roster(const model::Roster& roster, const Rulebook& rules);

// Everything `ucap validate` says about one file: the parser's findings and,
// when a plan or roster was read, the rules', sorted as they are printed.
std::vector<Diagnostic> validate_document(const xml::ParsedDocument& parsed, const Rulebook& rules,
                                          const model::Roster* roster = nullptr);

}  // namespace ucap::validate
