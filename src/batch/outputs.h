// Where a batch writes each PDF: the input's place below its PATH argument,
// mirrored below the output folder, one file per language.
#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ucap/diagnostic.h"
#include "ucap/document.h"

namespace ucap::batch {

// "en", "ja", "en-ja": the part of an output's name before ".pdf".
std::string edition_name(const std::vector<Language>& languages);

// The rule of every output's name, for render, watch and batch alike: the
// input's name without .xml (`stem`), then the edition: plan → plan.ja.pdf,
// plan.en-ja.pdf. A stem already ending in the edition keeps it once:
// meeting-3.en → meeting-3.en.pdf.
std::string pdf_file_name(std::string stem, const std::vector<Language>& languages);

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

// Files by device and inode: the same file however it is named.
using FileIdentities = std::set<std::pair<dev_t, ino_t>>;

// The identities of those of `paths` that exist.
FileIdentities identities_of(const std::vector<std::string>& paths);

// UCAP064 when a PDF must not be written to `output`: it is one of
// `inputs`, or it exists and is not a regular file (a folder, a pipe, a
// device). Checked before rendering, so a mistyped -o never destroys a plan
// or blocks on a FIFO. `hint` says what to do instead.
std::optional<Diagnostic> refuse_output(const std::string& output, const FileIdentities& inputs,
                                        const std::string& hint);

}  // namespace ucap::batch
