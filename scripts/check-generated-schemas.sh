#!/usr/bin/env bash
# The generated schemas are up to date with the .rng they come from:
# scripts/make-rnc.sh and scripts/make-xsd.sh regenerate into a scratch copy
# of templates/schema, and the result must equal the committed
# templates/schema/rnc/ and templates/schema/xsd/ (on a difference: run the
# two scripts and commit what they write).
# A maintainer's check, run after editing a .rng: `bash scripts/check-generated-schemas.sh`.
# Needs trang (Debian package trang), which pulls in a Java runtime, so it is
# not part of the test suite; the suite guards the .rnc files through
# tests/e2e/test_editor_completion.sh, which validates every sample and
# schema fixture with them in Emacs.
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tests/e2e/lib/check.sh" "" "$root"

if ! command -v trang >/dev/null 2>&1; then
  echo "trang is not installed (Debian: apt-get install trang)" >&2
  exit 2
fi

copy=$work/tree
mkdir -p "$copy/templates/schema"
cp "$src"/templates/schema/*.rng "$copy/templates/schema/"
cp "$src"/templates/ucap.xml "$copy/templates/"

quiet() { "$@" >"$work/log" 2>&1 || { cat "$work/log"; return 1; }; }
check "make-rnc.sh runs" quiet bash "$src/scripts/make-rnc.sh" "$copy"
check "action-plan.rng's sections are the template's" cmp "$src/templates/schema/action-plan.rng" "$copy/templates/schema/action-plan.rng"
check "templates/schema/rnc is up to date" diff -r "$src/templates/schema/rnc" "$copy/templates/schema/rnc"
check "make-xsd.sh runs" quiet bash "$src/scripts/make-xsd.sh" "$copy"
check "templates/schema/xsd is up to date" diff -r "$src/templates/schema/xsd" "$copy/templates/schema/xsd"

finish
