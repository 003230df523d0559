#!/usr/bin/env bash
# The schemas (tests/schema) and `ucap validate` agree: every valid plan or
# roster fixture passes both, every structurally invalid one fails both.
# (Report fixtures wait for progress-report support in `ucap validate`.)
set -uo pipefail
ucap=$1; src=$2
fixtures=$src/tests/schema/fixtures
roster=$src/tests/fixtures/plans/minimal-roster.xml
passed=0; failed=0
for f in "$fixtures"/valid-plan-*.xml "$fixtures"/valid-roster-*.xml; do
  if "$ucap" validate "$f" --roster "$roster" 2>/dev/null; then passed=$((passed+1))
  else echo "FAIL: ucap rejects $(basename "$f")"; failed=$((failed+1)); fi
done
for f in "$fixtures"/invalid-plan-*.xml "$fixtures"/invalid-roster-*.xml; do
  "$ucap" validate "$f" --roster "$roster" >/dev/null 2>&1
  if [ $? -eq 1 ]; then passed=$((passed+1))
  else echo "FAIL: ucap accepts $(basename "$f")"; failed=$((failed+1)); fi
done
echo "$passed passed, $failed failed"
test "$failed" -eq 0
