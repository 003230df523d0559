#!/usr/bin/env bash
# Ideographic variation sequences as a reader sees them: each base drawn
# with the glyph IPAex Mincho's format-14 cmap gives for the pair (the
# glyph ids differ where the font distinguishes the forms), a sequence the
# font lacks drawn as its base silently, no missing-glyph warning for a
# selector, and the text layer keeping base + selector.
source "$(dirname "$0")/lib/check.sh"
fixture=$src/tests/fixtures/variation/ivs.xml

"$ucap" render "$fixture" --lang ja -o "$work/ivs.pdf" 2>"$work/err"
check "rendered" test -s "$work/ivs.pdf"
check "no warning (UCAP060) for a selector" test "$(grep -c UCAP060 "$work/err")" -eq 0
# The glyph ids of 辻 and 葛 in drawing order: 辻+E0100, 辻+E0101, 辻, 葛+E0100, 葛, 辻+E01EF.
glyphs=$(mutool trace "$work/ivs.pdf" 2>/dev/null | grep -E 'unicode="(辻|葛)"' | sed -E 's/.*glyph="([0-9]+)".*/\1/' | paste -sd' ')
read -r tsuji_e0100 tsuji_e0101 tsuji katsura_e0100 katsura tsuji_unknown <<<"$glyphs"
check "six glyphs drawn" test "$(wc -w <<<"$glyphs")" -eq 6
check "辻+E0100 and 辻+E0101 are different glyphs" test "$tsuji_e0100" != "$tsuji_e0101"
check "辻+E0101 is IPAex's default form, plain 辻's" test "$tsuji_e0101" = "$tsuji"
check "葛+E0100 is not plain 葛" test "$katsura_e0100" != "$katsura"
check "辻+E01EF (not in the font) falls back to plain 辻" test "$tsuji_unknown" = "$tsuji"
# pdftotext: base + selector, each sequence whole.
codes=$(pdftotext -enc UTF-8 "$work/ivs.pdf" - | grep "字形" | python3 -c 'import sys; print(" ".join("%X" % ord(c) for c in sys.stdin.read().strip()))')
check "text layer keeps base + selector" \
  test "$codes" = "8FBB E0100 3068 8FBB E0101 3068 8FBB 3068 845B E0100 3068 845B 3068 8FBB E01EF 306E 5B57 5F62 3002"
finish
