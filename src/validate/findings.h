// A small helper the rule files share to add findings for one file.
#pragma once

#include <string>
#include <vector>

#include "model/source_position.h"
#include "ucap/diagnostic.h"

namespace ucap::validate {

class Findings {
 public:
  Findings(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

  void error(const char* code, model::SourcePosition at, std::string message, std::string hint = {}) {
    add(code, Severity::error, at, std::move(message), std::move(hint));
  }
  void warning(const char* code, model::SourcePosition at, std::string message, std::string hint = {}) {
    add(code, Severity::warning, at, std::move(message), std::move(hint));
  }
  const std::string& file() const { return file_; }

 private:
  void add(const char* code, Severity severity, model::SourcePosition at, std::string message, std::string hint) {
    out_.push_back(Diagnostic{.code = code,
                              .severity = severity,
                              .file = file_,
                              .line = at.line,
                              .column = at.column,
                              .message = std::move(message),
                              .hint = std::move(hint)});
  }

  std::string file_;
  std::vector<Diagnostic>& out_;
};

}  // namespace ucap::validate
