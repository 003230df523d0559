#!/usr/bin/env bash
# `ucap batch` in a pipeline: --diagnostics=json puts every input's findings
# on stdout as JSON lines (validate's object, plus the input they belong
# to), and only there, with the progress on stderr; --lang both adds each
# bilingual plan's NAME.en-ja.pdf (the same bytes as `ucap render --lang
# both`), none for a one-language plan or a report; the manifest records
# both.
source "$(dirname "$0")/lib/check.sh"

mkdir -p "$work/in/plans" "$work/in/reports" "$work/in/drafts"
cp -r "$src"/samples/plans/. "$work/in/plans/"   # with figures/
cp "$src/samples/roster.xml" "$work/in/"
cp "$src"/samples/reports/meeting-6.*.xml "$work/in/reports/"
cp "$src/tests/schema/fixtures/valid-plan-minimal.xml" "$work/in/drafts/english-only.xml"
cp "$src/tests/schema/fixtures/invalid-plan-sections-swapped.xml" "$work/in/drafts/swapped.xml"
printf '<action-plan>\n  <title>unclosed\n</action-plan>\n' >"$work/in/drafts/malformed.xml"

"$ucap" batch "$work/in" --out-dir "$work/out" --lang both --diagnostics=json --jobs 2 >"$work/json" 2>"$work/log"
check "exit 1 (two drafts fail)" test $? -eq 1

# 1. stdout: JSON lines only, each with input, file, line, column, severity,
# code, message; the findings of the two bad drafts at their positions.
check "every stdout line is a JSON object with the keys" python3 - "$work/json" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines, "no JSON lines"
for line in lines:
    d = json.loads(line)
    assert list(d)[:7] == ["input", "file", "line", "column", "severity", "code", "message"], d
    assert isinstance(d["line"], int) and isinstance(d["column"], int), d
PY
finding() {  # finding INPUT-SUFFIX "FILE:LINE:COL" CODE: a JSON line with these
  python3 - "$work/json" "$@" <<'PY'
import json, sys
path, input_suffix, where, code = sys.argv[1:]
found = [d for d in map(json.loads, open(path)) if d["input"].endswith(input_suffix)
         and f'{d["file"]}:{d["line"]}:{d["column"]}'.endswith(where) and d["code"] == code]
sys.exit(0 if found else 1)
PY
}
check "swapped sections: UCAP015 at swapped.xml:35:3" finding drafts/swapped.xml drafts/swapped.xml:35:3 UCAP015
check "malformed: a parse error with its position" finding drafts/malformed.xml drafts/malformed.xml:3:3 UCAP005
check "the one-language plan's warnings, named by input" finding drafts/english-only.xml drafts/english-only.xml:0:0 UCAP092
check "no finding for a good plan" bash -c "! grep -q 'frankfurt-yokohama' '$work/json'"

# 2. stderr: the progress and the summary, no finding.
check "progress on stderr" grep -q '^\[[0-9]*/[0-9]*\] failed .*swapped.xml (1 error' "$work/log"
check "summary on stderr" grep -q '^ucap batch: 16 inputs: 13 rendered (33 PDFs), 1 checked, 2 failed' "$work/log"
check "no finding on stderr" bash -c "! grep -q 'error\[UCAP' '$work/log'"

# 3. --lang both: en, ja and en-ja for each bilingual plan; only en for the
# English-only plan; one PDF for each report.
for plan in "$src"/samples/plans/*.xml; do
  name=$(basename "$plan" .xml)
  check "$name: en, ja, en-ja" test -f "$work/out/plans/$name.en.pdf" -a -f "$work/out/plans/$name.ja.pdf" -a -f "$work/out/plans/$name.en-ja.pdf"
done
check "english-only: en and no bilingual" test "$(cd "$work/out/drafts" && ls | paste -sd' ')" = "english-only.en.pdf"
check "report: its language only" test "$(cd "$work/out/reports" && ls | paste -sd' ')" = "meeting-6.en.pdf meeting-6.ja.pdf"
"$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang both --out-dir "$work/render" 2>/dev/null
check "en-ja: the bytes of render --lang both" cmp "$work/render/frankfurt-yokohama.en-ja.pdf" "$work/out/plans/frankfurt-yokohama.en-ja.pdf"
check "en-ja: both languages' text" bash -c "pdftotext '$work/out/plans/marseille-kobe.en-ja.pdf' - | grep -q 'Port and City Together' && pdftotext '$work/out/plans/marseille-kobe.en-ja.pdf' - | grep -q '港とまちをつなぐ'"

# 4. The manifest: the bilingual outputs listed, both options recorded.
check "manifest records --lang both and json" python3 - "$work/out/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["languages"] == ["en", "ja"] and m["bilingual"] is True and m["diagnostics"] == "json", m
frankfurt = next(i for i in m["inputs"] if i["path"].endswith("frankfurt-yokohama.xml"))
assert frankfurt["outputs"] == ["plans/frankfurt-yokohama.en.pdf", "plans/frankfurt-yokohama.ja.pdf",
                                "plans/frankfurt-yokohama.en-ja.pdf"], frankfurt["outputs"]
assert m["totals"]["pdfs"] == 10 * 3 + 1 + 2 == 33, m["totals"]
PY

# 5. Without the options: text findings on stderr, nothing on stdout, and
# the manifest says so.
"$ucap" batch "$work/in/drafts" --out-dir "$work/text" >"$work/stdout" 2>"$work/log"
check "text: nothing on stdout" test ! -s "$work/stdout"
check "text: findings on stderr" grep -q 'swapped.xml:35:3: error\[UCAP015\]' "$work/log"
check "text: manifest" python3 -c "import json,sys; m=json.load(open(sys.argv[1])); sys.exit(not (m['bilingual'] is False and m['diagnostics'] == 'text'))" "$work/text/manifest.json"
"$ucap" batch "$work/in/drafts" --out-dir "$work/x" --lang fr 2>/dev/null
check "--lang fr refused (2)" test $? -eq 2

finish
