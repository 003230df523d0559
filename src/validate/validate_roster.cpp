// The roster rules of FORMAT.md §3.
#include <map>

#include <fmt/format.h>

#include "validate/common_rules.h"
#include "validate/dates.h"
#include "validate/validate.h"

namespace ucap::validate {

namespace {

void check_meeting(const model::Meeting& meeting, std::map<std::string, model::SourcePosition>& numbers,
                   std::span<const model::Language> languages, Findings& findings) {
  static constexpr std::string_view statuses[] = {"held", "planned", "postponed"};
  check_positive_integer(meeting.number, "meeting number", findings);
  if (meeting.number.present) {
    auto [it, inserted] = numbers.emplace(meeting.number.value, meeting.number.position);
    if (!inserted)
      findings.error("UCAP013", meeting.number.position,
                     fmt::format("meeting {} is listed twice (first at line {})", meeting.number.value, it->second.line));
  }
  if (meeting.date.present && !parse_date(meeting.date.value, DateForm::month_or_day))
    findings.error("UCAP033", meeting.date.position,
                   fmt::format("date '{}' is not a real date of the form YYYY-MM-DD or YYYY-MM", meeting.date.value));
  check_enumerated(meeting.status, "status", statuses, findings);
  for (const model::LocalizedText& place : meeting.places)
    check_declared(place.language, "place", place.position, languages, findings);
}

}  // namespace

std::vector<Diagnostic> validate_roster(const model::Roster& roster, const Rulebook& rules) {
  std::vector<Diagnostic> out;
  Findings findings(roster.file, out);
  std::span<const model::Language> languages = roster.languages;
  std::map<std::string, model::SourcePosition> pairing_ids;
  std::map<std::string, model::SourcePosition> batch_numbers;
  for (const model::Batch& batch : roster.batches) {
    check_positive_integer(batch.number, "batch number", findings);
    if (batch.number.present) {
      auto [it, inserted] = batch_numbers.emplace(batch.number.value, batch.number.position);
      if (!inserted)
        findings.error("UCAP013", batch.number.position,
                       fmt::format("batch {} is listed twice (first at line {})", batch.number.value, it->second.line));
    }
    if (batch.year.present && !parse_date(batch.year.value + "-01", DateForm::month_only))
      findings.error("UCAP044", batch.year.position, fmt::format("year '{}' is not a four-digit year", batch.year.value));
    for (const model::RosterPairing& pairing : batch.pairings) {
      check_pairing_id(pairing.id, findings);
      if (pairing.id.present) {
        auto [it, inserted] = pairing_ids.emplace(pairing.id.value, pairing.id.position);
        if (!inserted)
          findings.error("UCAP013", pairing.id.position,
                         fmt::format("pairing '{}' is listed twice (first at line {})", pairing.id.value, it->second.line));
      }
      check_cities(pairing.cities, pairing.position, languages, rules, findings);
      // Topics are optional; once given, in every language.
      if (!pairing.topics.empty()) check_required_texts(pairing.topics, "topic", pairing.position, languages, findings);
    }
  }
  std::map<std::string, model::SourcePosition> meeting_numbers;
  for (const model::Meeting& meeting : roster.meetings) check_meeting(meeting, meeting_numbers, languages, findings);
  return out;
}

}  // namespace ucap::validate
