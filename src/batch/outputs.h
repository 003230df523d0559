// Where a batch writes each PDF: the input's place below its PATH argument,
// mirrored below the output folder, one file per language.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ucap/diagnostic.h"
#include "ucap/document.h"

namespace ucap::batch {

// plans/frankfurt-yokohama.xml, ja → plans/frankfurt-yokohama.ja.pdf. A name
// that already ends in the language keeps it once: reports/meeting-3.en.xml,
// en → reports/meeting-3.en.pdf.
std::string output_name(const std::string& relative_input, Language language);
// The same for an edition in several languages: plans/x.xml, en ja →
// plans/x.en-ja.pdf.
std::string output_name(const std::string& relative_input, const std::vector<Language>& languages);

// Each output belongs to one input: the first to claim it (inputs are
// claimed in sorted order, so the answer does not depend on --jobs).
class OutputClaims {
 public:
  // Nothing when `output` is free (it is now `input`'s); otherwise UCAP093,
  // naming the input that has it.
  std::optional<Diagnostic> claim(const std::string& output, const std::string& input);

 private:
  std::map<std::string, std::string> owners_;  // output → input
};

}  // namespace ucap::batch
