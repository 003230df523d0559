#include "model/roster.h"

#include <algorithm>

namespace ucap::model {

const RosterPairing* Roster::find_pairing(std::string_view id) const {
  for (const Batch& batch : batches)
    for (const RosterPairing& pairing : batch.pairings)
      if (pairing.id.value == id) return &pairing;
  return nullptr;
}

namespace {

// Where a meeting falls against the report's: < 0 before, > 0 after, 0 the
// same day or month ("2018-10" and "2018-10-11" compare by their common
// prefix) or unknown (either has no date).
int compare_dates(const Meeting& meeting, const Meeting& current) {
  if (!meeting.date.present || !current.date.present) return 0;
  const std::size_t common = std::min(meeting.date.value.size(), current.date.value.size());
  return meeting.date.value.compare(0, common, current.date.value, 0, common);
}

}  // namespace

std::string meeting_status(const Meeting& meeting, const std::optional<Meeting>& current) {
  const bool written = meeting.status.present && !meeting.status.value.empty();
  // A report speaks as of its meeting: a later meeting the roster now says
  // was held had not been held yet.
  const int when = current ? compare_dates(meeting, *current) : 0;
  if (written && !(meeting.status.value == "held" && when > 0)) return meeting.status.value;
  return when < 0 ? "held" : "planned";
}

}  // namespace ucap::model
