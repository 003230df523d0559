// The roster rules of FORMAT.md §3.
#include <map>

#include <fmt/format.h>

#include "validate/common_rules.h"
#include "validate/dates.h"
#include "validate/validate.h"
#include "model/quoted.h"

namespace ucap::validate {

namespace {

using FirstSeen = std::map<std::string, model::SourcePosition>;

// UCAP013 when `value` was already seen; remembers where it was first.
void check_unique(const model::Attribute& value, std::string_view what, FirstSeen& seen, Findings& findings) {
  if (!value.present) return;
  auto [it, inserted] = seen.emplace(value.value, value.position);
  if (!inserted)
    findings.error("UCAP013", value.position,
                   fmt::format("{} {} is listed twice (first at line {})", what, value.value, it->second.line));
}

void check_meeting(const model::Meeting& meeting, FirstSeen& numbers,
                   std::span<const model::Language> languages, Findings& findings) {
  static constexpr std::string_view statuses[] = {"held", "planned", "postponed"};
  check_positive_integer(meeting.number, "meeting number", findings);
  check_unique(meeting.number, "meeting", numbers, findings);
  if (meeting.date.present && !parse_date(meeting.date.value, DateForm::month_or_day))
    findings.error("UCAP033", meeting.date.position,
                   fmt::format("date '{}' is not a real date of the form YYYY-MM-DD or YYYY-MM", model::quoted(meeting.date.value)));
  check_enumerated(meeting.status, "status", statuses, findings);
  for (const model::LocalizedText& place : meeting.places)
    check_declared(place.language, "place", place.position, languages, findings);
}

}  // namespace

std::vector<Diagnostic> validate_roster(const model::Roster& roster, const catalog::Catalog& rules) {
  std::vector<Diagnostic> out;
  Findings findings(roster.file, out);
  std::span<const model::Language> languages = roster.languages;
  FirstSeen pairing_ids, batch_numbers, meeting_numbers;
  for (const model::Batch& batch : roster.batches) {
    check_positive_integer(batch.number, "batch number", findings);
    check_unique(batch.number, "batch", batch_numbers, findings);
    if (batch.year.present && !parse_date(batch.year.value + "-01", DateForm::month_only))
      findings.error("UCAP044", batch.year.position, fmt::format("year '{}' is not a four-digit year", model::quoted(batch.year.value)));
    for (const model::RosterPairing& pairing : batch.pairings) {
      check_pairing_id(pairing.id, findings);
      check_unique(pairing.id, "pairing", pairing_ids, findings);
      check_cities(pairing.cities, pairing.position, languages, rules, findings);
      // Topics are optional; once given, in every language.
      if (!pairing.topics.empty()) check_required_texts(pairing.topics, "topic", pairing.position, languages, findings);
    }
  }
  for (const model::Meeting& meeting : roster.meetings) check_meeting(meeting, meeting_numbers, languages, findings);
  return out;
}

}  // namespace ucap::validate
