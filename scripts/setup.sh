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
# Until progress-report rendering lands (issue 5, on its own branch) the
# engine answers UCAP061 for a report: that failure alone is let through,
# any other fails the setup. Drop the `||` part once reports render.
./build/ucap batch samples --out-dir out || python3 - out/manifest.json <<'PY'
import json, sys
failed = [i for i in json.load(open(sys.argv[1]))["inputs"] if i["status"] not in ("rendered", "checked")]
if any(i["kind"] != "progress-report" or [d["code"] for d in i["diagnostics"]] != ["UCAP061"] for i in failed):
    sys.exit("setup: the batch failed on more than the not-yet-rendered progress reports (see out/manifest.json)")
PY
