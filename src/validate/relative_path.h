// Paths a document writes (<img src>, a report's hrefs) are relative to its
// folder and must stay below a root folder, so a document cannot make the
// engine read a file anywhere on the machine. The check is on the text of
// the path; symbolic links below the root are the user's own and followed.
#pragma once

#include <cstdint>
#include <string_view>

namespace ucap::validate {

enum class PathEscape : std::uint8_t {
  none,          // a path below the root
  empty,
  absolute,      // "/data/x.xml"
  url_or_drive,  // "https://…", "C:…": a colon before the first '/'
  leaves_root,   // more ".." than the folders between the root and the document
};

// What is wrong with `path`, written in a document whose folder is
// `document_depth` folders below the root (0: the root is the document's
// folder; 1: the folder above it).
PathEscape relative_path_escape(std::string_view path, int document_depth);

}  // namespace ucap::validate
