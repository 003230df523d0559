#!/usr/bin/env bash
# `ucap batch` as a coordinator runs it: a folder with good plans, a
# malformed file and an invalid plan renders all the good ones and exits 1
# with the failures in the manifest; 1 and 4 jobs give the same bytes and
# manifests; the log has one line per file and a summary; SIGINT/SIGTERM
# leave only whole PDFs, no temporary file and a manifest of what was not
# done; paths and output folders that cannot be used exit 2.
source "$(dirname "$0")/lib/check.sh"

# A programme folder: the ten sample plans and the roster, a malformed file
# and an invalid plan (SDG target 11.8 at 16:17).
mkdir -p "$work/in/plans" "$work/in/broken"
cp -r "$src"/samples/plans/. "$work/in/plans/"  # with figures/
cp "$src/samples/roster.xml" "$work/in/"
printf '<action-plan>\n  <title>unclosed\n</action-plan>\n' >"$work/in/broken/malformed.xml"
sed 's/<target id="11.7"\/>/<target id="11.8"\/>/' "$src/tests/fixtures/plans/minimal.xml" >"$work/in/plans/zz-invalid.xml"

manifest_field() {  # manifest_field FILE PYTHON-EXPRESSION-OVER-m
  python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print($2)" "$1"
}

# 1. Everything good is rendered; the failures are named; exit 1.
"$ucap" batch "$work/in" --out-dir "$work/out" --jobs 2 2>"$work/log"
check "mixed folder exits 1" test $? -eq 1
for plan in "$src"/samples/plans/*.xml; do
  name=$(basename "$plan" .xml)
  for lang in en ja; do
    check "$name.$lang rendered" test "$(pdfinfo "$work/out/plans/$name.$lang.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')" -ge 2
  done
done
check "English text layer" grep -q "Zero Carbon Yokohama" <(pdftotext "$work/out/plans/frankfurt-yokohama.en.pdf" -)
check "Japanese text layer" grep -q "横浜" <(pdftotext "$work/out/plans/frankfurt-yokohama.ja.pdf" -)
check "invalid plan not rendered" test ! -e "$work/out/plans/zz-invalid.en.pdf" -a ! -e "$work/out/plans/zz-invalid.ja.pdf"
m="$work/out/manifest.json"
check "manifest lists 13 inputs" test "$(manifest_field "$m" 'len(m["inputs"])')" = 13
check "manifest sorted by path" test "$(manifest_field "$m" '[i["path"] for i in m["inputs"]] == sorted(i["path"] for i in m["inputs"])')" = True
check "malformed: failed with UCAP005 at its position" test \
  "$(manifest_field "$m" '[(i["status"], d["code"], d["line"], d["column"]) for i in m["inputs"] if i["path"].endswith("malformed.xml") for d in i["diagnostics"]]')" \
  = "[('failed', 'UCAP005', 3, 3)]"
check "invalid: failed with UCAP031 at 16:17" test \
  "$(manifest_field "$m" '[(i["status"], d["code"], d["line"], d["column"], d["file"].endswith("zz-invalid.xml")) for i in m["inputs"] if i["path"].endswith("zz-invalid.xml") for d in i["diagnostics"]]')" \
  = "[('failed', 'UCAP031', 16, 17, True)]"
check "roster checked" test "$(manifest_field "$m" '[i["status"] for i in m["inputs"] if i["kind"] == "roster"]')" = "['checked']"
check "manifest totals" test "$(manifest_field "$m" 'm["totals"]["rendered"], m["totals"]["failed"], m["totals"]["pdfs"]')" = "10 2 20"
check "manifest outputs are the files" test "$(manifest_field "$m" 'sorted(o for i in m["inputs"] for o in i["outputs"])')" \
  = "$(cd "$work/out" && python3 -c 'import glob; print(sorted(glob.glob("plans/*.pdf")))')"

# 2. Not a terminal: one line per file as it finishes, findings as validate prints them, a summary.
check "one line per file" test "$(grep -cE '^\[[0-9]+/13\] (rendered|failed|checked) ' "$work/log")" = 13
check "line of a rendered plan" grep -qE "^\[[0-9]+/13\] rendered $work/in/plans/essen-koriyama.xml \(2 PDFs, [0-9]+ ms\)$" "$work/log"
check "line of a failure" grep -qE "^\[[0-9]+/13\] failed $work/in/plans/zz-invalid.xml \(1 error, [0-9]+ ms\)$" "$work/log"
check "finding printed as validate does" grep -qx "$work/in/plans/zz-invalid.xml:16:17: error\[UCAP031\]: SDG target '11.8' does not exist (goal 11 has targets 11.1–11.7, 11.a–11.c)" "$work/log"
check "summary line" grep -qE "^ucap batch: 13 inputs: 10 rendered \(20 PDFs\), 1 checked, 2 failed, 0 not done, 0 warnings, [0-9]+\.[0-9]{2} s$" "$work/log"

# 3. The same bytes and the same manifest (but for milliseconds) on 1 and 4 jobs.
"$ucap" batch "$work/in" --out-dir "$work/one" --jobs 1 2>/dev/null
"$ucap" batch "$work/in" --out-dir "$work/four" --jobs 4 2>/dev/null
for pdf in "$work"/one/plans/*.pdf; do check "jobs 1 = jobs 4: $(basename "$pdf")" cmp -s "$pdf" "$work/four/plans/$(basename "$pdf")"; done
without_times='import json,sys
def strip(x):
    if isinstance(x, dict): return {k: strip(v) for k, v in x.items() if k != "milliseconds"}
    if isinstance(x, list): return [strip(v) for v in x]
    return x
print(json.dumps(strip(json.load(open(sys.argv[1])))))'
check "jobs 1 = jobs 4: manifest" test "$(python3 -c "$without_times" "$work/one/manifest.json")" = "$(python3 -c "$without_times" "$work/four/manifest.json")"
check "same PDF count" test "$(ls "$work"/one/plans/*.pdf | wc -l)" = 20

# The batch's PDFs are the ones `ucap render` writes.
"$ucap" render "$src"/samples/plans/*.xml --roster "$src/samples/roster.xml" --out-dir "$work/render" 2>/dev/null
for pdf in "$work"/render/*.pdf; do check "batch = render: $(basename "$pdf")" cmp -s "$pdf" "$work/one/plans/$(basename "$pdf")"; done

# 4. --lang ja renders only Japanese.
"$ucap" batch "$work/in/plans/essen-koriyama.xml" --out-dir "$work/ja" --lang ja 2>/dev/null
check "--lang ja exit 0" test $? -eq 0
check "--lang ja: one PDF" test "$(ls "$work/ja")" = "$(printf 'essen-koriyama.ja.pdf\nmanifest.json')"

# 5. A signal during a long batch: whole PDFs only, no temporary file, the rest listed as not done.
stop_long_batch() {  # stop_long_batch SIGNAL OUT: starts a long batch, stops it once six inputs are rendered
  # Reads the batch's progress lines as they come (one per finished input,
  # printed after its PDFs are renamed into place) instead of polling the
  # folder against a clock, so a slow build (ASan) only waits longer.
  local signal=$1 out=$2 pid line rendered=0
  mkfifo "$out.fifo"
  "$ucap" batch "$work/long" --out-dir "$out" --jobs 2 2>"$out.fifo" &
  pid=$!
  exec 3<"$out.fifo"
  while IFS= read -r line <&3; do
    printf '%s\n' "$line" >>"$out.log"
    case $line in *"] rendered "*) rendered=$((rendered + 1)) ;; esac
    [ $rendered -ge 6 ] && break
  done
  kill -s "$signal" $pid
  cat <&3 >>"$out.log"
  exec 3<&-
  wait $pid
}
for copy in $(seq -w 1 30); do mkdir -p "$work/long/copy-$copy" && cp -r "$src/samples/plans" "$src/samples/reports" "$src/samples/roster.xml" "$work/long/copy-$copy/"; done
stop_long_batch INT "$work/int"
check "SIGINT exits 130" test $? -eq 130
check "SIGINT: no temporary file" test -z "$(find "$work/int" -name '.*')"
check "SIGINT: the six rendered inputs' PDFs written" test "$(find "$work/int" -name '*.pdf' | wc -l)" -ge 6
whole=0; broken=0
for pdf in $(find "$work/int" -name '*.pdf'); do
  if qpdf --check "$pdf" >/dev/null 2>&1; then whole=$((whole+1)); else broken=$((broken+1)); echo "broken: $pdf"; fi
done
check "SIGINT: every PDF whole (qpdf --check, $whole files)" test $broken -eq 0
m="$work/int/manifest.json"
check "SIGINT: manifest says stopped" test "$(manifest_field "$m" 'm["stopped_by"]')" = SIGINT
check "SIGINT: not-done inputs listed" test "$(manifest_field "$m" 'sum(i["status"] == "not-done" for i in m["inputs"]) > 0 and m["totals"]["not_done"] > 0')" = True
check "SIGINT: all 450 inputs listed" test "$(manifest_field "$m" 'len(m["inputs"])')" = 450
check "SIGINT: PDFs on disk = outputs in the manifest" test \
  "$(manifest_field "$m" 'sorted(o for i in m["inputs"] for o in i["outputs"])')" \
  = "$(cd "$work/int" && python3 -c 'import glob; print(sorted(glob.glob("**/*.pdf", recursive=True)))')"
check "SIGINT: not-done inputs have no output" test "$(manifest_field "$m" 'all(not i["outputs"] for i in m["inputs"] if i["status"] == "not-done")')" = True
check "SIGINT: said on stderr" grep -qE "^ucap batch: stopped by SIGINT; [0-9]+ inputs not done, listed in $work/int/manifest.json$" "$work/int.log"
stop_long_batch TERM "$work/term"
check "SIGTERM exits 143" test $? -eq 143
check "SIGTERM: no temporary file" test -z "$(find "$work/term" -name '.*')"
check "SIGTERM: manifest says stopped" test "$(manifest_field "$work/term/manifest.json" 'm["stopped_by"]')" = SIGTERM

# 6. What stops a batch before it starts: exit 2, a diagnostic, nothing written.
: >"$work/not-a-folder"
"$ucap" batch "$work/in" --out-dir "$work/not-a-folder/out" 2>"$work/log"
check "unwritable out-dir exits 2" test $? -eq 2
check "unwritable out-dir diagnostic" grep -qx "$work/not-a-folder/out: error\[UCAP091\]: cannot write to the output folder: Not a directory (choose a folder you can write to with --out-dir)" "$work/log"
"$ucap" batch "$work/in" "$work/nowhere" --out-dir "$work/o2" 2>"$work/log"
check "missing path exits 2" test $? -eq 2
check "missing path diagnostic" grep -q "^$work/nowhere: error\[UCAP090\]: cannot read this path" "$work/log"
check "missing path: nothing written" test ! -e "$work/o2"
"$ucap" batch "$work/in" 2>/dev/null
check "no --out-dir exits 2" test $? -eq 2

finish
