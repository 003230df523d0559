#!/usr/bin/env bash
# Tagged PDF (PDF/UA-1, PDF/A-2a structure) as a screen reader's sources
# see it: poppler's pdfinfo and pdf.js's getStructTree() read back sample
# plans in English, Japanese and the bilingual edition and a progress
# report in each language (lib/structure_checks.py: "Tagged: yes", the
# headings agree with the outline, table cells under their headers, every
# figure with its alternative text, the charts' naming every activity and
# risk, every page's text reachable from the tree in pdftotext's order,
# running headers and page numbers as artifacts); links carry their text
# and their place in the tree.
source "$(dirname "$0")/lib/check.sh"
structure="python3 $src/tests/e2e/lib/structure_checks.py"
if ! command -v node >/dev/null || ! test -d "$src/tests/pdfjs/node_modules/pdfjs-dist"; then
  echo "FAIL: pdf.js is not installed (scripts/setup-deps.sh runs npm ci in tests/pdfjs)"; exit 1
fi

for plan in frankfurt-yokohama marseille-kobe; do
  "$ucap" render "$src/samples/plans/$plan.xml" --out-dir "$work" 2>"$work/out"
  check "$plan renders without warnings" grep -qx "ucap: 1 file, 0 errors, 0 warnings, 2 PDFs written" "$work/out"
  for lang in en ja; do
    check "$plan.$lang structure" $structure "$work/$plan.$lang.pdf" --plan "$src/samples/plans/$plan.xml" --lang $lang
  done
  "$ucap" render "$src/samples/plans/$plan.xml" --lang both --out-dir "$work" 2>/dev/null
  check "$plan.en-ja structure" $structure "$work/$plan.en-ja.pdf" --plan "$src/samples/plans/$plan.xml" --lang en-ja
done

# The bilingual edition: each language's parts say their language.
links="/usr/bin/python3 $src/tests/e2e/lib/link_checks.py"
check "bilingual: parts in English and Japanese" test "$($links "$work/frankfurt-yokohama.en-ja.pdf" --langs)" = "en ja"

# Every link annotation: printable, with its text and a Link element
# holding it (the contents page's internal links too).
for pdf in frankfurt-yokohama.en frankfurt-yokohama.ja marseille-kobe.en-ja; do
  check "$pdf: links tagged" $links "$work/$pdf.pdf"
done
pdfinfo -struct-text "$work/frankfurt-yokohama.en.pdf" >"$work/fy.txt"
check "contents entries are TOCI > Link with the annotation" \
  bash -c "grep -A3 '^    TOCI' '$work/fy.txt' | grep -A2 '      Link' | grep -q '\"1. Objectives'"

# Progress reports: generated tables and the SDG-coverage chart.
"$ucap" render "$src"/samples/reports/meeting-6.*.xml "$src"/samples/reports/meeting-3.*.xml --out-dir "$work/r" 2>/dev/null
for report in meeting-6.en meeting-6.ja meeting-3.en meeting-3.ja; do
  check "$report structure" $structure "$work/r/$report.pdf" --lang "${report##*.}"
done
pdfinfo -struct-text "$work/r/meeting-6.en.pdf" >"$work/m6.txt"
check "report: the SDG coverage is a Figure" grep -q "^  Figure" "$work/m6.txt"
check "report: the status table has its header" grep -q "THead" "$work/m6.txt"
# The chart's /Alt, from the plans' data: each pairing with its goals, or
# what stands in its row.
pdfjs_alt() { node "$src/tests/e2e/lib/pdfjs_structure.mjs" "$1" | grep -o '"alt":"[^"]*"'; }
check "report: the SDG chart's /Alt" bash -c "$(declare -f pdfjs_alt); src='$src'; pdfjs_alt '$work/r/meeting-6.en.pdf' |
  grep -q 'SDG goals addressed by the plans of 10 pairings: Frankfurt – Yokohama, goals 7, 13, 17; Essen – Koriyama, goals 4, 7, 9, 11;'"
check "report: the SDG chart's /Alt in Japanese" bash -c "$(declare -f pdfjs_alt); src='$src'; pdfjs_alt '$work/r/meeting-3.ja.pdf' |
  grep -q 'フランクフルト・横浜市、目標7、13、17。.*マルセイユ・神戸市、計画なし'"

# A figure's alternative text: its alt (the sample's, in English) in the
# English PDF; an image without alt is a warning and its caption stands in;
# with no caption either it is an error and nothing is rendered.
check "Figure /Alt from img alt" $structure "$work/frankfurt-yokohama.en.pdf"
mkdir -p "$work/alt/figures"
cp "$src/samples/plans/figures/tohoku-supply.png" "$work/alt/figures/"
sed 's| xml:lang="en" alt="[^"]*"||' "$src/samples/plans/frankfurt-yokohama.xml" >"$work/alt/no-alt.xml"
python3 - "$work/alt/no-alt.xml" "$work/alt/no-caption.xml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(re.sub(r'(<img src="figures/tohoku-supply.png"/>)(\s*<caption[^\n]*\n)+', r"\1\n", text))
PY
"$ucap" render "$work/alt/no-alt.xml" --lang en -o "$work/alt/no-alt.pdf" 2>"$work/alt/out"
check "no alt: a warning at the img" grep -qx "$work/alt/no-alt.xml:91:9: warning\[UCAP089\]: <img> has no alt; its caption stands in for a screen reader (add alt=\"…\" saying what the image shows, in the figure's language)" "$work/alt/out"
check "no alt: the caption is the Figure's /Alt" \
  bash -c "node '$src/tests/e2e/lib/pdfjs_structure.mjs' '$work/alt/no-alt.pdf' | grep -q '\"alt\":\"The twelve partner municipalities in Tohoku (green)'"
"$ucap" render "$work/alt/no-caption.xml" --lang en -o "$work/alt/no-caption.pdf" 2>"$work/alt/out2"
check "no alt, no caption: an error, exit 1" test $? -eq 1
check "no alt, no caption: at the img" grep -q "no-caption.xml:91:9: error\[UCAP089\]: <img> has neither alt nor a caption" "$work/alt/out2"
check "no alt, no caption: no PDF" test ! -e "$work/alt/no-caption.pdf"

# Bytes repeat with the structure.
"$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang en -o "$work/again.pdf" 2>/dev/null
check "same bytes twice" cmp -s "$work/again.pdf" "$work/frankfurt-yokohama.en.pdf"
finish
