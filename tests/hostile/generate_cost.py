#!/usr/bin/env python3
"""Writes the inputs of tests/e2e/test_hostile_cost.sh: plans whose cost
must stay bounded by their size, each at a size the caller chooses so that
the test can compare a size n with 2n.

Usage: generate_cost.py SOURCE_DIR OUT_DIR KIND N
  timeline-span N   N activities, one from 0001-01 to 9999-12 (invalid: UCAP048)
  timeline-far N    N activities, the first in year 1, the last in year 9999 (valid)
  languages N       languages="en ja" followed by N repetitions of " xx"
  tall-row N        a table with one row whose cell holds N short lines
  paragraph N       the same N lines as one paragraph's text
  off-page N        lists nested N deep, N risks in each of two cells of the
                    risk matrix, and a figure (figure.png, supplied by
                    the caller) whose caption is 5N sentences long
"""
import os
import sys

CONTEXT_END = '    <p xml:lang="ja">状況。</p>\n'
ACTIVITIES = '''    <activity id="tree-inventory" start="2020-01" end="2020-12" budget="45000" currency="EUR">
      <title xml:lang="en">Digital tree inventory</title>
      <title xml:lang="ja">デジタル樹木台帳</title>
    </activity>
'''


def activity(i, start, end):
    return (f'    <activity id="a{i}" start="{start}" end="{end}">\n'
            f'      <title xml:lang="en">Activity {i}</title>\n'
            f'      <title xml:lang="ja">活動{i}</title>\n    </activity>\n')


def main():
    source, out, kind, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(os.path.join(source, "tests/fixtures/plans/minimal.xml"), encoding="utf-8") as f:
        plan = f.read()
    if kind == "timeline-span":
        body = activity(0, "0001-01", "9999-12") + "".join(activity(i, "2020-01", "2021-06") for i in range(1, n))
        plan = plan.replace(ACTIVITIES, body, 1)
    elif kind == "timeline-far":
        body = (activity(0, "0001-01", "0001-12") + "".join(activity(i, "2020-01", "2021-06") for i in range(1, n - 1))
                + activity(n - 1, "9999-01", "9999-12"))
        plan = plan.replace(ACTIVITIES, body, 1)
    elif kind == "languages":
        plan = plan.replace('languages="en ja"', 'languages="en ja' + " xx" * n + '"', 1)
    elif kind == "tall-row":
        lines = "<br/>".join(f"Line {i}" for i in range(n))
        plan = plan.replace(CONTEXT_END, CONTEXT_END + f'    <table><tr><td>{lines}</td></tr></table>\n', 1)
    elif kind == "paragraph":
        lines = "<br/>".join(f"Line {i}" for i in range(n))
        plan = plan.replace(CONTEXT_END, CONTEXT_END + f'    <p>{lines}</p>\n', 1)
    elif kind == "off-page":
        nested = "".join(f"<ul><li>Level {i} item" for i in range(n)) + "</li></ul>" * n
        caption = " ".join(f"Sentence {i} of a caption that goes on and on." for i in range(5 * n))
        figure = f'<figure><img src="figure.png"/><caption>{caption}</caption></figure>'
        plan = plan.replace(CONTEXT_END, CONTEXT_END + "    " + nested + "\n    " + figure + "\n", 1)
        impacts = ("high", "medium")  # 1, 3, 5 … in one cell, 2, 4, 6 … in the next: no ranges
        risks = "".join(f'    <risk likelihood="high" impact="{impacts[i % 2]}"><title xml:lang="en">Risk {i}</title>'
                        f'<title xml:lang="ja">リスク{i}</title></risk>\n' for i in range(2 * n))
        plan = plan.replace('  <section ref="risks">\n', '  <section ref="risks">\n' + risks, 1)
    else:
        sys.exit(f"unknown kind {kind}")
    with open(os.path.join(out, f"{kind}-{n}.xml"), "w", encoding="utf-8") as f:
        f.write(plan)


main()
