#!/usr/bin/env bash
# A progress report's roster and plans are read once per document: `ucap
# render` of a bilingual report (--lang all: two PDFs, after validating it)
# opens its roster.xml once and each plan file once, as strace counts the
# openat calls. The two PDFs are written and show the plans' rows.
source "$(dirname "$0")/lib/check.sh"
fixture=$src/tests/fixtures/reports/status
command -v strace >/dev/null || { echo "strace is missing (scripts/setup-deps.sh)"; exit 1; }

# LeakSanitizer cannot run under ptrace: a sanitized build's leak check is
# left to the other tests (the rest of ASan still runs here).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# How many times the traced command opened `file` (successfully or not).
opens() { grep -c "openat(.*\"[^\"]*/$1\"" "$work/trace"; }

cp -r "$fixture" "$work/report"
strace -f -qq -e trace=openat -o "$work/trace" \
  "$ucap" render "$work/report/report.xml" --lang all --out-dir "$work/out" 2>"$work/err"
check "render --lang all exits 0" test $? -eq 0
check "two PDFs" test -s "$work/out/report.en.pdf" -a -s "$work/out/report.ja.pdf"
check "the trace saw the report" test "$(opens report.xml)" -ge 1
check "roster.xml opened once" test "$(opens roster.xml)" -eq 1
for plan in bratislava-tokorozawa essen-koriyama umea-kamakura; do
  check "$plan.xml opened once" test "$(opens "$plan.xml")" -eq 1
done
for lang in en ja; do
  check "$lang PDF shows a valid plan's pairing" bash -c \
    "pdftotext '$work/out/report.$lang.pdf' - | grep -q 'Tokorozawa\|所沢'"
done

# Validating alone reads the same, once.
strace -f -qq -e trace=openat -o "$work/trace" "$ucap" validate "$work/report/report.xml" 2>"$work/err"
check "validate: roster.xml opened once" test "$(opens roster.xml)" -eq 1

finish
