// Finding a batch's inputs: every `*.xml` below the paths the user named,
// each with the path it is known by and where its outputs go.
#pragma once

#include <string>
#include <vector>

#include "ucap/diagnostic.h"

namespace ucap::batch {

struct InputFile {
  std::string path;      // as the user reaches it: the PATH argument joined with `relative`
  std::string relative;  // below the PATH argument it was found under (a file argument: its name)
};

struct Inputs {
  std::vector<InputFile> files;   // sorted by path, each file once
  std::vector<Diagnostic> problems;  // UCAP090: a path that does not exist or cannot be listed
};

// Every regular `*.xml` file among `paths` (files are taken whatever their
// name) and below the folders among them, recursively. Hidden files and
// folders (a leading dot: editors' backups, our own temporary files) are
// skipped. A file reached twice through overlapping paths is kept once,
// under the first argument that reached it; a symbolic link to a file is an
// input of its own.
Inputs find_inputs(const std::vector<std::string>& paths);

}  // namespace ucap::batch
