#!/usr/bin/env bash
# --pdf-standard: every sample PDF claims exactly the standards asked for
# (ua-1,a-2a by default, ua-1, a-2a, none) and meets what the claims need
# beyond the page content (XMP agreeing with the Info dictionary, the sRGB
# OutputIntent, /DisplayDocTitle, a trailer /ID, the header); none writes
# the untagged PDF of before; a bad value is a usage error; the manifest
# records the choice. With ../shared/tools/uacheck.py beside the clone, its
# file, XMP, catalog-metadata, font and PDF/A checks pass on every sample.
source "$(dirname "$0")/lib/check.sh"
python=/usr/bin/python3  # Debian's, with python3-pikepdf
checker="$(dirname "$0")/lib/pdf_standard_check.py"

manifest_field() {  # manifest_field FILE PYTHON-EXPRESSION-OVER-m
  python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print($2)" "$1"
}

# 1. The samples in each choice: the claims and what they need.
for standard in ua-1,a-2a ua-1 a-2a none; do
  out="$work/$standard"
  "$ucap" batch "$src/samples" --out-dir "$out" --pdf-standard "$standard" 2>"$work/log"
  check "$standard: batch exits 1 (the draft only)" test $? -eq 1
  mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
  check "$standard: 38 PDFs" test "${#pdfs[@]}" -eq 38
  check "$standard: claims and metadata" "$python" "$checker" "$standard" "${pdfs[@]}" >"$work/claims"
  [ -s "$work/claims" ] && grep -v " 0 problems$" "$work/claims"
  check "$standard: manifest records it" test "$(manifest_field "$out/manifest.json" 'm["pdf_standard"]')" = "$standard"
done
check "default is ua-1,a-2a" \
  test "$("$ucap" batch "$src/samples/plans/frankfurt-yokohama.xml" --out-dir "$work/default" >/dev/null 2>&1;
          manifest_field "$work/default/manifest.json" 'm["pdf_standard"]')" = "ua-1,a-2a"
check "default gives the ua-1,a-2a bytes" cmp -s "$work/default/frankfurt-yokohama.en.pdf" "$work/ua-1,a-2a/plans/frankfurt-yokohama.en.pdf"
"$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang ja -o "$work/render-none.pdf" --pdf-standard none 2>/dev/null
check "render --pdf-standard none = batch's" cmp -s "$work/render-none.pdf" "$work/none/plans/frankfurt-yokohama.ja.pdf"
"$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang ja -o "$work/render-a.pdf" --pdf-standard a-2a 2>/dev/null
check "render --pdf-standard a-2a = batch's" cmp -s "$work/render-a.pdf" "$work/a-2a/plans/frankfurt-yokohama.ja.pdf"
check "the same input, the same bytes (the /ID too)" cmp -s "$work/render-a.pdf" \
  <("$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang ja -o - --pdf-standard a-2a 2>/dev/null)
check "pdfinfo reads the title the viewer shows" grep -q "^Title: *Zero Carbon Yokohama" \
  <(pdfinfo "$work/ua-1,a-2a/plans/frankfurt-yokohama.en.pdf")

# 2. Anything else is a usage error: exit 2, a message, no PDF.
for bad in "" UA-1 a-2b "ua-1,,a-2a" "none,ua-1" "pdf/a"; do
  "$ucap" render "$src/samples/plans/frankfurt-yokohama.xml" --lang en -o "$work/bad.pdf" --pdf-standard "$bad" 2>"$work/err"
  check "render --pdf-standard '$bad' exits 2" test $? -eq 2
  check "render --pdf-standard '$bad' says why" grep -q "pdf-standard.*must be ua-1,a-2a, ua-1, a-2a or none" "$work/err"
  check "render --pdf-standard '$bad' writes nothing" test ! -e "$work/bad.pdf"
done
"$ucap" batch "$src/samples/plans" --out-dir "$work/bad-batch" --pdf-standard ua-2 2>"$work/err"
check "batch --pdf-standard ua-2 exits 2" test $? -eq 2
check "batch --pdf-standard ua-2 says why" grep -q "must be ua-1,a-2a, ua-1, a-2a or none" "$work/err"
check "batch --pdf-standard ua-2 writes nothing" test ! -e "$work/bad-batch"

# 3. A character no font has: the character in the text layer, never glyph 0.
cp "$src/tests/fixtures/render/missing-glyph.xml" "$work/glyph.xml"
"$ucap" render "$work/glyph.xml" --lang ja -o "$work/glyph.pdf" 2>/dev/null
check "missing glyph: U+E000 in pdftotext's text" grep -q $'目的\uE000。' <(pdftotext "$work/glyph.pdf" -)

# 4. uacheck's checks of what this option writes (the structure tree's
# checks belong to the tagging and are not filtered in here).
uacheck="$src/../shared/tools/uacheck.py"
if [ -x "$uacheck" ]; then
  covered='^(file\.|xmp\.|fonts\.|catalog\.(metadata|display-doc-title|lang)$|pdfa\.(output-intent|device-colour|icc-based|transparency-group|filters|stream-keys|limits|graphics|actions|embedded-files|optional-content)$)'
  for pdf in $(find "$work/ua-1,a-2a" -name '*.pdf' | sort) "$work/glyph.pdf"; do
    "$uacheck" "$pdf" --json --no-pdfjs --no-text >"$work/uacheck.json" 2>&1
    not_passed=$(python3 -c '
import json, re, sys
checks = json.load(open(sys.argv[1]))["checks"]
mine = [c for c in checks if re.search(sys.argv[2], c["id"])]
print("only %d of the checks" % len(mine) if len(mine) < 30 else "",
      *("%s=%s" % (c["id"], c["status"]) for c in mine if c["status"] != "PASS"))
' "$work/uacheck.json" "$covered" 2>&1)
    check "uacheck ${pdf#$work/}: ${not_passed:-all PASS}" test -z "$not_passed"
  done
else
  echo "NOTE: $uacheck not found; uacheck's checks were not run"
fi

finish
