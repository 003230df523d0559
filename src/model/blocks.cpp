#include "model/blocks.h"

namespace ucap::model {

std::string plain_text(const Inlines& inlines) {
  std::string text;
  for (const TextRun& run : inlines) {
    if (run.line_break) text += '\n';
    else text += run.text;
  }
  return text;
}

}  // namespace ucap::model
