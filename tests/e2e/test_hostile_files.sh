#!/usr/bin/env bash
# Files a document names or a command writes (issue 17, parts 2–4): a report
# never opens a pipe, a device or a file outside its root; an output never
# replaces an input, a device or a folder; no file name, signal or closed
# log stops a batch short of its manifest; no text is lost without a word.
# Each case failed (hung, aborted or passed silently) before its fix.
source "$(dirname "$0")/lib/check.sh"
ucap=$(realpath "$ucap")
run() { timeout -s KILL 30 "$@"; }  # a hang is a failure, not a stuck test run

# A report in $work/r/reports/, its roster and plans beside it.
mkdir -p "$work/r/reports" "$work/r/plans"
cp "$src/samples/roster.xml" "$work/r/roster.xml"
cp "$src/samples/plans/umea-kamakura.xml" "$work/r/plans/"
report_with() {  # ROSTER-HREF PLANS-HREF: writes $work/r/reports/report.xml
  sed "s#<roster href=\"../roster.xml\"/>#<roster href=\"$1\"/>#; s#<plans href=\"../plans/\"/>#<plans href=\"$2\"/>#" \
    "$src/samples/reports/meeting-6.en.xml" > "$work/r/reports/report.xml"
}
report=$work/r/reports/report.xml

# 1. A roster that is a FIFO: read, it would block validate, render and batch for ever.
mkfifo "$work/r/reports/fifo.xml"
report_with fifo.xml ../plans/
finding="$report:8:17: error[UCAP070]: the roster 'fifo.xml' is not a regular file (a pipe or a device); it is not read (looked for $work/r/reports/fifo.xml; the href is relative to the report's folder)"
run "$ucap" validate "$report" > "$work/out" 2>&1
check "FIFO roster: validate exits 1" test $? -eq 1
check "FIFO roster: validate says UCAP070" grep -qxF "$finding" "$work/out"
run "$ucap" render "$report" --out-dir "$work/r-out" > "$work/out" 2>&1
check "FIFO roster: render exits 1" test $? -eq 1
check "FIFO roster: render says UCAP070" grep -qxF "$finding" "$work/out"
run "$ucap" batch "$work/r/reports" --out-dir "$work/b-out" > "$work/out" 2>&1
check "FIFO roster: batch exits 1" test $? -eq 1
check "FIFO roster: batch writes its manifest" grep -qF '"status": "failed"' "$work/b-out/manifest.json"

# 2. Hrefs that leave the report's root (the folder above its folder) are not followed.
report_with /dev/stdin ../plans/
run "$ucap" validate "$report" < /dev/null > "$work/out" 2>&1
check "roster /dev/stdin: exit 1" test $? -eq 1
check "roster /dev/stdin: UCAP075" grep -qF "$report:8:17: error[UCAP075]: <roster href=\"/dev/stdin\"> is an absolute path; it is not read" "$work/out"
report_with ../roster.xml ../../../
run "$ucap" validate "$report" > "$work/out" 2>&1
check "plans beyond the root: UCAP075" grep -qF "$report:9:16: error[UCAP075]: <plans href=\"../../../\"> leaves the folder above the report's folder; it is not read" "$work/out"
report_with "$work/r/roster.xml" ../plans/
run "$ucap" validate "$report" > "$work/out" 2>&1
check "absolute roster that exists: UCAP075" grep -qF "error[UCAP075]: <roster href=\"$work/r/roster.xml\"> is an absolute path" "$work/out"
report_with ../roster.xml ../plans/
run "$ucap" validate "$report" > "$work/out" 2>&1
check "the format's ../roster.xml and ../plans/ still work" test $? -eq 0

# 3. A report from standard input has no folder: its hrefs are not read against the current one.
(cd "$work/r/reports" && run "$ucap" render - --lang en -o "$work/stdin.pdf" < "$report" > "$work/out" 2>&1)
check "report on stdin: exit 1" test $? -eq 1
check "report on stdin: UCAP075, not the roster of the current folder" grep -qF "<stdin>:8:17: error[UCAP075]: <roster href=\"../roster.xml\"> cannot be followed: the report was given from memory, without a folder" "$work/out"

# 4. A file name that is not UTF-8 (Latin-1 é) under a batch's folder.
mkdir -p "$work/latin1"
cp "$src/samples/plans/umea-kamakura.xml" "$work/latin1/caf$(printf '\xe9').xml"
run "$ucap" batch "$work/latin1" --out-dir "$work/latin1-out" --lang en > "$work/out" 2>&1
check "Latin-1 name: batch exits 0" test $? -eq 0
check "Latin-1 name: the PDF is written" test -f "$work/latin1-out/caf$(printf '\xe9').en.pdf"
check "Latin-1 name: the manifest is JSON, the name with U+FFFD" \
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(m["inputs"][0]["outputs"] != ["caf\ufffd.en.pdf"])' \
  "$work/latin1-out/manifest.json"

# 5. -o over an input, a folder or a FIFO is refused before rendering (UCAP064, exit 2).
plan=$work/o/plan.xml
mkdir -p "$work/o/folder.pdf" && cp "$src/samples/plans/umea-kamakura.xml" "$plan" && mkfifo "$work/o/fifo.pdf"
run "$ucap" render "$plan" --lang en -o "$plan" > "$work/out" 2>&1
check "-o the input: exit 2" test $? -eq 2
check "-o the input: UCAP064" grep -qxF "$plan: error[UCAP064]: refused to write the PDF: $plan is one of the inputs; the PDF would replace it (name a new file or an existing PDF; standard output is -o -)" "$work/out"
check "-o the input: the plan is untouched" cmp -s "$plan" "$src/samples/plans/umea-kamakura.xml"
run "$ucap" render "$plan" --lang en -o "$work/o/folder.pdf" > "$work/out" 2>&1
check "-o a folder: exit 2, UCAP064" grep -qF "error[UCAP064]: refused to write the PDF: $work/o/folder.pdf is a folder" "$work/out"
run "$ucap" render "$plan" --lang en -o "$work/o/fifo.pdf" > "$work/out" 2>&1
check "-o a FIFO: exit 2" test $? -eq 2
check "-o a FIFO: UCAP064" grep -qF "error[UCAP064]: refused to write the PDF: $work/o/fifo.pdf is not a regular file (a pipe or a device)" "$work/out"
check "-o a FIFO: still a FIFO" test -p "$work/o/fifo.pdf"
# ... and a batch output that is a folder.
mkdir -p "$work/ob-in" "$work/ob-out/umea-kamakura.en.pdf"
cp "$src/samples/plans/umea-kamakura.xml" "$work/ob-in/"
run "$ucap" batch "$work/ob-in" --out-dir "$work/ob-out" --lang en > "$work/out" 2>&1
check "batch output a folder: exit 1" test $? -eq 1
check "batch output a folder: UCAP064 in the manifest" python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit([d["code"] for d in m["inputs"][0]["diagnostics"]] != ["UCAP064"])' "$work/ob-out/manifest.json"

# 6. Two inputs of one name into one folder: the first keeps the PDF, the second is UCAP093.
mkdir -p "$work/two/a" "$work/two/b"
cp "$src/samples/plans/umea-kamakura.xml" "$work/two/a/plan.xml"
cp "$src/samples/plans/essen-koriyama.xml" "$work/two/b/plan.xml"
run "$ucap" render "$work/two/a/plan.xml" "$work/two/b/plan.xml" --lang en --out-dir "$work/two/out" > "$work/out" 2>&1
check "same output name: exit 1" test $? -eq 1
check "same output name: UCAP093 for the second" grep -qxF "$work/two/b/plan.xml: error[UCAP093]: $work/two/out/plan.en.pdf is also the output of $work/two/a/plan.xml; this one was not rendered (rename one of the two files, or render them in separate batches)" "$work/out"
check "same output name: the first one's PDF is kept" sh -c "pdftotext '$work/two/out/plan.en.pdf' - | grep -q Kamakura"

# 7. A PDF replaced keeps its file's mode; a new one honours the umask.
run "$ucap" render "$plan" --lang en -o "$work/o/mode.pdf" > /dev/null 2>&1
chmod 600 "$work/o/mode.pdf"
run "$ucap" render "$plan" --lang en -o "$work/o/mode.pdf" > /dev/null 2>&1
check "replaced PDF keeps mode 600" test "$(stat -c %a "$work/o/mode.pdf")" = 600
(umask 027 && run "$ucap" render "$plan" --lang en -o "$work/o/umask.pdf" > /dev/null 2>&1)
check "new PDF under umask 027 is 640" test "$(stat -c %a "$work/o/umask.pdf")" = 640

# 8. An output name of 251 bytes (legal) gets a short temporary name.
long=$(printf 'n%.0s' $(seq 244))
cp "$plan" "$work/o/$long.xml"
run "$ucap" render "$work/o/$long.xml" --lang en > "$work/out" 2>&1
check "a 251-byte output name: exit 0" test $? -eq 0
check "a 251-byte output name: written" test -f "$work/o/$long.en.pdf"
check "a 251-byte output name: no temporary left" test -z "$(find "$work/o" -name '.*')"

# 9. SIGPIPE, SIGHUP, SIGXFSZ: the batch ends cleanly, manifest written, no temporary left.
mkdir -p "$work/many"
for copy in 1 2 3; do mkdir -p "$work/many/$copy" && cp -r "$src/samples/plans/." "$work/many/$copy/"; done
set +o pipefail
run "$ucap" batch "$work/many" --out-dir "$work/pipe" --lang en --jobs 1 2>&1 | head -c 1 > /dev/null
status=${PIPESTATUS[0]}
set -o pipefail
check "a closed log: the batch works on, exit 0 (was $status)" test "$status" -eq 0
check "a closed log: manifest with 30 rendered" python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(m["totals"]["rendered"] != 30)' "$work/pipe/manifest.json"

"$ucap" batch "$work/many" --out-dir "$work/hup" --lang en --jobs 1 > "$work/hup.log" 2>&1 &
pid=$!; tries=0
while [ "$(find "$work/hup" -name '*.pdf' 2>/dev/null | wc -l)" -lt 2 ] && [ $tries -lt 600 ]; do sleep 0.05; tries=$((tries+1)); done
kill -s HUP $pid; wait $pid
check "SIGHUP: exit 129" test $? -eq 129
check "SIGHUP: manifest says stopped by SIGHUP" python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(m["stopped_by"] != "SIGHUP" or m["totals"]["not_done"] == 0)' "$work/hup/manifest.json"
check "SIGHUP: no temporary left" test -z "$(find "$work/hup" -name '.*')"

# A file size limit of 48 KB: the first PDF over it fails (EFBIG), the batch stops there.
(ulimit -f 48; exec "$ucap" batch "$work/many" --out-dir "$work/xfsz" --lang en --jobs 1 > "$work/xfsz.log" 2>&1)
check "SIGXFSZ: exit 153" test $? -eq 153
check "SIGXFSZ: manifest says stopped by SIGXFSZ, the PDF too large failed" python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); sys.exit(m["stopped_by"] != "SIGXFSZ" or m["totals"]["failed"] < 1)' "$work/xfsz/manifest.json"
check "SIGXFSZ: no temporary left" test -z "$(find "$work/xfsz" -name '.*')"

# 10. No text lost silently.
t=$work/text && mkdir -p "$t"
minimal=$src/tests/fixtures/plans/minimal.xml
# CDATA where text is not allowed: the finding plain text gets.
sed 's#<p xml:lang="en">Inputs.</p>#<p xml:lang="en">Inputs.</p><ul xml:lang="en"><![CDATA[lost]]><li>x</li></ul>#' "$minimal" > "$t/cdata.xml"
run "$ucap" validate "$t/cdata.xml" > "$work/out" 2>&1
check "CDATA in a list: exit 1" test $? -eq 1
check "CDATA in a list: UCAP019 at it" grep -qF "$t/cdata.xml:32:51: error[UCAP019]: text is not allowed directly inside <ul>" "$work/out"
# A title of 40,000 characters: the outline and info cut, a warning; was "libharu error", exit 2.
python3 -c 'import sys; t=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(t.replace("Green Infrastructure for Bratislava", "G"*40000))' "$minimal" "$t/long.xml"
run "$ucap" render "$t/long.xml" --lang en > "$work/out" 2>&1
check "a 40,000-character title: exit 0" test $? -eq 0
check "a 40,000-character title: UCAP047 at it" grep -qF "$t/long.xml:3:3: warning[UCAP047]: <title> is 40000 UTF-16 units long" "$work/out"
check "a 40,000-character title: the PDF's title cut to 32,766" test "$(pdfinfo "$t/long.en.pdf" | sed -n 's/^Title: *//p' | tr -d '\n' | wc -c)" -eq 32766
# An SDG target listed 12,000 times (warnings): the keywords list it once; was "libharu error", exit 2.
python3 -c 'import sys; t=open(sys.argv[1]).read(); open(sys.argv[2],"w").write(t.replace("<target id=\"11.7\"/>", "<target id=\"11.7\"/>"*12000))' "$minimal" "$t/sdgs.xml"
run "$ucap" render "$t/sdgs.xml" --lang en > "$work/out" 2>&1
check "12,000 SDG targets: exit 0" test $? -eq 0
check "12,000 SDG targets: keywords once each" test "$(pdfinfo "$t/sdgs.en.pdf" | sed -n 's/^Keywords: *//p')" = "SDG 11.7, SDG 13"
# Budgets that std::from_chars reads but are not amounts.
for budget in Infinity inf 1e30 -0 nan; do
  sed "s#budget=\"45000\"#budget=\"$budget\"#" "$minimal" > "$t/budget.xml"
  run "$ucap" validate "$t/budget.xml" > "$work/out" 2>&1
  check "budget $budget: UCAP044" grep -qF "$t/budget.xml:36:73: error[UCAP044]: budget '$budget' is not an amount" "$work/out"
done
# U+2028 in a paragraph: a space, not a box (UCAP060).
sed 's#More trees, fewer floods.#More trees,\xe2\x80\xa8fewer floods.#' "$minimal" > "$t/ls.xml"
run "$ucap" render "$t/ls.xml" --lang en > "$work/out" 2>&1
check "U+2028: exit 0, no box" test $? -eq 0 -a -z "$(grep UCAP060 "$work/out")"
check "U+2028: a space in the text layer" sh -c "pdftotext '$t/ls.en.pdf' - | grep -qF 'More trees, fewer floods.'"

finish
