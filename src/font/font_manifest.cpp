#include "font/font_manifest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "model/line_index.h"

namespace ucap::font {
namespace {

std::optional<Script> parse_script(std::string_view s) {
  if (s == "latin") return Script::latin;
  if (s == "japanese") return Script::japanese;
  return std::nullopt;
}

std::optional<Family> parse_family(std::string_view s) {
  if (s == "serif") return Family::serif;
  if (s == "sans") return Family::sans;
  return std::nullopt;
}

// "PATH:LINE:COL" of a byte offset, counted as every other finding is
// (model::LineIndex: lines and code-point columns from 1).
std::string position_of(const std::string& path, const model::LineIndex& lines, std::ptrdiff_t offset) {
  const model::SourcePosition at = lines.position(std::size_t(std::max<std::ptrdiff_t>(offset, 0)));
  return path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

std::string font_setup_error(const std::string& position, const char* code, const std::string& message) {
  return position + ": error[" + code + "]: " + message;
}

std::string manifest_path_in_data_dir(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "fonts" / "manifest.xml").string();
}

Result<FontManifest> load_font_manifest(const std::string& manifest_path) {
  using R = Result<FontManifest>;
  std::ifstream in(manifest_path, std::ios::binary);
  std::ostringstream read;
  read << in.rdbuf();
  const std::string text = read.str();
  if (!in)
    return R::failure(font_setup_error(manifest_path + ":0:0", "UCAP087", "cannot read the font manifest"));
  const model::LineIndex lines(text);
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed)
    return R::failure(font_setup_error(position_of(manifest_path, lines, parsed.offset), "UCAP087",
                                       std::string("the font manifest is not well-formed XML: ") +
                                           parsed.description()));
  // pugixml's offset is that of the element's name; findings point at its '<'.
  auto at = [&](const pugi::xml_node& node) { return position_of(manifest_path, lines, node.offset_debug() - 1); };
  auto fail = [&](const pugi::xml_node& node, const std::string& message) {
    return R::failure(font_setup_error(at(node), "UCAP087", fmt::format("<{}> {}", node.name(), message)));
  };
  auto root = doc.child("font-manifest");
  if (!root) return fail(doc.first_child(), "is not <font-manifest>: this is not a font manifest");
  std::filesystem::path base = std::filesystem::path(manifest_path).parent_path();

  FontManifest manifest;
  for (auto face : root.children("face")) {
    ManifestFace f{face.attribute("id").as_string(), {}, at(face)};
    if (f.id.empty()) return fail(face, "has no id");
    for (auto file : face.children("file")) {
      std::filesystem::path p = file.text().as_string();
      f.files.push_back((p.is_absolute() ? p : base / p).lexically_normal().string());
    }
    if (f.files.empty()) return fail(face, "'" + f.id + "' names no <file>");
    manifest.faces.push_back(std::move(f));
  }
  for (auto choice : root.children("choice")) {
    auto script = parse_script(choice.attribute("script").as_string());
    auto family = parse_family(choice.attribute("family").as_string());
    if (!script || !family) return fail(choice, "needs script latin|japanese and family serif|sans");
    ManifestChoice c{{*script, *family, choice.attribute("bold").as_bool(), choice.attribute("italic").as_bool()},
                     choice.attribute("face").as_string()};
    bool known = false;
    for (const auto& f : manifest.faces) known = known || f.id == c.face_id;
    if (!known) return fail(choice, "names face '" + c.face_id + "', which no <face> has");
    manifest.choices.push_back(std::move(c));
  }
  for (auto fallback : root.children("fallback")) {
    auto script = parse_script(fallback.attribute("script").as_string());
    if (!script) return fail(fallback, "needs script latin|japanese");
    ManifestFallback fb{*script, {}};
    for (auto next : fallback.children("script")) {
      auto s = parse_script(next.text().as_string());
      if (!s) return fail(next, "must be latin or japanese");
      fb.then.push_back(*s);
    }
    manifest.fallbacks.push_back(std::move(fb));
  }
  for (Script s : {Script::latin, Script::japanese}) {
    bool has_regular = false;
    for (const auto& c : manifest.choices)
      has_regular = has_regular || (c.choice.script == s && !c.choice.bold && !c.choice.italic);
    if (!has_regular)
      return fail(root, std::string("has no regular (not bold, not italic) <choice> for script ") +
                            (s == Script::latin ? "latin" : "japanese"));
  }
  return R::success(std::move(manifest));
}

}  // namespace ucap::font
