#include "model/action_plan.h"

namespace ucap::model {

const Inlines* inlines_in(const LocalizedTexts& texts, Language language) {
  const LocalizedText* neutral = nullptr;
  for (const LocalizedText& text : texts) {
    if (text.language == language) return &text.inlines;
    if (text.language == Language::unset && !neutral) neutral = &text;
  }
  return neutral ? &neutral->inlines : nullptr;
}

std::string text_in(const LocalizedTexts& texts, Language language) {
  const Inlines* inlines = inlines_in(texts, language);
  return inlines ? plain_text(*inlines) : std::string{};
}

}  // namespace ucap::model
