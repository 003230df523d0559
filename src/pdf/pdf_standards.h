// Which standards a PDF is written to meet, and claims (--pdf-standard).
#pragma once

namespace ucap::pdf {

struct PdfStandards {
  bool ua1 = true;  // PDF/UA-1 (ISO 14289-1)
  bool a2a = true;  // PDF/A-2a (ISO 19005-2, level a)
  // Both standards need the logical structure; with neither the PDF is untagged.
  bool tagged() const { return ua1 || a2a; }
};

}  // namespace ucap::pdf
