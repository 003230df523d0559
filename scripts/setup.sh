#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, and run the main job
# on the samples: validate every plan against the roster and the progress
# reports (which find their roster and plans themselves), then render every
# plan and report in one batch (out/plans, out/reports, out/manifest.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/ucap validate samples/plans/*.xml samples/roster.xml --roster samples/roster.xml
./build/ucap validate samples/reports/*.xml
./build/ucap batch samples --out-dir out
