#!/usr/bin/env bash
# An editor with RELAX NG support completes and validates with the schemas:
# Emacs nXML mode, in batch (tests/editor/completion.el), set up only as
# docs/editing.md says, on copies of the samples and schema fixtures: the
# locating rules (templates/schema/schemas.xml) pick the right .rnc, the
# samples are Valid and the invalid fixtures Invalid, and M-TAB offers the
# template's section refs, the elements each section allows, the risk levels.
# VS Code's route (the xml-model PI of every sample leads to its .rng) is
# checked by tests/schema/run_schema_tests.sh.
# Needs emacs (Debian package emacs-nox, in scripts/setup-deps.sh).
source "$(dirname "$0")/lib/check.sh"

if ! command -v emacs >/dev/null 2>&1; then
  echo "FAIL: emacs not found (Debian: apt-get install emacs-nox; scripts/setup-deps.sh installs it)"
  exit 1
fi

mkdir -p "$work/tests/schema"
cp -r "$src/samples" "$work/samples"
cp -r "$src/tests/schema/fixtures" "$work/tests/schema/fixtures"

# Prints a PASS/FAIL line per check, with what Emacs offered.
emacs_checks() {
  local rc=0
  UCAP_SRC=$src UCAP_WORK=$work HOME=$work \
    emacs --batch -Q -l "$src/tests/editor/completion.el" >"$work/emacs.out" 2>"$work/emacs.err" || rc=$?
  cat "$work/emacs.out"
  if ((rc != 0)); then
    echo "emacs exited with $rc; its messages, last lines:"
    grep -v -e '^Using schema' -e '^Parsing\.\.\.' -e '^$' "$work/emacs.err" | tail -n 20 | sed 's/^/    /'
  fi
  ((rc == 0)) && grep -q '^[1-9][0-9]* passed, 0 failed$' "$work/emacs.out"
}
check "emacs nXML completion and validation" emacs_checks

finish
