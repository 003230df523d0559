// Writing a batch's files so that a reader (or a stopped batch) never
// leaves half a file: a temporary sibling, then a rename.
#pragma once

#include <string>
#include <string_view>

namespace ucap::batch {

// Writes `bytes` to `path` through a hidden temporary file in the same
// folder and a rename. With `durable`, the data is flushed to the disk
// before the rename (one fsync). Returns the reason on failure (the
// temporary file is removed, a previous file at `path` left as it was),
// else empty.
std::string write_file_atomically(const std::string& path, std::string_view bytes, bool durable);

// Flushes every file written on the file system that holds `folder`
// (syncfs): one wait for a whole batch of PDFs instead of one per PDF.
// Returns the reason on failure, else empty.
std::string sync_file_system(const std::string& folder);

}  // namespace ucap::batch
