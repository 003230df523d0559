#!/usr/bin/env bash
# Hostile inputs (tests/hostile/): for each NAME.expected, `ucap validate
# NAME.xml` prints exactly those lines and exits as its last line says,
# within 10 seconds and a memory limit. The inputs are the committed
# tests/hostile/*.xml and those tests/hostile/generate.py writes at run time
# (too big, too binary or too repetitive to commit).
#
# Memory: peak RSS at most UCAP_TEST_RSS_LIMIT_MB (default 1024), measured by
# /usr/bin/time; in a normal build also a hard `ulimit -v` of the same size
# (ASan reserves terabytes of address space, so not under sanitizers).
set -uo pipefail
ucap=$1; src=$2
hostile=$src/tests/hostile
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
passed=0; failed=0
fail() { echo "FAIL: $1"; failed=$((failed+1)); }

cp "$hostile"/*.xml "$work"/
python3 "$hostile/generate.py" "$src" "$work" || { echo "FAIL: generate.py"; exit 1; }

rss_limit_mb=${UCAP_TEST_RSS_LIMIT_MB:-1024}
sanitized=false
grep -q __asan_init "$ucap" && sanitized=true
measure=()
[ -x /usr/bin/time ] && measure=(/usr/bin/time -f %M -o "$work/rss")

# Runs `ucap validate ARGS` in $work under the limits; leaves stderr in
# $work/out with "exit N" appended, and checks time and memory.
run() {
  local name=$1; shift
  : > "$work/rss"
  (
    cd "$work" || exit 1
    $sanitized || ulimit -v $((rss_limit_mb * 1024))
    "${measure[@]}" timeout 10 "$ucap" validate "$@" 2>"$work/out" >/dev/null
    echo "exit $?" >> "$work/out"
  )
  if grep -qx "exit 124" "$work/out"; then fail "$name: took more than 10 s"; return 1; fi
  local rss_kb; rss_kb=$(tail -1 "$work/rss")
  if [ -n "$rss_kb" ] && [ "$rss_kb" -gt $((rss_limit_mb * 1024)) ]; then
    fail "$name: peak RSS ${rss_kb} kB over ${rss_limit_mb} MB"; return 1
  fi
  return 0
}

# 1. Every input with a NAME.expected: exactly those findings.
for expected in "$hostile"/*.expected; do
  name=$(basename "$expected" .expected)
  if [ ! -e "$work/$name.xml" ]; then fail "$name: no input $name.xml"; continue; fi
  run "$name" "$name.xml" || continue
  if diff -u "$expected" "$work/out" > "$work/diff"; then passed=$((passed+1))
  else fail "$name: findings differ"; cat "$work/diff"; fi
done

# 2. Inputs whose findings are too many to list: the count and the first.
run many-attributes many-attributes.xml &&
  if [ "$(grep -c 'warning\[UCAP009\]' "$work/out")" -eq 20000 ] &&
     grep -qx "many-attributes.xml:14:11: warning\[UCAP009\]: <issued> has an unknown attribute 'a0'; it is ignored" "$work/out" &&
     grep -qx "exit 0" "$work/out"; then passed=$((passed+1))
  else fail "many-attributes: expected 20000 UCAP009 warnings, the first at 14:11"; head -3 "$work/out"; fi

# 3. Endless input that is not a regular file: read up to the limit, no further.
run dev-zero /dev/zero &&
  if grep -qx "/dev/zero: error\[UCAP008\]: the input goes on past the limit; the limit is 16777216 bytes" "$work/out"
  then passed=$((passed+1)); else fail "dev-zero: expected UCAP008"; cat "$work/out"; fi

echo "$passed passed, $failed failed"
test "$failed" -eq 0
