# Shared by the end-to-end scripts: `bash test_X.sh <ucap> <source dir>`.
# Sets ucap, src and a scratch folder `work`; check NAME CMD... counts a
# pass when CMD succeeds; finish prints "N passed, M failed" and fails if any.
set -uo pipefail
ucap=$1; src=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
passed=0; failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed+1)); else echo "FAIL: $name"; failed=$((failed+1)); fi
}
finish() {
  echo "$passed passed, $failed failed"
  test "$failed" -eq 0
}
