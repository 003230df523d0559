// Which roster a batch checks each plan's pairing against.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ucap/diagnostic.h"

namespace ucap::batch {

struct RosterChoice {
  std::optional<std::size_t> roster;  // index into the rosters given; nothing: the pairing is not checked
  std::optional<Diagnostic> warning;  // UCAP094 when several rosters leave the choice open
};

// The roster for the plan at `plan_path`, among the rosters found in the
// batch (`roster_paths`, the paths the inputs are known by). One roster:
// every plan is checked against it. Several (a folder of programmes, each
// with its roster): the nearest one in the plan's folder or a folder above
// it; none above, or two in the same nearest folder, is a warning and the
// pairing is not checked. --roster, when given, is used before this.
RosterChoice choose_roster(const std::string& plan_path, const std::vector<std::string>& roster_paths);

}  // namespace ucap::batch
