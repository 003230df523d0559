#include "catalog/reference_data.h"

#include <charconv>
#include <fstream>

#include <fmt/format.h>
#include <pugixml.hpp>

namespace ucap::catalog {

namespace {

std::optional<unsigned> parse_unsigned(std::string_view text) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

const SdgGoal* SdgCatalogue::goal(std::string_view id) const {
  auto number = parse_unsigned(id);
  if (!number || *number < 1 || *number > goals.size()) return nullptr;
  return &goals[*number - 1];
}

bool SdgCatalogue::has_target(std::string_view id) const {
  std::size_t dot = id.find('.');
  if (dot == std::string_view::npos) return false;
  const SdgGoal* g = goal(id.substr(0, dot));
  if (!g) return false;
  std::string_view target = id.substr(dot + 1);
  if (target.size() == 1 && target[0] >= 'a' && target[0] <= 'z')
    return g->lettered_targets.find(target[0]) != std::string::npos;
  auto number = parse_unsigned(target);
  return number && *number >= 1 && *number <= g->numbered_targets && target[0] != '0';
}

std::string SdgCatalogue::describe_targets(const SdgGoal& g) const {
  std::string text = fmt::format("goal {} has targets {}.1–{}.{}", g.id, g.id, g.id, g.numbered_targets);
  if (g.lettered_targets.size() == 1) text += fmt::format(", {}.{}", g.id, g.lettered_targets);
  else if (!g.lettered_targets.empty())
    text += fmt::format(", {}.{}–{}.{}", g.id, g.lettered_targets.front(), g.id, g.lettered_targets.back());
  return text;
}

std::size_t SdgCatalogue::target_count() const {
  std::size_t count = 0;
  for (const SdgGoal& g : goals) count += g.numbered_targets + g.lettered_targets.size();
  return count;
}

ReferenceLoad load_sdgs(const std::string& path, SdgCatalogue& out) {
  pugi::xml_document xml;
  if (auto parsed = xml.load_file(path.c_str()); !parsed)
    return {fmt::format("{}: cannot load the SDG list: {}", path, parsed.description())};
  out.goals.clear();
  for (pugi::xml_node node : xml.child("sdgs").children("goal")) {
    SdgGoal goal;
    goal.id = node.attribute("id").as_uint();
    goal.numbered_targets = node.attribute("numbered").as_uint();
    goal.lettered_targets = node.attribute("lettered").value();
    goal.colour = node.attribute("colour").value();
    for (pugi::xml_node name : node.children("name")) {
      std::string_view lang = name.attribute("xml:lang").value();
      (lang == "ja" ? goal.name_ja : goal.name_en) = name.child_value();
    }
    if (goal.id != out.goals.size() + 1) return {fmt::format("{}: goals must be listed 1, 2, 3… in order", path)};
    out.goals.push_back(std::move(goal));
  }
  if (out.goals.empty()) return {fmt::format("{}: no <goal> found", path)};
  return {};
}

ReferenceLoad load_code_list(const std::string& path, CodeList& out) {
  std::ifstream in(path);
  if (!in) return {fmt::format("{}: cannot read the code list", path)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    out.codes.insert(line.substr(0, line.find('\t')));
  }
  if (out.codes.empty()) return {fmt::format("{}: the code list is empty", path)};
  return {};
}

}  // namespace ucap::catalog
