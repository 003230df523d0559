// The progress-report rules of FORMAT.md §4: template, languages, the
// generated parts, and the roster meeting the report is for. The plans in
// the plans folder are not checked here: a report is never blocked by a
// bad plan.
#include <map>

#include <fmt/format.h>

#include "validate/common_rules.h"
#include "validate/validate.h"
#include "model/quoted.h"

namespace ucap::validate {

using model::Language;

namespace {

// Two elements both appear when rendering some language: either holds for
// every language, or both are in the same one.
bool shown_together(Language a, Language b) { return a == Language::unset || b == Language::unset || a == b; }

class ReportValidator {
 public:
  ReportValidator(const model::ProgressReport& report, const model::Roster* roster, std::string_view roster_path,
                  const catalog::Catalog& rules, std::vector<Diagnostic>& out)
      : report_(report), roster_(roster), roster_path_(roster_path), rules_(rules), findings_(report.file, out) {}

  void run() {
    if (const Template* used = check_template()) part_names_.assign(used->parts.begin(), used->parts.end());
    check_header_texts();
    check_body();
    check_positive_integer(report_.meeting_number, "meeting number", findings_);
    if (roster_ && report_.meeting_number.present) check_meeting(*roster_);
  }

 private:
  std::span<const Language> languages() const { return report_.languages; }

  // The template the report names when it is a progress-report template;
  // otherwise (an error) the catalogue's, whose rules the rest is checked by.
  const Template* check_template() {
    const model::Attribute& id = report_.template_id;
    const Template* used = rules_.report_template(id.present ? id.value : std::string_view());
    if (id.present && !(used && used->id == id.value))
      findings_.error("UCAP020", id.position, fmt::format("template '{}' is not a progress-report template", model::quoted(id.value)),
                      used ? fmt::format("progress reports use template=\"{}\"", used->id) : std::string());
    const model::Attribute& version = report_.version;
    if (used && version.present && version.value != used->version)
      findings_.error("UCAP020", version.position,
                      fmt::format("version '{}' is not supported; progress reports are version {}", version.value,
                                  used->version));
    return used;
  }

  void check_header_texts() {
    check_required_texts(report_.titles, "title", report_.position, languages(), findings_);
    check_optional_texts(report_.subtitles, "subtitle", Language::unset, languages(), findings_);
    check_optional_texts(report_.authors, "author", Language::unset, languages(), findings_);
  }

  // Generated parts and sections are siblings: one in a language needs its
  // counterpart in the others, whichever of the two it is.
  void check_body() {
    std::vector<Sibling> siblings;
    for (const model::ReportItem& item : report_.body) {
      if (const auto* part = std::get_if<model::GeneratedPart>(&item)) {
        siblings.push_back({"generated", part->language, part->position});
        check_generated(*part);
      } else {
        const auto& section = std::get<model::ReportSection>(item);
        siblings.push_back({"section", section.language, section.position});
        check_section(section);
      }
    }
    check_sibling_languages(siblings, Language::unset, languages(), findings_);
  }

  void check_generated(const model::GeneratedPart& part) {
    check_enumerated(part.part, "part", part_names_, findings_);
    if (!part.kind()) return;
    // A part twice in one language would appear twice: likely a slip, never
    // harmful, so a warning. One per language (en, ja) is not twice.
    for (const auto& [language, line] : parts_seen_[part.part.value]) {
      if (!shown_together(language, part.language)) continue;
      findings_.warning("UCAP013", part.part.position,
                        fmt::format("generated part '{}' is listed twice (first at line {})", model::quoted(part.part.value), line),
                        "it would appear twice; remove one, or give each its own xml:lang");
      return;
    }
    parts_seen_[part.part.value].push_back({part.language, part.position.line});
  }

  void check_section(const model::ReportSection& section) {
    check_required_texts(section.titles, "title", section.position, languages_for(section.language, languages()),
                         findings_);
    check_block_languages(section.blocks, section.language, languages(), findings_);
  }

  void check_meeting(const model::Roster& roster) {
    const model::Attribute& n = report_.meeting_number;
    std::string numbers;
    for (const model::Meeting& meeting : roster.meetings) {
      if (meeting.number.value == n.value) return;
      numbers += fmt::format("{}{}", numbers.empty() ? "" : ", ", meeting.number.value);
    }
    findings_.error("UCAP073", n.position, fmt::format("meeting {} is not in the roster {}", n.value, roster_path_),
                    numbers.empty() ? "the roster lists no meeting"
                                    : fmt::format("the roster lists meetings {}", numbers));
  }

  const model::ProgressReport& report_;
  const model::Roster* roster_;
  std::string_view roster_path_;
  const catalog::Catalog& rules_;
  Findings findings_;
  std::vector<std::string_view> part_names_;  // the template's generated parts
  std::map<std::string, std::vector<std::pair<Language, std::uint32_t>>> parts_seen_;  // part → (language, line)
};

}  // namespace

std::vector<Diagnostic> validate_report(const model::ProgressReport& report, const model::Roster* roster,
                                        std::string_view roster_path, const catalog::Catalog& rules) {
  std::vector<Diagnostic> out;
  ReportValidator(report, roster, roster_path, rules, out).run();
  return out;
}

}  // namespace ucap::validate
