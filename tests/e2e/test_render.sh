#!/usr/bin/env bash
# `ucap render` as a user runs it: every sample in en, ja and the bilingual
# edition (--lang both) passes the reader's checks (text in order, kinsoku, no overflow, fonts subset, no
# poppler warning, outline); bytes repeat; outputs land where promised;
# invalid plans are not rendered; missing glyphs and unwritable outputs
# give their diagnostics.
source "$(dirname "$0")/lib/check.sh"
pdf_checks="python3 $src/tests/e2e/lib/pdf_checks.py"

# 1. All samples, each language and the bilingual edition, with the
# reader's checks (for en-ja: both languages' text in order, section by
# section, the outline in both).
"$ucap" render "$src"/samples/plans/*.xml --out-dir "$work/a" 2>"$work/out"
check "samples exit 0" test $? -eq 0
check "samples summary" grep -qx "ucap: 10 files, 0 errors, 0 warnings, 20 PDFs written" "$work/out"
"$ucap" render "$src"/samples/plans/*.xml --lang both --out-dir "$work/a" 2>"$work/out"
check "bilingual samples summary" grep -qx "ucap: 10 files, 0 errors, 0 warnings, 10 PDFs written" "$work/out"
for plan in "$src"/samples/plans/*.xml "$src"/tests/fixtures/render/{stress,tall-row,tall-header}.xml; do
  name=$(basename "$plan" .xml)
  [ -f "$work/a/$name.en.pdf" ] || "$ucap" render "$plan" --out-dir "$work/a" 2>/dev/null
  [ -f "$work/a/$name.en-ja.pdf" ] || "$ucap" render "$plan" --lang both --out-dir "$work/a" 2>/dev/null
  for lang in en ja en-ja; do
    check "$name.$lang reader checks" $pdf_checks "$work/a/$name.$lang.pdf" "$plan" "$lang"
  done
done

# 1b. A table row taller than a page is cut between lines: every step of its
# long cell in order (the reader's checks above), the header row on each page
# the table is on, the cut row's neighbour and the row after it kept.
text=$(pdftotext -raw "$work/a/tall-row.en.pdf" -)
check "tall row: header repeated" test "$(grep -c 'Item Description Cost$' <<<"$text")" -eq 2
steps=$(tr '\n' ' ' <<<"$text" | grep -o 'Step [0-9][0-9]' | cut -c6- | paste -sd' ')
check "tall row: 60 steps in order" test "$steps" = "$(seq -w 1 60 | paste -sd' ')"
check "tall row: last row" grep -q "^Closing event The last row, after the tall one. 3,500$" <<<"$text"
check "tall row: ja header repeated" test "$(pdftotext -raw "$work/a/tall-row.ja.pdf" - | grep -c '項目 内容 費用$')" -eq 3  # three pages in ja

# 1b'. A header taller than half a page is set once and cut like a row (its
# text and the body row's, every character in order: the reader's checks
# above): not repeated on the pages the table continues on.
text=$(pdftotext -raw "$work/a/tall-header.en.pdf" -)
steps=$(tr '\n' ' ' <<<"$text" | grep -o 'Step [0-9][0-9]' | cut -c6- | paste -sd' ')
check "tall header: its 60 steps, then the row's" test "$steps" = "$(seq -w 1 60 | paste -sd' ') $(seq -w 1 60 | paste -sd' ')"
check "tall header: set once" test "$(grep -c '^Item Cost$' <<<"$text")" -eq 1
check "tall header (ja): set once" test "$(pdftotext -raw "$work/a/tall-header.ja.pdf" - | grep -c '^項目 費用$')" -eq 1

# 1c. Nothing lost, and the check says what: one character of a source
#     changed, the check names it, its element's position and what the PDF
#     has instead.
sed 's/本計画の目的は次のとおりである。/本計画の目的は次の通りである。/' "$src/samples/plans/ancona-ikoma.xml" >"$work/changed.xml"
$pdf_checks "$work/a/ancona-ikoma.ja.pdf" "$work/changed.xml" ja >"$work/out"
check "a lost character is named with its position" grep -qxF "$work/a/ancona-ikoma.ja.pdf: text: $work/changed.xml:33:5: <p> loses character 10 of 15, '通' (U+901A) after '本計画の目的は次の'; the PDF has 'と' (U+3068) there" "$work/out"

# 1d. Figures: the PNG and the JPEG of two samples are in the PDF at their
# pixel size (both as they are: the PNG's compressed rows under the PNG
# predictor, the JPEG's DCT data), one object drawn twice in the bilingual
# edition; the reader's checks above place them in the column with their
# caption below. A missing image is a diagnostic at its src, and no PDF.
images() { pdfimages -list "$1" | awk 'NR > 2 {print $1, $4, $5, $9, $11}' | paste -sd';'; }
check "png figure" test "$(images "$work/a/frankfurt-yokohama.en.pdf")" = "3 480 300 image 50"
check "png figure: rgb, 8 bits, its own 2880 bytes" \
  test "$(pdfimages -list "$work/a/frankfurt-yokohama.en.pdf" | awk 'NR > 2 {print $6, $7, $8, $15}')" = "rgb 3 8 2880B"
pdfimages "$work/a/frankfurt-yokohama.en.pdf" "$work/figure"
python3 - "$src/samples/plans/figures/tohoku-supply.png" "$work/figure-000.ppm" "$work/a/frankfurt-yokohama.en.pdf" <<'PY'
import sys, zlib, struct
# The pixels poppler extracts are the PNG's: its rows (unfiltered, as
# make-sample-figures.py writes them) behind a PPM header; its image data
# is in the PDF byte for byte.
png, ppm, pdf = (open(path, "rb").read() for path in sys.argv[1:])
width, height = struct.unpack(">II", png[16:24])
start = png.find(b"IDAT") - 4
idat = png[start + 8:start + 8 + struct.unpack(">I", png[start:start + 4])[0]]
raw, stride = zlib.decompress(idat), 1 + 3 * width
rows = [raw[y * stride:(y + 1) * stride] for y in range(height)]
assert all(row[0] == 0 for row in rows), "the sample's rows are expected unfiltered"
assert ppm == b"P6\n%d %d\n255\n" % (width, height) + b"".join(row[1:] for row in rows), "pixels differ"
assert idat in pdf, "the PNG's image data is not in the PDF as it is"
PY
check "png figure: pixels as the PNG's, its data as it is" test $? -eq 0
check "jpeg figure" test "$(images "$work/a/marseille-kobe.ja.pdf")" = "2 640 400 jpeg 45"
check "png figure once in the bilingual edition" test "$(images "$work/a/frankfurt-yokohama.en-ja.pdf" | tr ';' '\n' | cut -d' ' -f2-5 | sort -u)" = "480 300 image 73"
# (on two lines: a centred caption keeps its natural word spaces)
check "caption in the text layer" grep -q "Figure: The twelve partner municipalities in Tohoku (green) and the electricity they can supply to Yokohama (blue)" <(pdftotext -raw "$work/a/frankfurt-yokohama.en.pdf" - | tr '\n' ' ')
mkdir -p "$work/fig"
sed 's#figures/kobe-harbour.jpg#figures/harbour.jpg#' "$src/samples/plans/marseille-kobe.xml" >"$work/fig/port.xml"
"$ucap" render "$work/fig/port.xml" 2>"$work/out"
check "missing image exit 1" test $? -eq 1
check "missing image diagnostic" grep -q "^$work/fig/port.xml:46:17: error\[UCAP081\]: image 'figures/harbour.jpg' does not exist" "$work/out"
check "missing image: no PDF" test -z "$(find "$work/fig" -name '*.pdf')"
mkdir -p "$work/fig/figures" && cp "$src/samples/plans/figures/kobe-harbour.jpg" "$work/fig/figures/harbour.jpg"
"$ucap" render "$work/fig/port.xml" --lang en 2>/dev/null
python3 - "$src/samples/plans/figures/tohoku-supply.png" "$work/fig/figures/harbour.jpg" <<'PY'
import sys, zlib, struct
# A PNG whose image data is not deflate, with right CRCs: its header is
# fine (validation passes), decoding it is not.
png = open(sys.argv[1], "rb").read()
start = png.find(b"IDAT") - 4
end = start + 12 + struct.unpack(">I", png[start:start + 4])[0]
data = b"\x78\x9c" + b"\x55" * 64
idat = struct.pack(">I", len(data)) + b"IDAT" + data + struct.pack(">I", zlib.crc32(b"IDAT" + data))
open(sys.argv[2].replace("harbour.jpg", "broken.png"), "wb").write(png[:start] + idat + png[end:])
PY
sed 's#figures/harbour.jpg#figures/broken.png#' "$work/fig/port.xml" >"$work/fig/broken.xml"
"$ucap" validate "$work/fig/broken.xml" >/dev/null 2>&1
check "damaged PNG: header valid" test $? -eq 0
"$ucap" render "$work/fig/broken.xml" --lang en 2>"$work/out"
check "damaged PNG: exit 1, no crash" test $? -eq 1
check "damaged PNG diagnostic" grep -q "^$work/fig/broken.xml:46:17: error\[UCAP082\]: image 'figures/broken.png' is a damaged PNG: its image data cannot be decompressed" "$work/out"
check "damaged PNG: no PDF" test ! -e "$work/fig/broken.en.pdf"
# A lossless JPEG (SOF3): a whole JPEG, but not one a PDF can show.
python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[d.find(b"\xff\xc0") + 1] = 0xC3; open(sys.argv[2], "wb").write(d)' \
  "$src/samples/plans/figures/kobe-harbour.jpg" "$work/fig/figures/lossless.jpg"
sed 's#figures/harbour.jpg#figures/lossless.jpg#' "$work/fig/port.xml" >"$work/fig/lossless.xml"
"$ucap" render "$work/fig/lossless.xml" --lang en 2>"$work/out"
check "lossless JPEG diagnostic" grep -q "^$work/fig/lossless.xml:46:17: error\[UCAP082\]: image 'figures/lossless.jpg' is a JPEG that a PDF cannot show: its frame type (SOF3) is not baseline or progressive" "$work/out"
check "image beside the plan's copy" test "$(images "$work/fig/port.en.pdf")" = "$(images "$work/a/marseille-kobe.en.pdf")"
# An interlaced PNG with alpha (libharu 2.3.0's reader freed memory twice on
# one and aborted): decoded, drawn with its soft mask.
python3 - "$work/fig/figures/interlaced.png" <<'PY'
import sys, zlib, struct
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
width, height = 40, 24
pixel = lambda x, y: bytes((x * 6, y * 10, 120, 255 if (x // 8 + y // 8) % 2 else 60))
raw = b""
for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
    for y in range(y0, height, dy):
        raw += b"\0" + b"".join(pixel(x, y) for x in range(x0, width, dx))
header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 1)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
                              + chunk(b"IEND", b""))
PY
sed 's#figures/harbour.jpg#figures/interlaced.png#' "$work/fig/port.xml" >"$work/fig/interlaced.xml"
"$ucap" render "$work/fig/interlaced.xml" --lang en 2>"$work/out"
check "interlaced PNG with alpha: exit 0" test $? -eq 0
check "interlaced PNG with alpha: image and soft mask" \
  test "$(pdfimages -list "$work/fig/interlaced.en.pdf" | awk 'NR > 2 {print $3, $4, $5, $6, $8}' | paste -sd';')" = "image 40 24 rgb 8;smask 40 24 gray 8"
check "interlaced PNG with alpha: qpdf --check" qpdf --check "$work/fig/interlaced.en.pdf" >/dev/null

# 2. The same input gives the same bytes.
"$ucap" render "$src"/samples/plans/*.xml --out-dir "$work/b" 2>/dev/null
"$ucap" render "$src"/samples/plans/*.xml --lang both --out-dir "$work/b" 2>/dev/null
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

# 4b. The bilingual edition: NAME.en-ja.pdf, titles of both in the info,
# /Lang of the first; a plan in one language has no bilingual edition.
"$ucap" render "$work/plan.xml" --lang both -o "$work/both.pdf" 2>/dev/null
check "-o with --lang both" cmp -s "$work/both.pdf" "$work/a/essen-koriyama.en-ja.pdf"
info=$(pdfinfo "$work/a/frankfurt-yokohama.en-ja.pdf")
check "bilingual info title" grep -q "^Title: *Zero Carbon Yokohama: .* / ゼロカーボン・ヨコハマ：" <<<"$info"
sed -E -e 's/languages="en ja"/languages="en"/' -e 's#<([a-z]+) xml:lang="ja">[^<]*</\1>##g' \
  "$src/tests/fixtures/plans/minimal.xml" >"$work/en-only.xml"
"$ucap" render "$work/en-only.xml" --lang en 2>/dev/null
check "one-language plan renders" test -s "$work/en-only.en.pdf"
"$ucap" render "$work/en-only.xml" --lang both 2>"$work/out"
check "one-language plan: no bilingual edition" grep -q "error\[UCAP062\]: cannot render Japanese" "$work/out"
check "one-language plan: no bilingual file" test ! -e "$work/en-only.en-ja.pdf"
"$ucap" render "$src/samples/reports/meeting-3.en.xml" --lang both --out-dir "$work/report" 2>"$work/out"
check "report: no bilingual edition" grep -q "meeting-3.en.xml:3:68: error\[UCAP065\]: a progress report is rendered in one language at a time" "$work/out"
check "report: no bilingual file" test -z "$(ls "$work/report" 2>/dev/null)"

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
# The character itself in all three text readers: poppler reads the
# stand-in's /ActualText, MuPDF and pdf.js its own CID's ToUnicode.
pdftotext "$work/glyph.ja.pdf" "$work/glyph.poppler.txt"
mutool draw -q -F txt -o "$work/glyph.mupdf.txt" "$work/glyph.ja.pdf" 2>/dev/null
node "$src/tests/e2e/lib/pdfjs_text.mjs" "$work/glyph.ja.pdf" >"$work/glyph.pdfjs.txt"
for reader in poppler mupdf pdfjs; do
  check "missing glyph: the character in $reader's text" grep -q $'目的\uE000。' "$work/glyph.$reader.txt"
done
# Found once by layout, reported once: the bilingual edition draws the box in
# its Japanese part and warns once, at the same place.
"$ucap" render "$work/glyph.xml" --lang both 2>"$work/out"
check "missing glyph bilingual exit 0" test $? -eq 0
check "missing glyph warned once" test "$(grep -c 'UCAP060' "$work/out")" -eq 1
check "missing glyph bilingual warning" grep -q "$work/glyph.xml:25:22: warning\[UCAP060\]: no font has the character U+E000" "$work/out"

# 7. An output that cannot be written: exit 2, a diagnostic, no stray file.
: >"$work/not-a-folder"
"$ucap" render "$work/plan.xml" --lang en -o "$work/not-a-folder/plan.pdf" 2>"$work/out"
check "unwritable exit 2" test $? -eq 2
check "unwritable diagnostic" grep -q "error\[UCAP063\]: cannot write the PDF" "$work/out"
check "no temporary left" test -z "$(find "$work" -maxdepth 1 -name ".*.pdf.*")"

finish
