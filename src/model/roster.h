// The programme's roster (FORMAT.md §3): batches of pairings, and meetings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/action_plan.h"

namespace ucap::model {

struct RosterPairing {
  Attribute id;
  std::vector<City> cities;
  LocalizedTexts topics;
  SourcePosition position;
};

struct Batch {
  Attribute number;  // n
  Attribute year;
  std::vector<RosterPairing> pairings;
  SourcePosition position;
};

struct Meeting {
  Attribute number;  // n
  Attribute city;
  Attribute date;    // YYYY-MM-DD or YYYY-MM; absent while undecided
  Attribute status;  // held | planned | postponed; absent = derived
  LocalizedTexts places;  // optional <place xml:lang> names of the city
  SourcePosition position;
};

struct Roster {
  std::string file;
  Attribute programme;
  Attribute region;
  Attribute period;
  Attribute languages_attribute;
  std::vector<Language> languages;
  std::vector<Batch> batches;
  std::vector<Meeting> meetings;
  SourcePosition position;

  const RosterPairing* find_pairing(std::string_view id) const;
};

// `status` as written, else held when its date is before the report's
// meeting's, else planned (FORMAT.md §3). The report speaks as of its
// meeting: a later meeting written as held is shown as planned.
std::string meeting_status(const Meeting& meeting, const std::optional<Meeting>& current);

}  // namespace ucap::model
