#!/usr/bin/env bash
# Rendering under hostile conditions (issue 8): fonts missing or broken, an
# output folder that cannot be written, a disk that fills up mid-PDF, and
# text that is enormous or unbreakable. Each ends in its documented
# diagnostic and exit status, never a crash, a hang or a half-written PDF.
source "$(dirname "$0")/lib/check.sh"
checks=$src/tests/e2e/lib/pdf_checks.py
plan=$src/samples/plans/frankfurt-yokohama.xml

# No PDF and no temporary file ('.NAME.pdf.XXXXXX') in a folder.
no_pdf_in() { test -z "$(find "$1" -maxdepth 1 -name '*.pdf*')"; }
no_temp_in() { test -z "$(find "$1" -maxdepth 1 -name '.*.pdf.*')"; }

# 1. The font setup: a data folder like the real one with one thing broken.
data=$work/data
mkdir -p "$data/fonts" "$work/fonts-out"
cp -r "$src/templates" "$data/"
manifest=$data/fonts/manifest.xml
render_with_manifest() {  # NAME: renders with $manifest, leaves stderr in $work/out
  UCAP_DATA_DIR=$data "$ucap" render "$plan" --lang ja -o "$work/fonts-out/$1.pdf" 2>"$work/out"
}
sed 's#<file>/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf</file>#<file>missing/ipaexm.ttf</file>#;
     s#<file>/usr/share/fonts/truetype/fonts-japanese-mincho.ttf</file>##' "$src/fonts/manifest.xml" > "$manifest"
line=$(grep -n '<face id="ipaex-mincho">' "$manifest" | cut -d: -f1)
render_with_manifest missing-font
check "missing font: exit 2" test $? -eq 2
check "missing font: UCAP088 at its <face>" grep -qxF "ucap: $manifest:$line:3: error[UCAP088]: font file for face 'ipaex-mincho' not found (looked for $data/fonts/missing/ipaexm.ttf); install the font or edit $manifest" "$work/out"

head -c 3000 /dev/urandom > "$data/fonts/garbage.ttf"
sed 's#<file>/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf</file>#<file>garbage.ttf</file>#' \
  "$src/fonts/manifest.xml" > "$manifest"
render_with_manifest not-a-font
check "not a font: exit 2" test $? -eq 2
check "not a font: UCAP088" grep -qF "ucap: $manifest:$line:3: error[UCAP088]: font file $data/fonts/garbage.ttf is not a usable TrueType font" "$work/out"

head -c 1000 /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf > "$data/fonts/cut.ttf"
sed 's#<file>/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf</file>#<file>cut.ttf</file>#' \
  "$src/fonts/manifest.xml" > "$manifest"
render_with_manifest cut-font
check "cut font: exit 2" test $? -eq 2
check "cut font: UCAP088" grep -qF "ucap: $manifest:$line:3: error[UCAP088]: font file $data/fonts/cut.ttf is not a usable TrueType font" "$work/out"

printf '<font-manifest>\n  <face id="x">\n' > "$manifest"
render_with_manifest broken-manifest
check "broken manifest: exit 2" test $? -eq 2
check "broken manifest: UCAP087 with a position" grep -qE "^ucap: $manifest:[0-9]+:[0-9]+: error\[UCAP087\]: the font manifest is not well-formed XML" "$work/out"
rm -f "$manifest"
render_with_manifest no-manifest
check "no manifest: exit 2" test $? -eq 2
check "no manifest: UCAP087" grep -qxF "ucap: $manifest:0:0: error[UCAP087]: cannot read the font manifest" "$work/out"
check "font failures: no PDF, no temporary" no_pdf_in "$work/fonts-out"

# 2. An output folder nobody may write to (/proc refuses new files even to root).
"$ucap" render "$plan" --lang en -o /proc/ucap-plan.pdf 2>"$work/out"
check "unwritable folder: exit 2" test $? -eq 2
check "unwritable folder: UCAP063 with the reason" grep -qE "error\[UCAP063\]: cannot write the PDF: cannot create a temporary file in /proc: (Permission denied|No such file or directory)" "$work/out"

# 3. A disk that fills up while the PDF is written: the previous PDF stays
#    as it was, no temporary file is left. A real 32 KiB tmpfs when this
#    user may mount one, and always the write-failure shim (ENOSPC after
#    4 KiB), which needs no privilege.
full_disk_case() {  # LABEL FOLDER [env...]: renders twice into FOLDER, the second time on a full disk
  local label=$1 folder=$2; shift 2
  printf 'previous PDF\n' > "$folder/plan.pdf"
  env "$@" "$ucap" render "$plan" --lang en -o "$folder/plan.pdf" 2>"$work/out"
  check "$label: exit 2" test $? -eq 2
  check "$label: UCAP063 'No space left on device'" grep -qE "error\[UCAP063\]: cannot write the PDF: cannot write $folder/plan.pdf: No space left on device" "$work/out"
  check "$label: previous PDF kept" grep -qx 'previous PDF' "$folder/plan.pdf"
  check "$label: no temporary left" no_temp_in "$folder"
}
mkdir -p "$work/shim-full"
if [ -n "${UCAP_TEST_FULL_DISK_SHIM:-}" ]; then
  full_disk_case "full disk (shim)" "$work/shim-full" LD_PRELOAD="$UCAP_TEST_FULL_DISK_SHIM" \
    UCAP_FULL_DISK_DIR="$work/shim-full" ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
else
  check "full disk: UCAP_TEST_FULL_DISK_SHIM is set (run through ctest)" false
fi
mkdir -p "$work/tmpfs"
if mount -t tmpfs -o size=32k ucap-test "$work/tmpfs" 2>/dev/null; then
  full_disk_case "full disk (tmpfs)" "$work/tmpfs"
  umount "$work/tmpfs"
fi

# 4. Enormous and unbreakable text renders whole, in bounded time: a
#    100,000-character paragraph and one 5,000-character token, every
#    character in the text layer in order, nothing outside the column.
python3 "$src/tests/hostile/generate.py" "$src" "$work/hostile" >/dev/null
for name in long-paragraph long-token; do
  for lang in en ja; do
    pdf=$work/hostile/$name.$lang.pdf
    timeout 30 "$ucap" render "$work/hostile/$name.xml" --lang "$lang" -o "$pdf" 2>"$work/out"
    check "$name $lang: rendered within 30 s" test $? -eq 0
    check "$name $lang: whole text, no overflow" python3 "$checks" "$pdf" "$work/hostile/$name.xml" "$lang"
  done
done

finish
