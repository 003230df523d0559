#!/usr/bin/env bash
# `ucap validate` as a user runs it: the samples are clean; a broken copy of
# a plan gets every finding at its exact position in one run; I/O problems
# exit 2; JSON output is one object per line; progress reports find their
# roster and plans relative to themselves.
source "$(dirname "$0")/lib/check.sh"

# 1. Every sample is clean against the roster.
"$ucap" validate "$src"/samples/plans/*.xml "$src/samples/roster.xml" --roster "$src/samples/roster.xml" 2>"$work/out"
check "samples exit 0" test $? -eq 0
check "samples summary" grep -qx "ucap: 11 files, 0 errors, 0 warnings" "$work/out"

# 2. A broken copy: section removed, sections swapped, bad SDG target, end
#    before start, Japanese title missing — all found, in order, with positions.
python3 - "$src/samples/plans/bratislava-tokorozawa.xml" "$work/broken.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
a = s.index('  <section ref="risks">'); b = s.index('</section>\n', a) + len('</section>\n')
s = s[:a] + s[b:]
s = s.replace('<section ref="objectives">', '<section ref="TMP">', 1)
s = s.replace('<section ref="context">', '<section ref="objectives">', 1)
s = s.replace('<section ref="TMP">', '<section ref="context">', 1)
s = s.replace('<target id="11.7"/>', '<target id="11.8"/>', 1)
s = s.replace('start="2020-03" end="2021-06"', 'start="2021-09" end="2021-06"', 1)
s = re.sub(r'\n\s*<title xml:lang="ja">[^<]*</title>', '', s, count=1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
"$ucap" validate "$work/broken.xml" --roster "$src/samples/roster.xml" 2>"$work/out"
check "broken exit 1" test $? -eq 1
sed "s|$work/||" "$work/out" > "$work/got"
cat > "$work/want" <<'WANT'
broken.xml:4:3: error[UCAP041]: no Japanese <title>: it is required in every declared language (add <title xml:lang="ja">)
broken.xml:19:17: error[UCAP031]: SDG target '11.8' does not exist (goal 11 has targets 11.1–11.7, 11.a–11.c)
broken.xml:62:3: error[UCAP015]: section 'objectives' (1. Objectives) is out of order: it must come before 'context' (2. City context and description of the city's sustainable urban development challenge(s))
broken.xml:117:56: error[UCAP034]: activity ends (2021-06) before it starts (2021-09)
broken.xml:218:3: error[UCAP012]: section 'risks' (6. Risk analysis) is missing; it is required by template 'ucap'
ucap: 1 file, 5 errors, 0 warnings
WANT
check "broken findings" diff -u "$work/want" "$work/got"

# 3. JSON lines on stdout.
"$ucap" validate "$work/broken.xml" --diagnostics=json >"$work/json" 2>/dev/null
check "json exit 1" test $? -eq 1
check "json lines" test "$(wc -l < "$work/json")" -eq 5
check "json fields" python3 -c "
import json,sys
rows=[json.loads(l) for l in open('$work/json')]
assert rows[1]=={'file':'$work/broken.xml','line':19,'column':17,'severity':'error','code':'UCAP031','message':\"SDG target '11.8' does not exist (goal 11 has targets 11.1–11.7, 11.a–11.c)\"}, rows[1]"

# 4. Files that cannot be read exit 2 with one diagnostic each.
"$ucap" validate "$work/nope.xml" 2>"$work/out"
check "missing exit 2" test $? -eq 2
check "missing message" grep -qx "$work/nope.xml: error\[UCAP001\]: file does not exist" "$work/out"
"$ucap" validate "$work" 2>"$work/out"
check "directory exit 2" test $? -eq 2
: > "$work/empty.xml"
"$ucap" validate "$work/empty.xml" 2>"$work/out"
check "empty exit 1" test $? -eq 1
check "empty message" grep -q "error\[UCAP004\]: file is empty" "$work/out"
printf '<action-plan>\n  <title>unclosed\n</action-plan>\n' > "$work/bad.xml"
"$ucap" validate "$work/bad.xml" 2>"$work/out"
check "malformed exit 1" test $? -eq 1
check "malformed one finding" grep -qx "$work/bad.xml:3:3: error\[UCAP005\]: not well-formed XML: start-end tags mismatch" "$work/out"

# 5. Usage errors exit 2.
"$ucap" validate 2>/dev/null
check "no file exit 2" test $? -eq 2
"$ucap" validate --diagnostics=xml "$work/bad.xml" 2>/dev/null
check "bad option exit 2" test $? -eq 2

# 6. Progress reports: the samples are clean; a copy away from its roster
#    and plans gets one finding at each href; a bad plan in the plans folder
#    never makes a report invalid; a meeting the roster lacks is named.
"$ucap" validate "$src"/samples/reports/*.xml 2>"$work/out"
check "reports exit 0" test $? -eq 0
check "reports summary" grep -qx "ucap: 4 files, 0 errors, 0 warnings" "$work/out"
mkdir -p "$work/reports"
cp "$src/samples/reports/meeting-6.en.xml" "$work/reports/moved.xml"  # reads ../plans/
"$ucap" validate "$work/reports/moved.xml" 2>"$work/out"
check "moved report exit 1" test $? -eq 1
sed "s|$work/||g" "$work/out" > "$work/got"
cat > "$work/want" <<'WANT'
reports/moved.xml:8:17: error[UCAP070]: cannot read the roster '../roster.xml': file does not exist (looked for roster.xml; the href is relative to the report's folder)
reports/moved.xml:9:16: error[UCAP071]: the plans folder '../plans/' does not exist (looked for plans/; the href is relative to the report's folder)
ucap: 1 file, 2 errors, 0 warnings
WANT
check "moved report findings" diff -u "$work/want" "$work/got"
cp "$src/samples/roster.xml" "$work/roster.xml"
mkdir -p "$work/plans"
printf '<action-plan>\n  <title>unclosed\n</action-plan>\n' > "$work/plans/broken.xml"
"$ucap" validate "$work/reports/moved.xml" 2>"$work/out"
check "bad plan does not block the report" test $? -eq 0
sed 's/<meeting n="3"\/>/<meeting n="9"\/>/' "$src/samples/reports/meeting-3.en.xml" > "$work/reports/meeting-9.xml"
"$ucap" validate "$work/reports/meeting-9.xml" 2>"$work/out"
check "unknown meeting exit 1" test $? -eq 1
check "unknown meeting message" grep -qx "$work/reports/meeting-9.xml:6:15: error\[UCAP073\]: meeting 9 is not in the roster $work/roster.xml (the roster lists meetings 1, 2, 3, 4, 5, 6)" "$work/out"

finish
