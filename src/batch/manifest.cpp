#include "manifest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

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
  manifest["stopped_by"] = header.stopped_by.empty() ? ordered_json(nullptr) : ordered_json(header.stopped_by);
  ordered_json inputs = ordered_json::array();
  for (const InputRecord& record : records) inputs.push_back(record_json(record));
  manifest["inputs"] = std::move(inputs);
  manifest["totals"] = totals_json(totals);
  return manifest.dump(2) + "\n";
}

std::string write_text_atomically(const std::string& path, const std::string& text) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return "cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno);
  const char* data = text.data();
  std::size_t left = text.size();
  bool written = true;
  while (left > 0 && written) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) data += n, left -= std::size_t(n);
  }
  std::string reason = written ? "" : std::strerror(errno);
  ::fchmod(fd, 0644);  // mkstemp gives 0600; the manifest is an ordinary file
  if (::close(fd) != 0 && reason.empty()) reason = std::strerror(errno);
  if (reason.empty() && std::rename(temporary.c_str(), path.c_str()) != 0) reason = std::strerror(errno);
  if (reason.empty()) return {};
  ::unlink(temporary.c_str());
  return "cannot write " + path + ": " + reason;
}

}  // namespace ucap::batch
