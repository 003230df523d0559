// How a document is set: page geometry, named text styles and the words the
// layout adds (headings' numbering, "Activity n", labels of the meta line),
// from the template's <styles> and <labels> as the catalogue read them, so
// that no size or phrase of either language lives in the code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/template.h"
#include "layout/paragraph_style.h"
#include "model/language.h"

namespace ucap::layout {

struct PageGeometry {
  double width = 595.276, height = 841.89;  // A4
  double top = 76, bottom = 70, left = 72.638, right = 72.638;
  double header_baseline = 44;   // running header, from the top edge
  double footer_baseline = 806;  // page number

  double measure() const { return width - left - right; }
  double body_bottom() const { return height - bottom; }
};

// A named style: a paragraph style plus the space around the block.
struct BlockStyle {
  ParagraphStyle paragraph;
  double space_before = 0;
  double space_after = 0;
  bool bold = false;
};

struct ListGeometry {
  double indent = 18;      // of each nesting level
  double label_gap = 4;    // between a label's right edge and the text
  double item_space = 2;   // between items
};

struct TableGeometry {
  double cell_padding = 3.5;
  double rule_width = 0.5;
  Color header_tint{0.88, 0.91, 0.95};
};

class DocumentStyle {
 public:
  // The built-in defaults with what the template's <styles> and <labels>
  // state on top.
  static DocumentStyle from(const catalog::Template& definition);

  std::string template_id;  // <template id>
  PageGeometry page;
  bool contents = false;  // a table of contents after the title block
  ListGeometry list;      // language-neutral; list_for() gives a language's
  ListGeometry list_ja;   // (a wider indent fits "（1）")
  TableGeometry table;

  const ListGeometry& list_for(model::Language language) const {
    return language == model::Language::ja ? list_ja : list;
  }

  // The style `name` for `language`, measured to the text width. Falls
  // back to the style without lang, then to "body".
  BlockStyle style(std::string_view name, model::Language language) const;

  // The label `key` in `language` with its {placeholders} filled in; the
  // key itself when the template lacks it (visible, never silent).
  std::string label(std::string_view key, model::Language language,
                    const std::vector<std::pair<std::string_view, std::string>>& values = {}) const;

  void set_style(std::string name, model::Language language, BlockStyle style);
  void set_label(std::string key, model::Language language, std::string text);

 private:
  std::map<std::pair<std::string, model::Language>, BlockStyle> styles_;
  std::map<std::pair<std::string, model::Language>, std::string> labels_;
};

// "{n}. {title}" with n=3, title=… → "3. …"; unknown placeholders stay.
std::string fill_placeholders(std::string_view pattern,
                              const std::vector<std::pair<std::string_view, std::string>>& values);

}  // namespace ucap::layout
