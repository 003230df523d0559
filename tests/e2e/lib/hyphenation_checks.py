#!/usr/bin/env python3
"""How a hyphenated English PDF reads, in poppler and MuPDF.

usage: hyphenation_checks.py PDF SOURCE.xml [--min-breaks N] [--lone-tails N] [--spaces]

A line that ends with a word broken by the layout (the fragment and the
next line's first word make a word of the source, which the source does
not write with a hyphen) is an added break. Prints one line per failure
and exits 1 if there is any:
  found     at least N added breaks (default 1)
  row       never three lines in a row end with an added break
  body      added breaks only in body text (body size, serif), never in
            a heading; only inside words of letters (no digits, URL or
            e-mail address), two letters at least before, three after
  last      a word's tail is alone on a paragraph's last line (the line
            after an added break neither flush with the column's right
            edge nor holding more than the tail) at most N times
            (--lone-tails N, default 0): the layout allows it only where
            the paragraph has no other way to avoid a loose line
  poppler   pdftotext -raw has the fragment without the added hyphen,
            the word's tail first on the next line: joined, one word
  spaces    with --spaces: on full body lines (mostly Latin letters, more
            than 20 characters, at the body size, 90 % of the column wide
            at least) the mean word space of a line, in ems: median at
            most 0.26, 95th percentile at most 0.31, none over 0.45 (the
            figures of the shared jatype.py, en_space_*)
  mupdf     mutool draw -F txt (MuPDF 1.21 ignores /ActualText and reads
            ToUnicode) ends the line "fragment" + U+00AD, the added
            hyphen's own CID: an invisible soft hyphen, never a hyphen
            U+002D, neither at the line end nor inside a line
  pdfjs     pdf.js's text layer (getTextContent, as Firefox builds it;
            it drops U+00AD) has "fragment", a line end, "rest": no
            hyphen between the word's two parts
"""
import re, subprocess, sys, tempfile, os
import xml.etree.ElementTree as ET


def run(*command):
    return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")


def source_words(path):
    text = " ".join(ET.parse(path).getroot().itertext())
    return set(re.findall(r"[A-Za-z]+", text)), set(re.findall(r"[A-Za-z]+-[A-Za-z]+", text))


def stext_lines(pdf):
    """(text, size, font, x_right) of each line in reading order, per page."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t.xml")
        subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", out, pdf], check=True, capture_output=True)
        root = ET.parse(out).getroot()
    pages = []
    for page in root.iter("page"):
        lines = []
        for line in page.iter("line"):
            chars, size, name, right = [], 0.0, "", 0.0
            for font in line.iter("font"):
                for ch in font.iter("char"):
                    chars.append(ch.get("c"))
                    size, name = float(font.get("size")), font.get("name")
                    right = float(ch.get("quad").split()[2])
            if chars:
                lines.append(("".join(chars), size, name, right))
        pages.append(lines)
    return pages


def char_lines(pdf):
    """Per page, each line as ([(c, x0, x1)], size, left, right)."""
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "t.xml")
        subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", out, pdf], check=True, capture_output=True)
        root = ET.parse(out).getroot()
    for page in root.iter("page"):
        lines = []
        for line in page.iter("line"):
            cs, size = [], 0.0
            for font in line.iter("font"):
                for ch in font.iter("char"):
                    q = [float(v) for v in ch.get("quad").split()]
                    cs.append((ch.get("c"), q[0], q[2]))
                    size = max(size, float(font.get("size")))
            if cs:
                lines.append((cs, size, cs[0][1], cs[-1][2]))
        yield lines


def line_word_spaces(pdf):
    """The mean word space of each full body line, in ems."""
    from collections import Counter
    means = []
    for lines in char_lines(pdf):
        latin = [l for l in lines if sum(c[0].isascii() and c[0].isalpha() for c in l[0]) > 0.6 * len(l[0])
                 and len(l[0]) > 20]
        if not latin:
            continue
        right = Counter(round(l[3]) for l in latin).most_common(1)[0][0]
        body = Counter(round(l[1], 1) for l in latin).most_common(1)[0][0]
        left_edge = Counter(round(l[2]) for l in latin).most_common(1)[0][0]
        for cs, size, left, r_edge in latin:
            if round(size, 1) != body or r_edge - left < 0.9 * (right - left_edge):
                continue
            gaps, i = [], 0
            while i < len(cs):
                if cs[i][0] != " ":
                    i += 1
                    continue
                j = i
                while j < len(cs) and cs[j][0] == " ":
                    j += 1
                if 0 < i and j < len(cs):
                    gaps.append((cs[j][1] - cs[i - 1][2]) / size)
                i = j
            if gaps:
                means.append(sum(gaps) / len(gaps))
    return sorted(means)


def check_spaces(pdf, failures):
    means = line_word_spaces(pdf)
    if not means:
        failures.append("spaces: no full body line found")
        return
    median = means[len(means) // 2] if len(means) % 2 else (means[len(means) // 2 - 1] + means[len(means) // 2]) / 2
    p95 = means[min(len(means) - 1, int(0.95 * (len(means) - 1) + 0.5))]
    loose = sum(m > 0.45 for m in means)
    if round(median, 3) > 0.26 or round(p95, 3) > 0.31 or loose:
        failures.append(f"spaces: median {median:.3f} em, p95 {p95:.3f} em, {loose} loose lines of {len(means)}")


def main():
    pdf, source = sys.argv[1], sys.argv[2]
    min_breaks = int(sys.argv[sys.argv.index("--min-breaks") + 1]) if "--min-breaks" in sys.argv else 1
    words, compounds = source_words(source)
    most_lone_tails = int(sys.argv[sys.argv.index("--lone-tails") + 1]) if "--lone-tails" in sys.argv else 0
    failures, breaks, lone_tails = [], [], []
    for lines in stext_lines(pdf):
        body_right = max((l[3] for l in lines), default=0)
        run_length = 0
        for i, (text, size, font, right) in enumerate(lines):
            m = re.search(r"(\S*?)([A-Za-z]*)([-\u00AD])$", text)
            nxt = lines[i + 1][0] if i + 1 < len(lines) else ""
            tail = re.match(r"[A-Za-z]+", nxt)
            added = bool(m and m.group(2) and tail and m.group(2) + tail.group(0) in words
                         and f"{m.group(2)}-{tail.group(0)}" not in compounds)
            if not added:
                run_length = 0
                continue
            fragment, rest = m.group(2), tail.group(0)
            breaks.append((fragment, rest))
            if m.group(3) == "-":
                failures.append(f"mupdf: '{fragment}' + '{rest}' reads with a hyphen U+002D (not the soft hyphen)")
            run_length += 1
            if run_length >= 3:
                failures.append(f"row: three hyphenated lines in a row, the third ending '{text[-30:]}'")
            if m.group(1) and re.search(r"[0-9@/:]", m.group(1) + fragment):
                failures.append(f"body: a hyphen in '{m.group(1)}{fragment}-'")
            if len(fragment) < 2 or len(rest) < 3:
                failures.append(f"body: '{fragment}-{rest}' breaks too near the word's edge")
            if size > 11 or "Sans" in font:
                failures.append(f"body: a heading or label hyphenated: '{text[-30:]}' ({font} {size})")
            if abs(lines[i + 1][3] - body_right) > 1.0 and " " not in nxt.strip():
                lone_tails.append(f"'{fragment}-' '{nxt}'")
    if len(lone_tails) > most_lone_tails:
        failures.append(f"last: a word's tail alone on a last line {len(lone_tails)} times: {', '.join(lone_tails)}")
    if len(breaks) < min_breaks:
        failures.append(f"found: {len(breaks)} added breaks, fewer than {min_breaks}")

    raw = run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-")
    mupdf = run("mutool", "draw", "-q", "-F", "txt", pdf)
    pdfjs = run("node", os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdfjs_text.mjs"), pdf)
    for fragment, rest in breaks:
        if not re.search(rf"{fragment}\n{rest}", raw):
            failures.append(f"poppler: '{fragment}' + '{rest}' does not read as one word (pdftotext -raw)")
        for reader, text in (("poppler", raw), ("mupdf", mupdf), ("pdfjs", pdfjs)):
            if re.search(rf"(^|\W){fragment}-\n?{rest}", text):
                failures.append(f"{reader}: '{fragment}-{rest}' reads with the added hyphen")
        if not re.search(rf"(^|\W){fragment}\u00AD\n{rest}", mupdf):
            failures.append(f"mupdf: '{fragment}' + '{rest}' is not fragment, soft hyphen, line end, rest (mutool txt)")
        if not re.search(rf"(^|\W){fragment}\n{rest}", pdfjs):
            failures.append(f"pdfjs: '{fragment}' + '{rest}' is not fragment, line end, rest (getTextContent)")
    if "--spaces" in sys.argv:
        check_spaces(pdf, failures)
    for f in failures:
        print(f)
    print(f"{len(breaks)} added breaks checked", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
