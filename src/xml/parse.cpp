#include "xml/parse.h"

#include <fmt/format.h>

#include "xml/root_readers.h"

namespace ucap::xml {

namespace {

// No entity is expanded and no DOCTYPE accepted (FORMAT.md): pugixml never
// expands custom entities; parse_doctype is on only so that we can see a
// DOCTYPE and refuse it.
constexpr unsigned parse_options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;

std::string parser_reason(const pugi::xml_parse_result& result) {
  std::string reason = result.description();
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return reason;
}

}  // namespace

ParsedDocument parse_source(const SourceFile& source) {
  ParsedDocument parsed;
  pugi::xml_document xml;
  pugi::xml_parse_result result =
      xml.load_buffer(source.bytes.data(), source.bytes.size(), parse_options, pugi::encoding_utf8);
  ElementReader reader(source, parsed.diagnostics);
  if (!result) {
    reader.report("UCAP005", Severity::error, reader.offset_position(static_cast<std::size_t>(result.offset)),
                  fmt::format("not well-formed XML: {}", parser_reason(result)));
    return parsed;
  }
  for (pugi::xml_node node : xml.children()) {
    if (node.type() == pugi::node_doctype) {
      reader.report("UCAP006", Severity::error, reader.position(node),
                    "a DOCTYPE is not accepted: entities are never expanded and no external file is read",
                    "remove the <!DOCTYPE …> declaration");
      return parsed;
    }
  }
  pugi::xml_node root = xml.document_element();
  std::string_view name = root.name();
  if (name == "action-plan") {
    parsed.document = read_action_plan(reader, root);
  } else if (name == "roster") {
    parsed.document = read_roster(reader, root);
  } else if (name == "progress-report") {
    parsed.document = read_progress_report(reader, root);
  } else {
    static constexpr std::string_view roots[] = {"action-plan", "roster", "progress-report"};
    std::string_view guess = closest_match(name, roots);
    reader.report("UCAP007", Severity::error, reader.position(root),
                  fmt::format("<{}> is not a document this engine reads", name),
                  guess.empty() ? "the root element must be <action-plan>, <roster> or <progress-report>"
                                : fmt::format("did you mean <{}>?", guess));
  }
  return parsed;
}

ParsedDocument parse_file(const std::string& path) {
  std::vector<Diagnostic> read_problems;
  std::optional<SourceFile> source = read_source_file(path, read_problems);
  if (!source) {
    ParsedDocument failed;
    failed.diagnostics = std::move(read_problems);
    failed.io_failure = !failed.diagnostics.empty() && failed.diagnostics.front().code == "UCAP001";
    return failed;
  }
  return parse_source(*source);
}

}  // namespace ucap::xml
