#!/usr/bin/env bash
# `ucap watch` beside an editor: the plan saved three ways (rewritten in
# place, written and renamed over, deleted and re-created) gives exactly one
# new, whole PDF each time; an invalid save (and one that is not even XML)
# prints its findings and keeps the last good PDF byte for byte; a figure's change renders again; a file that
# goes away is reported and waited for; Ctrl-C ends with 130 and SIGTERM with
# 143, no temporary left; a report renders again when its roster or a plan
# of its plans folder changes, comes or goes; the template's and the font
# manifest's changes are seen too, and --roster's. Every wait is for a status line, with a generous
# timeout, so a loaded machine is slower but not flaky.
source "$(dirname "$0")/lib/check.sh"

w="$work/w"
mkdir -p "$w/figures" "$w/out"
sed 's/Port and City Together:/Port and City Together save0:/' "$src/samples/plans/marseille-kobe.xml" >"$w/plan.xml"
cp "$src/samples/plans/figures/kobe-harbour.jpg" "$w/figures/"
log="$work/log"

# Status lines are the ones with a clock: "[12:00:00] rendered …". Those
# that say a file is missing are counted apart: a machine so loaded that the
# test's own `rm` and `cp` are 300 ms apart may see one in step 2.
statuses() { grep '^\[[0-9:]*\] ' "$log" | grep -vc ' is missing: waiting for it$'; }
missing() { grep -c '^\[[0-9:]*\] .* is missing: waiting for it$' "$log"; }
renders() { grep -c '^\[[0-9:]*\] rendered ' "$log"; }
# Waits (up to 120 s) until `$1` counts at least $2.
wait_for() {
  local count=$1 n=$2 i
  for ((i = 0; i < 2400; i++)); do
    [ "$($count)" -ge "$n" ] && return 0
    kill -0 "$watcher" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}
wait_for_statuses() { wait_for statuses "$1"; }
# renders_are N: exactly N "rendered" status lines (else shows the log).
renders_are() {
  [ "$(renders)" -eq "$1" ] && return 0
  echo "expected $1 renders; the log:"; sed 's/^/    /' "$log"
  return 1
}
last_status() { grep '^\[[0-9:]*\] ' "$log" | tail -1; }
# The plan with its title marked `save$1`.
edited() { sed "s/Together save[0-9]*:/Together save$1:/" "$w/plan.xml"; }
title_in_pdf() { pdftotext "$w/out/plan.$2.pdf" - | tr '\n' ' ' | grep -q "Together save$1"; }
whole() { qpdf --check "$w/out/plan.en.pdf" >/dev/null 2>&1 && qpdf --check "$w/out/plan.ja.pdf" >/dev/null 2>&1; }

cd "$w" || exit 1
"$ucap" watch plan.xml --out-dir out 2>"$log" &
watcher=$!

# 1. The first round renders both languages.
check "first round" wait_for_statuses 1
check "first status" grep -Eq '^\[[0-9:]{8}\] rendered out/plan\.en\.pdf, out/plan\.ja\.pdf in [0-9]+ ms$' <(last_status)
check "first PDFs whole" whole
check "first title" title_in_pdf 0 en

# 2. Three ways of saving, each one render and whole PDFs with the new text.
edited 1 >plan.xml.new && cat plan.xml.new >plan.xml && rm plan.xml.new      # rewrite in place
check "in place: one round" wait_for_statuses 2
check "in place: rendered" renders_are 2
check "in place: new text" title_in_pdf 1 en
check "in place: whole" whole

edited 2 >.plan.xml.tmp && mv .plan.xml.tmp plan.xml                          # write and rename
check "rename: one round" wait_for_statuses 3
check "rename: rendered" renders_are 3
check "rename: new text" title_in_pdf 2 en
check "rename: whole" whole

edited 3 >"$work/next.xml" && rm plan.xml && cp "$work/next.xml" plan.xml     # delete and re-create
check "re-create: one round" wait_for_statuses 4
check "re-create: rendered" renders_are 4
check "re-create: new text" title_in_pdf 3 en
check "re-create: whole" whole

# 3. An invalid save: the findings with their positions, the status line,
# and the PDFs exactly as they were.
cp out/plan.en.pdf "$work/good.en.pdf"; cp out/plan.ja.pdf "$work/good.ja.pdf"
sed 's/<section ref="context">/<section ref="contexts">/' plan.xml >plan.xml.new && mv plan.xml.new plan.xml
check "invalid: one round" wait_for_statuses 5
check "invalid: status" grep -Eq '^\[[0-9:]{8}\] [0-9]+ errors?: kept the last good PDF$' <(last_status)
check "invalid: findings with positions" grep -Eq '^plan\.xml:42:[0-9]+: error\[UCAP[0-9]+\]' "$log"
check "invalid: en kept" cmp -s out/plan.en.pdf "$work/good.en.pdf"
check "invalid: ja kept" cmp -s out/plan.ja.pdf "$work/good.ja.pdf"
cp plan.xml "$work/invalid.xml"
printf '<action-plan>\n  <title>unclosed\n' >plan.xml                      # not even XML
check "malformed: one round" wait_for_statuses 6
check "malformed: status" grep -Eq '^\[[0-9:]{8}\] [0-9]+ errors?: kept the last good PDF$' <(last_status)
check "malformed: the parse error's position" grep -q '^plan\.xml:2:18: error\[UCAP005\]' "$log"
check "malformed: en kept" cmp -s out/plan.en.pdf "$work/good.en.pdf"
cp "$work/invalid.xml" plan.xml
check "invalid again: one round" wait_for_statuses 7

# 4. Fixed again, then the figure changes (a comment segment added to the
# JPEG): rendered again with the new image's bytes.
edited 4 | sed 's/<section ref="contexts">/<section ref="context">/' >plan.xml.new && mv plan.xml.new plan.xml
check "fixed: one round" wait_for_statuses 8
check "fixed: rendered" renders_are 5
cp out/plan.en.pdf "$work/before-figure.pdf"
python3 - figures/kobe-harbour.jpg <<'PY'
import sys
path = sys.argv[1]
data = open(path, "rb").read()
comment = b"changed by test_watch"
open(path + ".tmp", "wb").write(data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:])
import os; os.replace(path + ".tmp", path)
PY
check "figure: one round" wait_for_statuses 9
check "figure: rendered" renders_are 6
check "figure: PDF changed" bash -c "! cmp -s out/plan.en.pdf '$work/before-figure.pdf'"
check "figure: whole" whole

# 5. The plan goes away: reported and waited for; back, it renders.
gone_before=$(missing)
mv plan.xml "$work/away.xml"
check "gone: one round" wait_for missing $((gone_before + 1))
check "gone: status" grep -Eq '^\[[0-9:]{8}\] plan\.xml is missing: waiting for it$' <(last_status)
check "gone: still running" kill -0 "$watcher"
mv "$work/away.xml" plan.xml
check "back: one round" wait_for_statuses 10
check "back: rendered" renders_are 7

# 6. Ctrl-C: exit 130, exactly the rounds counted above, no temporary left.
kill -INT "$watcher"
wait "$watcher"
check "SIGINT exits 130" test $? -eq 130
check "ten rounds in all" test "$(statuses)" -eq 10
check "no temporary left" test "$(ls -A out | sort | paste -sd' ')" = "plan.en.pdf plan.ja.pdf"
check "nothing else in the plan's folder" test "$(ls -A . | sort | paste -sd' ')" = "figures out plan.xml"

# 7. SIGTERM: 143. A file missing at the start is waited for too.
rm plan.xml
: >"$log"
"$ucap" watch plan.xml -o single.pdf --lang en 2>"$log" &
watcher=$!
check "missing at start: reported" wait_for missing 1
check "missing at start: status" grep -Eq 'plan\.xml is missing: waiting for it$' <(last_status)
cp "$work/next.xml" plan.xml
check "appears: one round" wait_for_statuses 1
check "appears: -o written" grep -Eq '^\[[0-9:]{8}\] rendered single\.pdf in [0-9]+ ms$' <(last_status)
check "appears: whole" qpdf --check single.pdf >/dev/null
kill -TERM "$watcher"
wait "$watcher"
check "SIGTERM exits 143" test $? -eq 143

# 8. A report: its roster and every plan of its plans folder are watched,
# plans added and deleted too; a plan's folder that goes away is an error
# round, and back it renders.
r="$work/r"
mkdir -p "$r"
cp -r "$src/samples/plans" "$src/samples/reports" "$src/samples/roster.xml" "$r/"
cd "$r" || exit 1
: >"$log"
"$ucap" watch reports/meeting-6.en.xml 2>"$log" &
watcher=$!
check "report: first round" wait_for_statuses 1
check "report: rendered" grep -Eq '^\[[0-9:]{8}\] rendered reports/meeting-6\.en\.pdf in [0-9]+ ms$' <(last_status)
cp plans/umea-kamakura.xml plans/new-plan.xml
check "report: a new plan, one round" wait_for_statuses 2
rm plans/new-plan.xml
check "report: a plan deleted, one round" wait_for_statuses 3
echo "<!-- edited -->" >>roster.xml
check "report: the roster, one round" wait_for_statuses 4
check "report: four renders" renders_are 4
cp reports/meeting-6.en.pdf "$work/report.pdf"
mv plans plans.away
check "report: plans folder gone, one round" wait_for_statuses 5
check "report: its finding" grep -q "^reports/meeting-6.en.xml:9:16: error\[UCAP071\]" "$log"
check "report: kept" grep -Eq '^\[[0-9:]{8}\] 1 error: kept the last good PDF$' <(last_status)
check "report: PDF as it was" cmp -s reports/meeting-6.en.pdf "$work/report.pdf"
mv plans.away plans
check "report: folder back, one round" wait_for_statuses 6
check "report: rendered again" renders_are 5
kill -INT "$watcher"
wait "$watcher"
check "report: SIGINT exits 130" test $? -eq 130

# 9. The engine's data: a template's change is seen in the next PDF (the
# engine is loaded again), and so is a change of the font manifest.
d="$work/d"
mkdir -p "$d/data"
cp -r "$src/templates" "$src/fonts" "$d/data/"
cp "$src/tests/schema/fixtures/valid-plan-minimal.xml" "$d/plan.xml"
cd "$d" || exit 1
: >"$log"
UCAP_DATA_DIR="$d/data" "$ucap" watch plan.xml 2>"$log" &
watcher=$!
check "data: first round" wait_for_statuses 1
check "data: first heading" bash -c "pdftotext plan.en.pdf - | grep -q '^1. Objectives$'"
sed 's|<title xml:lang="en">Objectives</title>|<title xml:lang="en">Aims of the plan</title>|' data/templates/ucap.xml >data/templates/.ucap.xml.new &&
  mv data/templates/.ucap.xml.new data/templates/ucap.xml
check "data: the template, one round" wait_for_statuses 2
check "data: the template's new heading" bash -c "pdftotext plan.en.pdf - | grep -q '^1. Aims of the plan$'"
touch data/fonts/manifest.xml
check "data: the font manifest, one round" wait_for_statuses 3
check "data: three renders" renders_are 3
kill -TERM "$watcher"
wait "$watcher"

# 10. --roster is watched: a roster that no longer lists the plan's pairing
# makes the next round an error round (the PDF kept), and back it renders.
cp "$src/tests/fixtures/plans/minimal-roster.xml" roster.xml
: >"$log"
"$ucap" watch plan.xml --roster roster.xml 2>"$log" &
watcher=$!
check "roster: first round" wait_for_statuses 1
cp plan.en.pdf "$work/roster-good.pdf"
sed 's/pairing id="bratislava-tokorozawa"/pairing id="bratislava-elsewhere"/' "$src/tests/fixtures/plans/minimal-roster.xml" >roster.xml
check "roster: changed, one round" wait_for_statuses 2
check "roster: the plan's pairing is not in it" grep -Eq '^\[[0-9:]{8}\] [0-9]+ errors?: kept the last good PDF$' <(last_status)
check "roster: the finding" grep -q '^plan\.xml:[0-9]*:[0-9]*: error\[UCAP' "$log"
check "roster: PDF kept" cmp -s plan.en.pdf "$work/roster-good.pdf"
cp "$src/tests/fixtures/plans/minimal-roster.xml" roster.xml
check "roster: back, one round" wait_for_statuses 3
check "roster: rendered" renders_are 2
kill -INT "$watcher"
wait "$watcher"

# 11. Usage: standard input cannot be watched.
"$ucap" watch - 2>"$work/usage"
check "stdin refused" test $? -eq 2
check "stdin message" grep -q "cannot watch standard input" "$work/usage"

# 12. -o over the input or a folder is refused as render refuses it
# (UCAP064, exit 2), before anything is watched: the plan is left whole.
cp "$w/plan.xml" "$work/keep.xml"
cp "$w/plan.xml" "$work/self.xml"
"$ucap" watch "$work/self.xml" -o "$work/self.xml" --lang en 2>"$work/self-out"
check "-o the input: exit 2" test $? -eq 2
check "-o the input: UCAP064 as render says it" grep -qxF "$work/self.xml: error[UCAP064]: refused to write the PDF: $work/self.xml is one of the inputs; the PDF would replace it (name a new file or an existing PDF; standard output is -o -)" "$work/self-out"
check "-o the input: the plan is untouched" cmp -s "$work/self.xml" "$work/keep.xml"
mkdir -p "$work/folder.pdf"
"$ucap" watch "$work/self.xml" -o "$work/folder.pdf" --lang en 2>"$work/folder-out"
check "-o a folder: exit 2" test $? -eq 2
check "-o a folder: UCAP064" grep -qF "error[UCAP064]: refused to write the PDF: $work/folder.pdf is a folder" "$work/folder-out"

cd /
finish
