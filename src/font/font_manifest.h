// fonts/manifest.xml: which font file serves each FontChoice and which
// scripts are tried next for a missing character. Parsing only; the
// registry opens the files.
#pragma once

#include <string>
#include <vector>

#include "font/font_choice.h"
#include "font/font_result.h"

namespace ucap::font {

struct ManifestFace {
  std::string id;
  std::vector<std::string> files;  // candidates, absolute; first existing wins
};

struct ManifestChoice {
  FontChoice choice;
  std::string face_id;
};

struct ManifestFallback {
  Script script = Script::latin;
  std::vector<Script> then;  // scripts tried next, in order
};

struct FontManifest {
  std::vector<ManifestFace> faces;
  std::vector<ManifestChoice> choices;
  std::vector<ManifestFallback> fallbacks;
};

// "<data_dir>/fonts/manifest.xml".
std::string manifest_path_in_data_dir(const std::string& data_dir);

Result<FontManifest> load_font_manifest(const std::string& manifest_path);

}  // namespace ucap::font
