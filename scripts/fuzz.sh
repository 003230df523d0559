#!/usr/bin/env bash
# Fuzzes with libFuzzer for a bounded time. Builds the targets of fuzz/ with
# clang 14 in build-asan/ (scripts/sanitized-build.sh: coverage, ASan and UBSan), seeds
# each from the samples and test fixtures, and runs each for SECONDS.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target, default 60
#   TARGET   default: every target in fuzz/ (fuzz_parse_validate, fuzz_render, fuzz_image_header)
#
# The corpus each run grows is kept in build-asan/fuzz-data/corpus/TARGET/ for the
# next run. A crash, leak, sanitizer report, an input taking over 10 s or
# over 2 GB stops that target: the input is saved in build-asan/fuzz-data/findings/
# and the script exits 1. Each finding becomes a regression test under
# tests/ (a fixture and the diagnostic it must get).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
targets=("${@:2}")
((${#targets[@]})) || targets=(fuzz_parse_validate fuzz_render fuzz_image_header)

bash scripts/sanitized-build.sh "${targets[@]}"

# Seeds, rebuilt each run: every XML the project has (the hostile corpus's
# small inputs among them) and every image, including the hostile ones that
# tests/hostile/generate.py writes.
seeds=$root/build-asan/fuzz-data/seeds
rm -rf "$seeds" && mkdir -p "$seeds/xml" "$seeds/image" "$seeds/generated"
python3 tests/hostile/generate.py "$root" "$seeds/generated" >/dev/null
cp samples/roster.xml samples/plans/*.xml tests/fixtures/plans/*.xml tests/schema/fixtures/*.xml \
  tests/hostile/*.xml "$seeds/xml/"
find "$seeds/generated" -maxdepth 1 -name '*.xml' -size -64k -exec cp {} "$seeds/xml/" \;
find tests/schema/fixtures/figures "$seeds/generated/figures" -type f -size -64k -exec cp {} "$seeds/image/" \;

# Image paths in fuzzed plans resolve against the working directory: give
# them the generated figures/ (a FIFO among them) to find.
run_dir=$seeds/generated
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer

status=0
for target in "${targets[@]}"; do
  case $target in
    fuzz_image_header) seed=$seeds/image ;;
    *) seed=$seeds/xml ;;
  esac
  corpus=$root/build-asan/fuzz-data/corpus/$target
  findings=$root/build-asan/fuzz-data/findings
  mkdir -p "$corpus" "$findings"
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="$root/fuzz/$target.dict")
  echo "fuzz: $target for ${seconds}s"
  if ! (cd "$run_dir" && "$root/build-asan/fuzz/$target" "${dict[@]}" -max_len=65536 -timeout=10 \
        -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$findings/$target-" "$corpus" "$seed" 2>"$root/build-asan/fuzz-data/$target.log"); then
    status=1
    grep -A40 -m1 -E "ERROR|runtime error|Timeout|out-of-memory" "$root/build-asan/fuzz-data/$target.log" || tail -40 "$root/build-asan/fuzz-data/$target.log"
    echo "fuzz: $target found a problem; the input is in $findings/" >&2
  fi
  grep -E "stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|cov:|^INFO: (seed corpus|-max_len)" \
    "$root/build-asan/fuzz-data/$target.log" | grep -vE "^#[0-9]+.*(NEW|REDUCE|pulse)" | tail -6 || true
done
exit $status
