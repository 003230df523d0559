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
  icc-profiles-free  # sRGB.icc, compiled in as PDF/A's OutputIntent profile (cmake/srgb_profile.cmake)
  python3-pikepdf python3-fonttools  # tests/e2e/test_pdf_standard.sh, test_structure.sh and shared/tools/uacheck.py read the PDFs back
  strace  # tests/e2e/test_report_reads_once.sh counts the files a report opens
)
# tests/e2e/test_structure.sh reads the structure as Firefox's viewer does,
# with pdf.js under Node; Debian's nodejs and npm only when there is no node.
command -v node >/dev/null || packages+=(nodejs npm)

bash "$(dirname "$0")/install-missing.sh" setup-deps "${packages[@]}"
# pdfjs-dist, at the version package-lock.json pins (once: npm ci starts afresh).
pdfjs=$(dirname "$0")/../tests/pdfjs
if [[ ! -f $pdfjs/node_modules/pdfjs-dist/package.json ]]; then
  (cd "$pdfjs" && npm ci --no-audit --no-fund --loglevel=error)
fi
