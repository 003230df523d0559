#!/usr/bin/env bash
# Installs the Debian packages ucap builds, tests and renders with.
# Only what is missing is installed; through sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libhpdf-dev libpugixml-dev libfmt-dev libicu-dev doctest-dev
  libharfbuzz-dev libhyphen-dev hyphen-en-gb hyphen-en-us libcli11-dev nlohmann-json3-dev zlib1g-dev libdeflate-dev libpng-dev
  fonts-ipaexfont-gothic fonts-ipaexfont-mincho fonts-liberation2
  poppler-utils qpdf mupdf-tools libxml2-utils python3 time
  emacs-nox  # tests/e2e/test_editor_completion.sh: nXML completion in batch
)

bash "$(dirname "$0")/install-missing.sh" setup-deps "${packages[@]}"
