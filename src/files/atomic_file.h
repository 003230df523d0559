// Writing a file so that a reader, a crash or a stopped batch never leaves
// half of it: a temporary sibling, then a rename. Shared by the library
// (Engine::render_to_file) and the batch, which is built over the public
// API and so compiles this file itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ucap::files {

enum class Durability {
  on_disk,   // flushed (fsync) before the rename: the file survives a crash
  deferred,  // left to the caller, who flushes many at once (sync_file_system)
};

// Writes `bytes` to `path` through a hidden temporary file in the same
// folder (so the rename stays within one file system; its name is short
// when `path`'s is near the file system's limit) and a rename. A file
// replaced keeps its permissions; a new one gets 0666 less the umask.
// Returns "cannot write PATH: reason" on failure (the temporary file is
// removed, a previous file at `path` left as it was), else empty.
std::string write_file_atomically(const std::string& path, std::string_view bytes,
                                  Durability durability = Durability::on_disk);
// The same for a PDF's bytes.
std::string write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes,
                                  Durability durability = Durability::on_disk);

// Flushes every file written on the file system that holds `folder`
// (syncfs): one wait for a whole batch of PDFs instead of one per PDF.
// Returns the reason on failure, else empty.
std::string sync_file_system(const std::string& folder);

}  // namespace ucap::files
