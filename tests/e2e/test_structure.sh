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
"$ucap" render "$src"/samples/reports/meeting-6.*.xml "$src"/samples/reports/meeting-3.en.xml --out-dir "$work/r" 2>/dev/null
for report in meeting-6.en meeting-6.ja meeting-3.en; do
  check "$report structure" $structure "$work/r/$report.pdf" --lang "${report##*.}"
done
pdfinfo -struct-text "$work/r/meeting-6.en.pdf" >"$work/m6.txt"
check "report: the SDG coverage is a Figure" grep -q "^  Figure" "$work/m6.txt"
check "report: the status table has its header" grep -q "THead" "$work/m6.txt"

# Bytes repeat with the structure.
"$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang en -o "$work/again.pdf" 2>/dev/null
check "same bytes twice" cmp -s "$work/again.pdf" "$work/frankfurt-yokohama.en.pdf"
finish
