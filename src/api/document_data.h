// What a ucap::Document holds, and the conversions between the public API's
// types and the model's. Private to the library.
#pragma once

#include <memory>
#include <string>

#include "model/language.h"
#include "ucap/document.h"
#include "xml/parse.h"

namespace ucap::detail {

struct DocumentData {
  std::string name;
  bool readable = false;      // the bytes were read and are UTF-8 text
  xml::ParsedDocument parsed; // diagnostics sorted; io_failure for UCAP001
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
