// XML → model. Recognises the document by its root element (FORMAT.md:
// <action-plan>, <roster>, <progress-report>) and reports every structural
// problem it meets (not well-formed, DOCTYPE, unknown or misplaced
// elements, missing attributes) with its position; rules about values are
// the validator's.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "model/action_plan.h"
#include "model/progress_report.h"
#include "model/roster.h"
#include "ucap/diagnostic.h"
#include "xml/source_file.h"

namespace ucap::xml {

struct ParsedDocument {
  // monostate when the file could not be read or parsed as XML at all.
  std::variant<std::monostate, model::ActionPlan, model::Roster, model::ProgressReport> document;
  std::vector<Diagnostic> diagnostics;
  bool io_failure = false;  // the file could not be read (exit status 2)
};

ParsedDocument parse_source(const SourceFile& source);
ParsedDocument parse_file(const std::string& path);

}  // namespace ucap::xml
