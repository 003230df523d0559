#include "manifest.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace ucap::batch {

namespace {

using nlohmann::ordered_json;

ordered_json diagnostic_json(const Diagnostic& d) {
  ordered_json out;
  out["code"] = d.code;
  out["severity"] = ucap::to_string(d.severity);
  out["file"] = d.file;
  out["line"] = d.line;
  out["column"] = d.column;
  out["message"] = d.message;
  if (!d.hint.empty()) out["hint"] = d.hint;
  return out;
}

// Tenths of a millisecond: finer says nothing on a shared machine.
double rounded(double milliseconds) { return std::round(milliseconds * 10) / 10; }

ordered_json record_json(const InputRecord& record) {
  ordered_json out;
  out["path"] = record.path;
  out["kind"] = ucap::to_string(record.kind);
  out["status"] = to_string(record.status);
  out["outputs"] = record.outputs;
  ordered_json diagnostics = ordered_json::array();
  for (const Diagnostic& d : record.diagnostics) diagnostics.push_back(diagnostic_json(d));
  out["diagnostics"] = std::move(diagnostics);
  out["milliseconds"] = rounded(record.milliseconds);
  return out;
}

ordered_json totals_json(const Totals& totals) {
  ordered_json out;
  out["inputs"] = totals.inputs;
  out["rendered"] = totals.rendered;
  out["checked"] = totals.checked;
  out["failed"] = totals.failed;
  out["not_done"] = totals.not_done;
  out["pdfs"] = totals.pdfs;
  out["errors"] = totals.errors;
  out["warnings"] = totals.warnings;
  out["milliseconds"] = rounded(totals.milliseconds);
  return out;
}

}  // namespace

const char* to_string(InputStatus status) {
  switch (status) {
    case InputStatus::not_done: return "not-done";
    case InputStatus::rendered: return "rendered";
    case InputStatus::checked: return "checked";
    case InputStatus::failed: return "failed";
  }
  return "unknown";
}

Totals count(const std::vector<InputRecord>& records, double wall_milliseconds) {
  Totals totals;
  totals.inputs = records.size();
  totals.milliseconds = wall_milliseconds;
  for (const InputRecord& record : records) {
    switch (record.status) {
      case InputStatus::not_done: ++totals.not_done; break;
      case InputStatus::rendered: ++totals.rendered; break;
      case InputStatus::checked: ++totals.checked; break;
      case InputStatus::failed: ++totals.failed; break;
    }
    totals.pdfs += record.outputs.size();
    for (const Diagnostic& d : record.diagnostics) {
      if (d.severity == Severity::error) ++totals.errors;
      else if (d.severity == Severity::warning) ++totals.warnings;
    }
  }
  return totals;
}

std::string manifest_json(const ManifestHeader& header, const std::vector<InputRecord>& records, const Totals& totals) {
  ordered_json manifest;
  manifest["format"] = "ucap-batch-manifest";
  manifest["version"] = 1;
  ordered_json languages = ordered_json::array();
  for (Language language : header.languages) languages.push_back(ucap::to_string(language));
  manifest["languages"] = std::move(languages);
  manifest["bilingual"] = header.bilingual;
  manifest["diagnostics"] = header.diagnostics.empty() ? "text" : header.diagnostics;
  manifest["pdf_standard"] = ucap::to_string(header.pdf_standards);
  manifest["stopped_by"] = header.stopped_by.empty() ? ordered_json(nullptr) : ordered_json(header.stopped_by);
  ordered_json inputs = ordered_json::array();
  for (const InputRecord& record : records) inputs.push_back(record_json(record));
  manifest["inputs"] = std::move(inputs);
  manifest["totals"] = totals_json(totals);
  // A file name need not be UTF-8 (a Latin-1 "café.xml"): its bad bytes
  // become U+FFFD rather than the strict dump's exception ending the batch.
  return manifest.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ucap::batch
