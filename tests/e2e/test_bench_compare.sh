#!/usr/bin/env bash
# bench/compare, the benchmark's regression guard, on fixed figure files
# (nothing is timed here): which figures it flags and its exit status.
# usage: test_bench_compare.sh UCAP SOURCE_DIR (UCAP unused)
set -uo pipefail
source_dir=${2:?source dir}
compare="$source_dir/bench/compare"
data="$source_dir/bench/testdata"
failures=0 passes=0
check() {  # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then echo "ok   $what"; passes=$((passes + 1)); else echo "FAIL $what"; failures=$((failures + 1)); fi
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$compare" "$data/before.jsonl" "$data/after-within.jsonl" >"$out/within.txt" 2>&1
check "figures at most 20 % worse pass (exit 0)" test $? -eq 0
check "a 19.8 % slower render is not flagged" grep -Eq '^plan\.en\.render .*\+19\.8%$' "$out/within.txt"
check "a speed-up 16.7 % lower is not flagged" grep -Eq '^batch\.speedup .*\+16\.7%$' "$out/within.txt"
check "pages are shown but never judged" grep -Eq '^plan\.en\.pages +3\.000 pages +9\.000 pages *$' "$out/within.txt"
check "no WORSE mark" bash -c "! grep -q WORSE '$out/within.txt'"
check "blank lines are ignored" grep -q 'no figure more than 20 % worse' "$out/within.txt"

"$compare" "$data/before.jsonl" "$data/after-worse.jsonl" >"$out/worse.txt" 2>&1
check "a figure more than 20 % worse fails (exit 1)" test $? -eq 1
check "a 22.5 % slower render is flagged" grep -Eq '^plan\.en\.render .*\+22\.5% +WORSE$' "$out/worse.txt"
check "a speed-up 22.2 % lower is flagged (higher is better)" grep -Eq '^batch\.speedup .*\+22\.2% +WORSE$' "$out/worse.txt"
check "a smaller PDF is an improvement" grep -Eq '^plan\.en\.bytes .*-20\.0%$' "$out/worse.txt"
check "the summary names exactly the worse figures" \
  grep -qx '2 figure(s) more than 20 % worse: batch.speedup, plan.en.render' "$out/worse.txt"
check "a figure only in the old file is listed" grep -Eq '^process\.en\.peak_rss +only in .*before\.jsonl$' "$out/worse.txt"
check "a figure only in the new file is listed" grep -Eq '^plan\.ja\.render +only in .*after-worse\.jsonl$' "$out/worse.txt"

"$compare" --threshold 25 "$data/before.jsonl" "$data/after-worse.jsonl" >"$out/loose.txt" 2>&1
check "--threshold 25 lets 22.5 % pass" test $? -eq 0

printf '{"name": "x", "value": "fast"}\n' >"$out/bad.jsonl"
"$compare" "$data/before.jsonl" "$out/bad.jsonl" >"$out/bad.txt" 2>&1
check "a malformed file is refused (exit 2)" test $? -eq 2
check "the refusal names file and line" grep -q 'bad.jsonl:1: not a figure line' "$out/bad.txt"

echo "$passes passed, $failures failed"
exit $((failures > 0))
