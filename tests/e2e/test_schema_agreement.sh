#!/usr/bin/env bash
# The schemas (tests/schema) and `ucap validate` agree: every valid plan,
# roster or report fixture and every sample passes both (the schema side is
# tests/schema/run_schema_tests.sh), every structurally invalid fixture
# fails both. A report names its own roster; --roster is for plans.
set -uo pipefail
ucap=$1; src=$2
fixtures=$src/tests/schema/fixtures
roster=$src/tests/fixtures/plans/minimal-roster.xml
passed=0; failed=0
for f in "$fixtures"/valid-*.xml "$src"/samples/reports/*.xml; do
  if "$ucap" validate "$f" --roster "$roster" 2>/dev/null; then passed=$((passed+1))
  else echo "FAIL: ucap rejects $(basename "$f")"; failed=$((failed+1)); fi
done
for f in "$fixtures"/invalid-*.xml; do
  "$ucap" validate "$f" --roster "$roster" >/dev/null 2>&1
  if [ $? -eq 1 ]; then passed=$((passed+1))
  else echo "FAIL: ucap accepts $(basename "$f")"; failed=$((failed+1)); fi
done
echo "$passed passed, $failed failed"
test "$failed" -eq 0
