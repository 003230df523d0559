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
  std::string position;            // "manifest.xml:LINE:COL" of the <face>, for diagnostics
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

// A broken manifest fails with one diagnostic line,
// "PATH:LINE:COL: error[UCAP087]: …", the format of every other finding.
Result<FontManifest> load_font_manifest(const std::string& manifest_path);

// "PATH:LINE:COL: error[CODE]: MESSAGE" for a problem with the font setup,
// which has no Diagnostic list to go to: it ends Engine::load.
std::string font_setup_error(const std::string& position, const char* code, const std::string& message);

}  // namespace ucap::font
