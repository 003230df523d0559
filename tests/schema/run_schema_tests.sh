#!/usr/bin/env bash
# Keeps the RELAX NG schemas (templates/schema/*.rng) and the XML that people
# write in agreement:
#   - every schema is well-formed XML, and each top-level schema compiles;
#   - the samples validate: samples/roster.xml against roster.rng,
#     samples/plans/*.xml against action-plan.rng, samples/reports/**/*.xml
#     (if any) against progress-report.rng; each sample's
#     <?xml-model href="…"?> points at that schema;
#   - action-plan.rng's sections are what scripts/make-schema-sections.py
#     makes of templates/ucap.xml (the template's, in its order);
#   - tests/schema/fixtures/valid-KIND-*.xml validate and
#     tests/schema/fixtures/invalid-KIND-*.xml are rejected by validation
#     (not by a parse error), KIND being plan, roster or report.
# Validation is by xmllint (libxml2). If jing is installed (Debian package
# jing; the validator behind most editors' RELAX NG support), every
# validation also runs through jing and a check passes only if both agree.
# Prints one PASS/FAIL line per check, then "N passed, M failed"; exits
# non-zero if anything failed.
#
# Usage: tests/schema/run_schema_tests.sh SOURCE_DIR
set -euo pipefail

src=${1:?usage: run_schema_tests.sh SOURCE_DIR}
src=${src%/}
schema_dir=$src/templates/schema
fixture_dir=$src/tests/schema/fixtures

passed=0
failed=0

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() {
  echo "FAIL $1"
  if [[ -n ${2:-} ]]; then
    printf '%s\n' "$2" | head -n 12 | sed 's/^/    /'
  fi
  failed=$((failed + 1))
}
finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
}

if ! command -v xmllint >/dev/null 2>&1; then
  fail "xmllint available" "xmllint not found (Debian package libxml2-utils)"
  finish
  exit 1
fi

# xmllint exit codes: 0 valid, 1 not well-formed, 3 invalid, 5 schema did not
# compile. Sets out (messages) and rc.
run_xmllint() {
  rc=0
  out=$(xmllint --nonet --noout "$@" 2>&1) || rc=$?
}

have_jing=false
if command -v jing >/dev/null 2>&1; then have_jing=true; fi

# validate SCHEMA FILE: sets verdict to valid | invalid | error (not
# well-formed, schema did not compile, validators disagree) and out.
validate() {
  run_xmllint --relaxng "$1" "$2"
  case $rc in
    0) verdict=valid ;;
    3) verdict=invalid ;;
    *) verdict=error; out="xmllint exit $rc: $out"; return ;;
  esac
  if $have_jing; then
    local jrc=0 jout
    jout=$(jing "$1" "$2" 2>&1) || jrc=$?
    if [[ $verdict == valid && $jrc -ne 0 ]]; then
      verdict=error; out="xmllint accepts, jing rejects: $jout"
    elif [[ $verdict == invalid && $jrc -eq 0 ]]; then
      verdict=error; out="jing accepts, xmllint rejects: $out"
    elif [[ $verdict == invalid ]]; then
      out="$out"$'\n'"jing: $jout"
    fi
  fi
}

schema_for_kind() {
  case $1 in
    plan) echo action-plan.rng ;;
    roster) echo roster.rng ;;
    report) echo progress-report.rng ;;
    *) return 1 ;;
  esac
}

# --- the schemas themselves -------------------------------------------------

for f in common.rng action-plan.rng roster.rng progress-report.rng; do
  if [[ ! -f $schema_dir/$f ]]; then
    fail "schema well-formed $f" "missing: $schema_dir/$f"
    continue
  fi
  run_xmllint "$schema_dir/$f"
  if ((rc == 0)); then pass "schema well-formed $f"; else fail "schema well-formed $f" "$out"; fi
done

for f in action-plan.rng roster.rng progress-report.rng; do
  [[ -f $schema_dir/$f ]] || continue
  # Validate a dummy document: rc 3 (invalid) means the schema compiled.
  rc=0
  out=$(echo '<not-a-ucap-document/>' | xmllint --nonet --noout --relaxng "$schema_dir/$f" - 2>&1) || rc=$?
  if ((rc == 3)); then pass "schema compiles $f"; else fail "schema compiles $f" "$out"; fi
done

# action-plan.rng's sections are the template's (scripts/make-schema-sections.py).
if out=$(python3 "$src/scripts/make-schema-sections.py" --check "$src" 2>&1); then
  pass "action-plan.rng sections generated from templates/ucap.xml"
else
  fail "action-plan.rng sections generated from templates/ucap.xml" "$out"
fi

# --- samples ------------------------------------------------------------------

# check_sample FILE SCHEMA: validates FILE and checks its xml-model PI.
check_sample() {
  local file=$1 schema=$2 name=${1#"$src"/}
  validate "$schema_dir/$schema" "$file"
  if [[ $verdict == valid ]]; then pass "sample $name ($schema)"; else fail "sample $name ($schema)" "$out"; fi

  # The <?xml-model href="…"?> that editors follow must reach the same schema.
  local href target
  href=$(sed -n 's/.*<?xml-model[^>]*href="\([^"]*\)".*/\1/p' "$file" | head -n 1)
  if [[ -z $href ]]; then
    fail "xml-model $name" "no <?xml-model href=\"…/$schema\" …?> processing instruction"
    return
  fi
  target=$(dirname "$file")/$href
  if [[ -f $target && $(cd "$(dirname "$target")" && pwd -P)/$(basename "$target") \
        == $(cd "$schema_dir" && pwd -P)/$schema ]]; then
    pass "xml-model $name"
  else
    fail "xml-model $name" "href=\"$href\" does not lead to templates/schema/$schema"
  fi
}

if [[ -f $src/samples/roster.xml ]]; then
  check_sample "$src/samples/roster.xml" roster.rng
else
  fail "sample samples/roster.xml (roster.rng)" "missing"
fi

plans=()
if [[ -d $src/samples/plans ]]; then
  while IFS= read -r -d '' f; do plans+=("$f"); done \
    < <(find "$src/samples/plans" -maxdepth 1 -type f -name '*.xml' -print0 | sort -z)
fi
if ((${#plans[@]} == 0)); then
  fail "samples samples/plans/*.xml (action-plan.rng)" "no sample plans found"
else
  for f in "${plans[@]}"; do check_sample "$f" action-plan.rng; done
fi

if [[ -d $src/samples/reports ]]; then
  while IFS= read -r -d '' f; do
    check_sample "$f" progress-report.rng
  done < <(find "$src/samples/reports" -type f -name '*.xml' -print0 | sort -z)
fi

# --- fixtures -------------------------------------------------------------------

nfixtures=0
for f in "$fixture_dir"/valid-*.xml "$fixture_dir"/invalid-*.xml; do
  [[ -f $f ]] || continue
  nfixtures=$((nfixtures + 1))
  base=$(basename "$f")
  expect=${base%%-*}                      # valid | invalid
  kind=${base#*-}; kind=${kind%%-*}       # plan | roster | report
  if ! schema=$(schema_for_kind "$kind"); then
    fail "fixture $base" "name must be valid-KIND-….xml or invalid-KIND-….xml, KIND in plan|roster|report"
    continue
  fi
  validate "$schema_dir/$schema" "$f"
  if [[ $expect == valid ]]; then
    if [[ $verdict == valid ]]; then pass "fixture $base accepted"; else fail "fixture $base accepted" "$out"; fi
  else
    # Rejected by the schema itself, not because the file is not XML.
    case $verdict in
      invalid) pass "fixture $base rejected" ;;
      valid) fail "fixture $base rejected" "validated, but it must be rejected" ;;
      *) fail "fixture $base rejected" "expected a validity error; $out" ;;
    esac
  fi
done
if ((nfixtures == 0)); then
  fail "fixtures" "none in $fixture_dir"
fi

finish
