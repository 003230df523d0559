#!/usr/bin/env bash
# `ucap render` as a user runs it: every sample in both languages passes the
# reader's checks (text in order, kinsoku, no overflow, fonts subset, no
# poppler warning, outline); bytes repeat; outputs land where promised;
# invalid plans are not rendered; missing glyphs and unwritable outputs
# give their diagnostics.
source "$(dirname "$0")/lib/check.sh"
pdf_checks="python3 $src/tests/e2e/lib/pdf_checks.py"

# 1. All samples, both languages, with the reader's checks.
"$ucap" render "$src"/samples/plans/*.xml --out-dir "$work/a" 2>"$work/out"
check "samples exit 0" test $? -eq 0
check "samples summary" grep -qx "ucap: 10 files, 0 errors, 0 warnings, 20 PDFs written" "$work/out"
for plan in "$src"/samples/plans/*.xml "$src"/tests/fixtures/render/stress.xml; do
  name=$(basename "$plan" .xml)
  [ -f "$work/a/$name.en.pdf" ] || "$ucap" render "$plan" --out-dir "$work/a" 2>/dev/null
  for lang in en ja; do
    check "$name.$lang reader checks" $pdf_checks "$work/a/$name.$lang.pdf" "$plan" "$lang"
  done
done

# 1b. Nothing lost, and the check says what: one character of a source
#     changed, the check names it, its element's position and what the PDF
#     has instead.
sed 's/本計画の目的は次のとおりである。/本計画の目的は次の通りである。/' "$src/samples/plans/ancona-ikoma.xml" >"$work/changed.xml"
$pdf_checks "$work/a/ancona-ikoma.ja.pdf" "$work/changed.xml" ja >"$work/out"
check "a lost character is named with its position" grep -qxF "$work/a/ancona-ikoma.ja.pdf: text: $work/changed.xml:33:5: <p> loses character 10 of 15, '通' (U+901A) after '本計画の目的は次の'; the PDF has 'と' (U+3068) there" "$work/out"

# 2. The same input gives the same bytes.
"$ucap" render "$src"/samples/plans/*.xml --out-dir "$work/b" 2>/dev/null
for pdf in "$work"/b/*.pdf; do check "identical $(basename "$pdf")" cmp -s "$pdf" "$work/a/$(basename "$pdf")"; done

# 3. Document info and the catalog's language.
info=$(pdfinfo "$work/a/frankfurt-yokohama.en.pdf")
check "info title" grep -q "^Title: *Zero Carbon Yokohama: Renewable Energy through City Networks and Citizens' Action$" <<<"$info"
check "info author" grep -q "^Author: *City of Yokohama, Climate Change Policy Headquarters$" <<<"$info"
check "info keywords" grep -q "^Keywords: *SDG 7.2, SDG 7.3, SDG 13.3, SDG 17.17$" <<<"$info"
check "info date from issued" grep -q "^CreationDate: .*Jul 20 .*2020" <<<"$info"
qpdf --qdf --object-streams=disable "$work/a/frankfurt-yokohama.ja.pdf" "$work/qdf.pdf"
check "catalog Lang ja" grep -aq "/Lang (ja)" "$work/qdf.pdf"
check "page count ja" test "$(pdfinfo "$work/a/frankfurt-yokohama.ja.pdf" | awk '/^Pages:/{print $2}')" -ge 3

# 4. Default outputs beside the input; stdin to stdout; -o.
cp "$src/samples/plans/essen-koriyama.xml" "$work/plan.xml"
"$ucap" render "$work/plan.xml" 2>/dev/null
check "default outputs" test -s "$work/plan.en.pdf" -a -s "$work/plan.ja.pdf"
"$ucap" render - --lang ja -o - <"$work/plan.xml" >"$work/stdout.pdf" 2>/dev/null
check "stdin to stdout exit 0" test $? -eq 0
check "stdout bytes = file bytes" cmp -s "$work/stdout.pdf" "$work/plan.ja.pdf"
"$ucap" render "$work/plan.xml" --lang en -o "$work/named.pdf" 2>/dev/null
check "-o names the PDF" cmp -s "$work/named.pdf" "$work/plan.en.pdf"
"$ucap" render "$work/plan.xml" -o "$work/two.pdf" 2>"$work/out"
check "-o with two languages exit 2" test $? -eq 2
check "-o with two languages no file" test ! -e "$work/two.pdf"

# 5. A plan with errors is not rendered; its diagnostics are printed.
sed 's/<target id="11.7"\/>/<target id="11.8"\/>/' "$src/tests/fixtures/plans/minimal.xml" >"$work/bad.xml"
"$ucap" render "$work/bad.xml" 2>"$work/out"
check "invalid exit 1" test $? -eq 1
check "invalid finding" grep -q "bad.xml:16:17: error\[UCAP031\]" "$work/out"
check "invalid not rendered" test ! -e "$work/bad.en.pdf" -a ! -e "$work/bad.ja.pdf"
check "invalid summary" grep -qx "ucap: 1 file, 1 error, 0 warnings, 0 PDFs written" "$work/out"

# 6. A character no font has: a warning at its text, a box in the PDF.
cp "$src/tests/fixtures/render/missing-glyph.xml" "$work/glyph.xml"
"$ucap" render "$work/glyph.xml" --lang ja 2>"$work/out"
check "missing glyph exit 0" test $? -eq 0
check "missing glyph warning" grep -qx "$work/glyph.xml:25:22: warning\[UCAP060\]: no font has the character U+E000 in this text; it is drawn as a box (use another character, or add a font that has it to fonts/manifest.xml)" "$work/out"
check "missing glyph PDF written" test -s "$work/glyph.ja.pdf"

# 7. An output that cannot be written: exit 2, a diagnostic, no stray file.
: >"$work/not-a-folder"
"$ucap" render "$work/plan.xml" --lang en -o "$work/not-a-folder/plan.pdf" 2>"$work/out"
check "unwritable exit 2" test $? -eq 2
check "unwritable diagnostic" grep -q "error\[UCAP063\]: cannot write the PDF" "$work/out"
check "no temporary left" test -z "$(find "$work" -maxdepth 1 -name ".*.pdf.*")"

finish
