// <progress-report> (FORMAT.md §4): the header in its fixed order, then
// generated parts and hand-written sections in any order. Whether the
// roster, the plans and the meeting exist is the validator's business.
#include "xml/document_header.h"
#include "xml/root_readers.h"

namespace ucap::xml {

using model::Language;

namespace {

constexpr HeaderElement report_header[] = {{"title", true, true}, {"subtitle", false, true}, {"meeting"},
                                           {"author", false, true}, {"roster"}, {"plans"}};
constexpr std::string_view report_body[] = {"generated", "section"};
constexpr DocumentLayout report_layout{"progress-report", report_header, report_body};

class ProgressReportReader {
 public:
  explicit ProgressReportReader(ElementReader& reader) : r_(reader) {}

  model::ProgressReport read(pugi::xml_node root) {
    Language language = read_document_root(r_, root, report_);
    read_document_children(
        r_, root, report_layout,
        [&](pugi::xml_node child, std::string_view name) { read_header_element(child, name, language); },
        [&](pugi::xml_node child, std::string_view name) { read_body_element(child, name, language); });
    return std::move(report_);
  }

 private:
  void read_header_element(pugi::xml_node child, std::string_view name, Language language) {
    if (name == "title") report_.titles.push_back(r_.localized_text(child, language));
    else if (name == "subtitle") report_.subtitles.push_back(r_.localized_text(child, language));
    else if (name == "author") report_.authors.push_back(r_.localized_text(child, language));
    else if (name == "meeting") report_.meeting_number = read_reference(child, "n", language);
    else if (name == "roster") report_.roster_href = read_reference(child, "href", language);
    else if (name == "plans") report_.plans_href = read_reference(child, "href", language);
  }

  // <meeting n/>, <roster href/>, <plans href/>: one required attribute and
  // no content. Their xml:lang means nothing but is still checked.
  model::Attribute read_reference(pugi::xml_node element, const char* name, Language language) {
    r_.check_attributes(element, {name});
    r_.language(element, language);
    r_.reject_content(element);
    return r_.required_attribute(element, name);
  }

  void read_body_element(pugi::xml_node child, std::string_view name, Language language) {
    if (name == "generated") report_.body.emplace_back(read_generated(child, language));
    else report_.body.emplace_back(read_section(child, language));
  }

  model::GeneratedPart read_generated(pugi::xml_node element, Language language) {
    model::GeneratedPart part;
    part.position = r_.position(element);
    part.language = r_.language(element, language);
    r_.check_attributes(element, {"part"});
    r_.reject_content(element);
    part.part = r_.required_attribute(element, "part");
    return part;
  }

  model::ReportSection read_section(pugi::xml_node element, Language language) {
    model::ReportSection section;
    section.position = r_.position(element);
    section.language = r_.language(element, language);
    r_.check_attributes(element, {});
    r_.titled_content(element, section.language, {section.titles, section.blocks});
    return section;
  }

  ElementReader& r_;
  model::ProgressReport report_;
};

}  // namespace

model::ProgressReport read_progress_report(ElementReader& reader, pugi::xml_node root) {
  return ProgressReportReader(reader).read(root);
}

}  // namespace ucap::xml
