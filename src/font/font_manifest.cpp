#include "font/font_manifest.h"

#include <filesystem>
#include <optional>
#include <string_view>

#include <pugixml.hpp>

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

}  // namespace

std::string manifest_path_in_data_dir(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "fonts" / "manifest.xml").string();
}

Result<FontManifest> load_font_manifest(const std::string& manifest_path) {
  using R = Result<FontManifest>;
  pugi::xml_document doc;
  auto parsed = doc.load_file(manifest_path.c_str());
  if (!parsed)
    return R::failure("cannot read font manifest " + manifest_path + ": " + parsed.description());
  auto root = doc.child("font-manifest");
  if (!root) return R::failure("font manifest " + manifest_path + " has no <font-manifest> root");
  auto where = [&](const pugi::xml_node& node) {
    return "font manifest " + manifest_path + ", <" + node.name() + "> at byte " + std::to_string(node.offset_debug());
  };
  std::filesystem::path base = std::filesystem::path(manifest_path).parent_path();

  FontManifest manifest;
  for (auto face : root.children("face")) {
    ManifestFace f{face.attribute("id").as_string(), {}};
    if (f.id.empty()) return R::failure(where(face) + ": missing id");
    for (auto file : face.children("file")) {
      std::filesystem::path p = file.text().as_string();
      f.files.push_back((p.is_absolute() ? p : base / p).lexically_normal().string());
    }
    if (f.files.empty()) return R::failure(where(face) + ": face " + f.id + " names no <file>");
    manifest.faces.push_back(std::move(f));
  }
  for (auto choice : root.children("choice")) {
    auto script = parse_script(choice.attribute("script").as_string());
    auto family = parse_family(choice.attribute("family").as_string());
    if (!script || !family) return R::failure(where(choice) + ": script must be latin|japanese, family serif|sans");
    ManifestChoice c{{*script, *family, choice.attribute("bold").as_bool(), choice.attribute("italic").as_bool()},
                     choice.attribute("face").as_string()};
    bool known = false;
    for (const auto& f : manifest.faces) known = known || f.id == c.face_id;
    if (!known) return R::failure(where(choice) + ": unknown face \"" + c.face_id + "\"");
    manifest.choices.push_back(std::move(c));
  }
  for (auto fallback : root.children("fallback")) {
    auto script = parse_script(fallback.attribute("script").as_string());
    if (!script) return R::failure(where(fallback) + ": script must be latin|japanese");
    ManifestFallback fb{*script, {}};
    for (auto next : fallback.children("script")) {
      auto s = parse_script(next.text().as_string());
      if (!s) return R::failure(where(next) + ": script must be latin|japanese");
      fb.then.push_back(*s);
    }
    manifest.fallbacks.push_back(std::move(fb));
  }
  for (Script s : {Script::latin, Script::japanese}) {
    bool has_regular = false;
    for (const auto& c : manifest.choices)
      has_regular = has_regular || (c.choice.script == s && !c.choice.bold && !c.choice.italic);
    if (!has_regular)
      return R::failure("font manifest " + manifest_path + " has no regular <choice> for script " +
                        (s == Script::latin ? "latin" : "japanese"));
  }
  return R::success(std::move(manifest));
}

}  // namespace ucap::font
