#include "model/action_plan.h"

namespace ucap::model {

std::string text_in(const LocalizedTexts& texts, Language language) {
  const LocalizedText* neutral = nullptr;
  for (const LocalizedText& text : texts) {
    if (text.language == language) return plain_text(text.inlines);
    if (text.language == Language::unset && !neutral) neutral = &text;
  }
  return neutral ? plain_text(neutral->inlines) : std::string{};
}

}  // namespace ucap::model
