#!/usr/bin/env bash
# Installs the Debian packages ucap builds, tests and renders with.
# Only what is missing is installed; through sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libhpdf-dev libpugixml-dev libfmt-dev libicu-dev doctest-dev
  libharfbuzz-dev libcli11-dev nlohmann-json3-dev zlib1g-dev
  fonts-ipaexfont-gothic fonts-ipaexfont-mincho fonts-liberation2
  poppler-utils qpdf mupdf-tools libxml2-utils python3 time
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
