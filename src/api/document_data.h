// What a ucap::Document holds, and the conversions between the public API's
// types and the model's. Private to the library.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "model/language.h"
#include "report/report_sources.h"
#include "ucap/document.h"
#include "xml/parse.h"

namespace ucap::detail {

struct DocumentData {
  std::string name;
  bool readable = false;      // the bytes were read and are UTF-8 text
  xml::ParsedDocument parsed; // diagnostics sorted; io_failure for UCAP001

  // A report's roster and plans, read when first needed and kept: its
  // validation and each of its editions use the same reading (a document
  // is a snapshot; load it again to see files that changed). Only for a
  // report; safe to call from several threads.
  const report::ReportSources& report_sources() const {
    std::call_once(sources_read_, [this] {
      sources_ = report::load_report_sources(std::get<model::ProgressReport>(parsed.document));
    });
    return *sources_;
  }

 private:
  mutable std::once_flag sources_read_;
  mutable std::optional<report::ReportSources> sources_;
};

// The one door from the API's handles to their data, so that Document's
// header shows no internals.
struct DocumentAccess {
  static const DocumentData& data(const Document& document) { return *document.data_; }
  static const std::shared_ptr<const DocumentData>& shared(const Document& document) { return document.data_; }
  static Document make(std::shared_ptr<const DocumentData> data) { return Document(std::move(data)); }
};

inline model::Language to_model(Language language) {
  return language == Language::ja ? model::Language::ja : model::Language::en;
}

}  // namespace ucap::detail
