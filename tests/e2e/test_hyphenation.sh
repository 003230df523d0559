#!/usr/bin/env bash
# English hyphenation as a reader sees it: the long English fixture and
# every sample's English PDF hyphenated only in body words (never in a
# heading, a URL, an e-mail address, a number or a link), never three
# hyphenated lines in a row, a word's tail alone on a last line only
# where nothing else avoids a loose line;
# the added hyphen is in no reader's text, so a broken word reads whole:
# poppler reads its empty /ActualText, MuPDF and pdf.js (which ignore
# /ActualText) its own CID's ToUnicode, U+00AD (pdf.js drops it, MuPDF
# keeps an invisible soft hyphen at the line end). The reader's checks (every paragraph in order in the
# text layer) hold with hyphenation on. The word-space targets of the
# README ("Typesetting") hold on every sample.
source "$(dirname "$0")/lib/check.sh"
hyphenation_checks="python3 $src/tests/e2e/lib/hyphenation_checks.py"
pdf_checks="python3 $src/tests/e2e/lib/pdf_checks.py"
fixture=$src/tests/fixtures/hyphenation/long-english.xml

"$ucap" render "$fixture" --lang en -o "$work/long.pdf" 2>/dev/null
check "long fixture rendered" test -s "$work/long.pdf"
check "long fixture: hyphenation as a reader sees it" \
  $hyphenation_checks "$work/long.pdf" "$fixture" --min-breaks 40 --lone-tails 1
check "long fixture: reader checks" $pdf_checks "$work/long.pdf" "$fixture" en
text=$(pdftotext -raw "$work/long.pdf" - | tr '\n' ' ')
for protected in "https://example.org/urban-cooperation/documentation" "secretariat@example.org" "1,250,000"; do
  check "long fixture: $protected whole" grep -qF "$protected" <<<"${text// /}"
done
# The headings' text has long words too; none is broken.
check "long fixture: heading whole" grep -q "^Interdisciplinary Decarbonisation and$" <(pdftotext -raw "$work/long.pdf" -)

"$ucap" render "$src"/samples/plans/*.xml --lang en --out-dir "$work/s" 2>/dev/null
for plan in "$src"/samples/plans/*.xml; do
  name=$(basename "$plan" .xml)
  # One bratislava list item ("… transparent information.") is one word
  # too long for its line: "inform-" / "ation." or a loose line.
  lone=0; [ "$name" = bratislava-tokorozawa ] && lone=1
  check "$name: hyphenation as a reader sees it; word spaces" \
    $hyphenation_checks "$work/s/$name.en.pdf" "$plan" --spaces --lone-tails $lone
done
finish
