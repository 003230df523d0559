#!/usr/bin/env bash
# The generated schemas are up to date with the .rng they come from:
# scripts/make-rnc.sh and scripts/make-xsd.sh regenerate into a scratch copy
# of templates/schema, and the result must equal the committed
# templates/schema/rnc/ and templates/schema/xsd/ (on a difference: run the
# two scripts and commit what they write).
# Needs trang (Debian package trang), which pulls in a Java runtime and is
# not in scripts/setup-deps.sh: without it this test reports itself skipped
# (exit 77, SKIP_RETURN_CODE in tests/CMakeLists.txt). The .rnc are checked
# regardless by tests/e2e/test_editor_completion.sh, which validates every
# sample and schema fixture with them in Emacs.
source "$(dirname "$0")/lib/check.sh"

if ! command -v trang >/dev/null 2>&1; then
  echo "SKIP: trang not installed (Debian: apt-get install trang)"
  exit 77
fi

copy=$work/tree
mkdir -p "$copy/templates/schema"
cp "$src"/templates/schema/*.rng "$copy/templates/schema/"

quiet() { "$@" >"$work/log" 2>&1 || { cat "$work/log"; return 1; }; }
check "make-rnc.sh runs" quiet bash "$src/scripts/make-rnc.sh" "$copy"
check "templates/schema/rnc is up to date" diff -r "$src/templates/schema/rnc" "$copy/templates/schema/rnc"
check "make-xsd.sh runs" quiet bash "$src/scripts/make-xsd.sh" "$copy"
check "templates/schema/xsd is up to date" diff -r "$src/templates/schema/xsd" "$copy/templates/schema/xsd"

finish
