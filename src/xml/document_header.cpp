#include "xml/document_header.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace ucap::xml {

namespace {

// "a, b and c" (final = " and ") or "a, b, c" (final = ", ").
std::string join_names(const std::vector<std::string_view>& names, std::string_view final_separator) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? final_separator : ", ";
    text += names[i];
  }
  return text;
}

class HeaderWalk {
 public:
  HeaderWalk(ElementReader& reader, const DocumentLayout& layout)
      : r_(reader), layout_(layout), seen_(layout.header.size(), false) {
    for (const HeaderElement& element : layout.header) expected_.push_back(element.name);
    expected_.insert(expected_.end(), layout.body.begin(), layout.body.end());
  }

  void run(pugi::xml_node root, const ChildReader& read_header, const ChildReader& read_body) {
    for (pugi::xml_node child : root.children()) {
      if (!r_.element_or_reject_text(child, layout_.root)) continue;
      std::string_view name = child.name();
      if (is_body(name)) {
        if (first_body_.empty()) first_body_ = name;
        read_body(child, name);
        continue;
      }
      std::size_t index = header_index(name);
      if (index == layout_.header.size()) {
        r_.unknown_element(child, layout_.root, expected_);
        continue;
      }
      check_order(child, index);
      if (seen_[index] && !layout_.header[index].repeats) {
        r_.report("UCAP013", Severity::error, r_.position(child),
                  fmt::format("<{}> appears more than once; the first one is used", name));
        continue;
      }
      seen_[index] = true;
      read_header(child, name);
    }
    report_missing(root);
  }

 private:
  bool is_body(std::string_view name) const {
    return std::find(layout_.body.begin(), layout_.body.end(), name) != layout_.body.end();
  }

  std::size_t header_index(std::string_view name) const {
    auto it = std::find_if(layout_.header.begin(), layout_.header.end(),
                           [&](const HeaderElement& element) { return element.name == name; });
    return static_cast<std::size_t>(it - layout_.header.begin());
  }

  void check_order(pugi::xml_node child, std::size_t index) {
    std::string_view name = child.name();
    if (!first_body_.empty()) {
      r_.report("UCAP011", Severity::error, r_.position(child),
                fmt::format("<{}> is out of order: the header comes before the first <{}>", name, first_body_));
    } else if (index < furthest_) {
      std::vector<std::string_view> order(expected_.begin(), expected_.begin() + layout_.header.size());
      r_.report("UCAP011", Severity::error, r_.position(child),
                fmt::format("<{}> is out of order: it belongs before <{}>", name, layout_.header[furthest_].name),
                fmt::format("header order: {}", join_names(order, ", ")));
    } else {
      furthest_ = index;
    }
  }

  // A missing header element is reported where it should have been: at the
  // next header element that is present, or at the first body element.
  void report_missing(pugi::xml_node root) {
    std::vector<std::string_view> required;
    for (const HeaderElement& element : layout_.header)
      if (element.required) required.push_back(element.name);
    for (std::size_t index = 0; index < layout_.header.size(); ++index) {
      if (seen_[index] || !layout_.header[index].required) continue;
      r_.report("UCAP012", Severity::error, where_missing_goes(root, index),
                fmt::format("<{}> is missing; the header needs {}", layout_.header[index].name,
                            join_names(required, " and ")));
    }
  }

  model::SourcePosition where_missing_goes(pugi::xml_node root, std::size_t index) const {
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      std::string_view name = child.name();
      std::size_t other = header_index(name);
      if ((other < layout_.header.size() && other > index) || is_body(name)) return r_.position(child);
    }
    return r_.position(root);
  }

  ElementReader& r_;
  const DocumentLayout& layout_;
  std::vector<bool> seen_;
  std::vector<std::string_view> expected_;  // header names, then body names
  std::size_t furthest_ = 0;                // highest header index seen in order
  std::string_view first_body_;             // name of the first body element, once seen
};

}  // namespace

void read_document_children(ElementReader& reader, pugi::xml_node root, const DocumentLayout& layout,
                            const ChildReader& read_header, const ChildReader& read_body) {
  HeaderWalk(reader, layout).run(root, read_header, read_body);
}

}  // namespace ucap::xml
