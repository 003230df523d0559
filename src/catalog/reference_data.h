// Reference lists that documents are checked against and drawn with, read from
// templates/data/: the UN SDG goals and targets, ISO 3166-1 country codes
// and ISO 4217 currency codes.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ucap::catalog {

struct SdgGoal {
  unsigned id = 0;
  unsigned numbered_targets = 0;  // targets id.1 … id.N
  std::string lettered_targets;   // "abc": targets id.a, id.b, id.c
  std::string name_en, name_ja;
  std::string colour;  // "#E5243B" as the UN icons show it; may be empty
};

class SdgCatalogue {
 public:
  std::vector<SdgGoal> goals;  // goals[i].id == i + 1

  const SdgGoal* goal(std::string_view id) const;
  bool has_target(std::string_view id) const;
  // "goal 11 has targets 11.1–11.7, 11.a–11.c"
  std::string describe_targets(const SdgGoal& goal) const;
  std::size_t target_count() const;
};

class CodeList {
 public:
  std::set<std::string, std::less<>> codes;
  bool contains(std::string_view code) const { return codes.find(code) != codes.end(); }
};

struct ReferenceLoad {
  std::string error;  // empty on success
};

ReferenceLoad load_sdgs(const std::string& path, SdgCatalogue& out);
ReferenceLoad load_code_list(const std::string& path, CodeList& out);

}  // namespace ucap::catalog
