#!/usr/bin/env bash
# `ucap render` on progress reports as a coordinator runs it: the sample
# reports of the 3rd and 6th meetings in English and Japanese pass the
# reader's checks; their status tables hold, row by row, what the roster and
# plans say (worked out independently by lib/report_status.py from the XML
# and `ucap validate`); a fixture report whose roster has one plan missing,
# one invalid and two valid shows exactly that; bytes repeat; the findings
# annex, document info and output names; a report with errors is not
# rendered; a character no font has is reported at its text.
source "$(dirname "$0")/lib/check.sh"
pdf_checks="python3 $src/tests/e2e/lib/pdf_checks.py"
status_rows="python3 $src/tests/e2e/lib/report_status.py $ucap"
template=$src/templates/ucap.xml
report_template=$src/templates/progress-report.xml

# 1. The sample reports: one PDF each, named after the report.
"$ucap" render "$src"/samples/reports/*.xml --out-dir "$work/a" 2>"$work/out"
check "samples exit 0" test $? -eq 0
check "samples summary" grep -qx "ucap: 4 files, 0 errors, 0 warnings, 4 PDFs written" "$work/out"
for report in meeting-3.en meeting-3.ja meeting-6.en meeting-6.ja; do
  lang=${report##*.}
  check "$report.pdf written" test -s "$work/a/$report.pdf"
  check "$report reader checks" $pdf_checks "$work/a/$report.pdf" "$src/samples/reports/$report.xml" "$lang"
  check "$report status table" $status_rows "$work/a/$report.pdf" "$src/samples/reports/$report.xml" "$lang" "$template"
done

# 2. The 6th meeting: all ten pairings have a complete, valid plan.
for lang in en ja; do
  $status_rows "$work/a/meeting-6.$lang.pdf" "$src/samples/reports/meeting-6.$lang.xml" "$lang" "$template" --print \
    >"$work/rows6.$lang"
  found=$(grep -c "^[^|]*|[^|]*| $(sed -n "s/.*key=\"plan-found\" xml:lang=\"$lang\">\([^<]*\)<.*/\1/p" "$report_template") |.*| 0 | 0$" "$work/rows6.$lang")
  check "6th meeting $lang: ten rows found, 0 errors, 0 warnings" test "$found" -eq 10
done
check "6th meeting: no annex" bash -c "! pdftotext '$work/a/meeting-6.en.pdf' - | grep -q 'Annex: findings'"
# The 3rd meeting's drafts: Bratislava–Tokorozawa incomplete, batch 3 not yet in.
$status_rows "$work/a/meeting-3.en.pdf" "$src/samples/reports/meeting-3.en.xml" en "$template" --print |
  sed 's/\xc2\xa0/ /g' >"$work/rows3"
check "3rd meeting: the draft's row" grep -qx "Bratislava – | Tokorozawa | found | 4/8 | 2 | EUR 275,000 | 11.5, 11.7, 13.1, 13.3, 15 | 3 | 0" "$work/rows3"
check "3rd meeting: two plans missing" test "$(grep -c '| missing |' "$work/rows3")" -eq 2
pdftotext -raw "$work/a/meeting-3.en.pdf" "$work/m3.txt"
check "3rd meeting: annex lists the draft's findings" grep -q "drafts-meeting-3/bratislava-tokorozawa.xml:120:3: error\[UCAP012\]: section 'implementation'" "$work/m3.txt"

# 3. The fixture: one plan missing, one invalid, two valid; exactly so.
fixture=$src/tests/fixtures/reports/status/report.xml
"$ucap" render "$fixture" --out-dir "$work/f" 2>"$work/out"
check "fixture exit 0" test $? -eq 0
check "fixture: the plans' findings are not the report's" grep -qx "ucap: 1 file, 0 errors, 0 warnings, 2 PDFs written" "$work/out"
cat >"$work/expected.en" <<'ROWS'
Frankfurt – | Yokohama | missing | – | – | – | – | – | –
Essen – | Koriyama | found | 6/8 | 1 | JPY 2,500,000 | 7.2, 7.9 | 3 | 0
Bratislava – | Tokorozawa | found | 7/8 | 1 | EUR 45,000 | 11.7, 13 | 0 | 0
Umeå – | Kamakura | found | 8/8 | 3 | JPY 2,000,000EUR 30,000 | 11.3, 12.5, 17.17 | 0 | 0
ROWS
cat >"$work/expected.ja" <<'ROWS'
フランクフルト・ | 横浜市 | なし | － | － | － | － | － | －
エッセン・ | 郡山市 | あり | 6/8 | 1 | 2,500,000円 | 7.2, 7.9 | 3 | 0
ブラティスラバ・ | 所沢市 | あり | 7/8 | 1 | 45,000ユーロ | 11.7, 13 | 0 | 0
ウメオ・ | 鎌倉市 | あり | 8/8 | 3 | 2,000,000円30,000ユーロ | 11.3, 12.5, 17.17 | 0 | 0
ROWS
for lang in en ja; do
  $status_rows "$work/f/report.$lang.pdf" "$fixture" "$lang" "$template" --print >"$work/rows.$lang" 2>&1
  check "fixture $lang status table in the PDF, row by row" test $? -eq 0
  # The rows worked out from the XML are the ones written above by hand
  # (amounts keep their no-break space).
  check "fixture $lang rows as expected" diff <(sed 's/\xc2\xa0/ /g' "$work/rows.$lang") "$work/expected.$lang"
  check "fixture $lang reader checks" $pdf_checks "$work/f/report.$lang.pdf" "$fixture" "$lang"
done
pdftotext -raw "$work/f/report.en.pdf" "$work/f.txt"
check "annex heading" grep -qx "Annex: findings in the action plans" "$work/f.txt"
check "annex plan" grep -qx "Essen – Koriyama: 3 errors, 0 warnings" "$work/f.txt"
# (joined: a long source folder's path wraps the finding onto the next line)
tr '\n' ' ' < "$work/f.txt" > "$work/f-joined.txt"
check "annex first finding" grep -q "status/plans/essen-koriyama.xml:18:17: error\[UCAP031\]: SDG target '7.9' does not exist" "$work/f-joined.txt"
check "no plan in the chart" grep -qx "Frankfurt – Yokohama no plan" "$work/f.txt"
check "current meeting" grep -q "^3 Brussels 11 October 2018 this meeting$" "$work/f.txt"

# 4. Same input, same bytes.
"$ucap" render "$src"/samples/reports/*.xml "$fixture" --out-dir "$work/b" 2>/dev/null
for pdf in "$work"/b/*.pdf; do
  first=$work/a/$(basename "$pdf"); [ -f "$first" ] || first=$work/f/$(basename "$pdf")
  check "identical $(basename "$pdf")" cmp -s "$pdf" "$first"
done

# 5. Document info and the catalog's language.
info=$(pdfinfo "$work/a/meeting-6.ja.pdf")
check "info title" grep -q "^Title: *第6回日EU都市間交流会議$" <<<"$info"
check "info author" grep -q "^Author: *IUC日本 プロジェクトコーディネーター$" <<<"$info"
info=$(pdfinfo "$work/a/meeting-3.en.pdf")
check "info date from the meeting" grep -q "^CreationDate: .*Oct 11 .*2018" <<<"$info"
qpdf --qdf --object-streams=disable "$work/a/meeting-6.ja.pdf" "$work/qdf.pdf"
check "catalog Lang ja" grep -aq "/Lang (ja)" "$work/qdf.pdf"

# 6. A report with errors is not rendered; a language it lacks is refused.
mkdir -p "$work/moved"
cp "$src/samples/reports/meeting-6.en.xml" "$work/moved/report.xml"
"$ucap" render "$work/moved/report.xml" 2>"$work/out"
check "report without roster exit 1" test $? -eq 1
check "report without roster finding" grep -q "report.xml:8:17: error\[UCAP070\]" "$work/out"
check "report without roster not rendered" test ! -e "$work/moved/report.en.pdf"
"$ucap" render "$src/samples/reports/meeting-6.en.xml" --lang ja -o "$work/x.pdf" 2>"$work/out"
check "undeclared language exit 1" test $? -eq 1
check "undeclared language finding" grep -q "meeting-6.en.xml:3:68: error\[UCAP062\]: cannot render Japanese: the report's languages are \"en\"" "$work/out"

# 7. A character no font has in the report's own text: a warning at it, a box in the PDF.
status=$src/tests/fixtures/reports/status
cp -r "$status" "$work/status"  # a report reads its roster and plans below its root (UCAP075), so beside it
sed "s|<p xml:lang=\"en\">Two plans are complete|<p xml:lang=\"en\">Private \&#xE000; use. Two plans are complete|" \
  "$status/report.xml" >"$work/status/glyph.xml"
"$ucap" render "$work/status/glyph.xml" --lang en 2>"$work/out"
check "missing glyph exit 0" test $? -eq 0
check "missing glyph warning" grep -qx "$work/status/glyph.xml:17:22: warning\[UCAP060\]: no font has the character U+E000 in this text; it is drawn as a box (use another character, or add a font that has it to fonts/manifest.xml)" "$work/out"
check "missing glyph PDF written" test -s "$work/status/glyph.en.pdf"

finish
