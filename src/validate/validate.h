// Validation: the rules of FORMAT.md §1–3 over a parsed model, driven by
// the template. Never touches fonts or layout.
#pragma once

#include <vector>

#include "model/action_plan.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "validate/rulebook.h"

namespace ucap::validate {

// All findings for the plan; with a roster, also whether its pairing is
// there and its cities agree.
std::vector<Diagnostic> validate_plan(const model::ActionPlan& plan, const Rulebook& rules,
                                      const model::Roster* roster = nullptr);

std::vector<Diagnostic> validate_roster(const model::Roster& roster, const Rulebook& rules);

}  // namespace ucap::validate
