#!/usr/bin/env bash
# Quick start, step 2: the whole test suite (unit, end-to-end, schema).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x build/ucap ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
