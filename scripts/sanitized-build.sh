#!/usr/bin/env bash
# The one sanitized build, in build-asan/: clang 14 with AddressSanitizer,
# UndefinedBehaviorSanitizer and libFuzzer's coverage (UCAP_FUZZ=ON), at
# -O1 -g1 (optimised enough to run the suite quickly, line numbers in the
# sanitizers' stack traces, asserts on). scripts/test-sanitizers.sh runs the
# test suite from it and scripts/fuzz.sh the fuzz targets, so the project is
# compiled twice in CI (Release and this), not three times.
#
# Usage: scripts/sanitized-build.sh [TARGET...]   (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-fuzz-deps.sh
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$PWD
fi
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_CXX_COMPILER=clang++-14 -DUCAP_FUZZ=ON -DUCAP_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
if (($#)); then
  cmake --build build-asan -j"$(nproc)" --target "$@"
else
  cmake --build build-asan -j"$(nproc)"
fi
