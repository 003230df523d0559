#!/usr/bin/env python3
"""What a reader sees in a rendered plan or progress report, checked with
poppler and qpdf.

usage: pdf_checks.py PDF SOURCE.xml LANG [--left L --right R]

LANG is en, ja, or a bilingual edition's languages joined by "-" (en-ja):
then each check holds for every language, and
  bilingual the outline has each heading in each language, in turn (en, ja,
            en, ja…), and the body reads section by section in that order

Prints one line per failure and exits 1 if there is any:
  text      every character of every <p>, list item, title, subtitle, author,
            lead, caption and cell of LANG is in
            the text layer (pdftotext -raw), paragraphs and items in source
            order, whatever the line and page breaks; a cell whole, even when
            its row is cut across pages under the repeated header row; a
            failure names the first character lost (or changed), its
            element's line:column and what the PDF has there
  kinsoku   no line of Japanese text starts with a closing bracket or
            punctuation, small kana, ー, 々, ゝ; none ends with an opening bracket
  overflow  every word box lies inside the page's text column
  fonts     every font embedded and subset (pdffonts)
  warnings  poppler prints nothing on stderr
  outline   a plan: one entry for the summary, each section and each
            activity; a report: one for each section and generated part,
            then, when a plan has errors, the annex and one per such plan
  images    one image drawn for each <figure> of LANG, inside the text column
            and the top and bottom margins, with text (its caption) starting
            just below it (mutool trace for where images are drawn)
"""
import json, re, subprocess, sys, xml.etree.ElementTree as ET, xml.parsers.expat

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NO_LINE_START = set("）〕］｝〉》」』】〙〗〟’”｠»)]}、。，．,.・：；？！:;?!ゝゞ々ーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")
NO_LINE_END = set("（〔［｛〈《「『【〘〖〝‘“｟«([{")
# Set in half an em at a line's end (JLREQ); poppler's box keeps the full em.
HALF_EM_AT_LINE_END = set("、。，．）〕］｝〉》」』】〙〗〟’”")
ORDERED = {"p", "li", "title", "subtitle", "author", "lead", "caption", "note", "name", "organisation"}
PRESENT = {"td", "th"}


def squeeze(text):
    return re.sub(r"\s+", "", text)


def own_text(element):
    """The element's text without nested lists and blocks (li, note)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag not in ("ul", "ol", "p", "table", "figure", "note"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def parse_with_positions(path):
    """The file's ElementTree root and {element: (line, column)} of each start
    tag, for messages. xml:lang is stored under its namespaced name, as
    ElementTree's own parser does, English with a region ("en-GB", "en-US")
    as plain "en"."""
    builder = ET.TreeBuilder()
    expat = xml.parsers.expat.ParserCreate()
    positions = {}

    def start(tag, attrs):
        attrs = {XML_LANG if k == "xml:lang" else k: v for k, v in attrs.items()}
        if attrs.get(XML_LANG, "").lower() in ("en-gb", "en-us"):
            attrs[XML_LANG] = "en"
        positions[builder.start(tag, attrs)] = (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)

    expat.StartElementHandler = start
    expat.EndElementHandler = builder.end
    expat.CharacterDataHandler = builder.data
    with open(path, "rb") as f:
        expat.Parse(f.read(), True)
    return builder.close(), positions


def source_texts(path, lang):
    """(tag, text, (line, column)) of each text element of LANG."""
    ordered, present = [], []

    def walk(element, inherited):
        here = element.get(XML_LANG, inherited)
        if here not in (None, lang):
            return
        if element.tag in ORDERED or element.tag in PRESENT:
            text = squeeze(own_text(element))
            if text:
                entry = (element.tag, text, positions[element])
                (ordered if element.tag in ORDERED else present).append(entry)
        for child in element:
            walk(child, here)

    root, positions = parse_with_positions(path)
    walk(root, None)
    return ordered, present


def header_rows(path, lang):
    """The text of each table header row in LANG, as a reader sees it
    repeated at the top of each page the table continues on."""
    rows = []
    def walk(element, inherited):
        here = element.get(XML_LANG, inherited)
        if here not in (None, lang):
            return
        if element.tag == "thead":
            for tr in element.iter("tr"):
                rows.append(squeeze("".join("".join(cell.itertext()) for cell in tr)))
        for child in element:
            walk(child, here)
    walk(ET.parse(path).getroot(), None)
    return [row for row in rows if row]


def without_repeated_headers(text, headers):
    """The text with every header row after its first showing taken out, so
    that a row cut across pages reads whole."""
    for header in headers:
        first = text.find(header)
        if first >= 0:
            after = first + len(header)
            text = text[:after] + text[after:].replace(header, "")
    return text


def run(*command):
    done = subprocess.run(command, capture_output=True)
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def body_text(pdf):
    text, err = run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-")
    pages = text.split("\f")
    kept = []
    for page in pages:
        lines = page.split("\n")
        # The running header and the page number close each page's content
        # stream; drop them so a paragraph that crosses a page reads whole.
        while lines and (not lines[-1].strip() or re.fullmatch(r"\s*\d+ / \d+\s*", lines[-1])):
            lines.pop()
        if len(pages) > 1 and page is not pages[0] and lines:
            lines.pop()  # the running header
        kept.extend(lines)
    return squeeze("".join(kept)), err


def first_loss(text, wanted, start):
    """Where `wanted` stops matching the text layer from `start` on: the
    longest prefix of it found there (binary search), so a message can name
    the first character that went missing, changed or moved."""
    low, high, found_at = 0, len(wanted), start
    while low < high:
        middle = (low + high + 1) // 2
        at = text.find(wanted[:middle], start)
        if at >= 0:
            low, found_at = middle, at
        else:
            high = middle - 1
    return low, found_at


def describe_loss(source, tag, wanted, position, text, start):
    kept, at = first_loss(text, wanted, start)
    char = wanted[kept]
    before = wanted[max(0, kept - 12):kept]
    instead = text[at + kept:at + kept + 1] if kept else ""
    got = f"; the PDF has '{instead}' (U+{ord(instead):04X}) there" if instead else ""
    return (f"text: {source}:{position[0]}:{position[1]}: <{tag}> loses character {kept + 1} of {len(wanted)}, "
            f"'{char}' (U+{ord(char):04X}) after '{before}'{got}")


def check_text(pdf, source, lang, failures):
    text, err = body_text(pdf)
    if err.strip():
        failures.append(f"warnings: pdftotext printed: {err.strip()[:200]}")
    ordered, present = source_texts(source, lang)
    position = 0
    for tag, wanted, where in ordered:
        found = text.find(wanted, position)
        if found < 0:
            if text.find(wanted) >= 0:
                failures.append(f"text: {source}:{where[0]}:{where[1]}: <{tag}> out of order: {wanted[:60]}")
            else:
                failures.append(describe_loss(source, tag, wanted, where, text, position))
            continue
        position = found + len(wanted)
    cells = without_repeated_headers(text, header_rows(source, lang))
    for tag, wanted, where in present:
        if wanted not in cells:
            failures.append(describe_loss(source, tag, wanted, where, cells, 0))


def lines_of_words(pdf):
    """Words grouped by page and baseline, left to right: one visual line
    each (poppler's own lines split where the face changes)."""
    html, _ = run("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-")
    html = re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    root = ET.fromstring(html)
    for page in root.iter("page"):
        width = float(page.get("width"))
        lines = {}
        for w in page.iter("word"):
            key = round(float(w.get("yMax")))
            lines.setdefault(key, []).append((float(w.get("xMin")), float(w.get("xMax")), w.text or ""))
        for key in sorted(lines):
            yield width, sorted(lines[key])


def check_lines(pdf, left, right, failures):
    for width, words in lines_of_words(pdf):
        for x_min, x_max, word in words:
            slack = 0.5 * (x_max - x_min) / max(len(word), 1) if word[-1:] in HALF_EM_AT_LINE_END else 0
            if x_min < left - 0.5 or x_max - slack > width - right + 0.5:
                failures.append(f"overflow: '{word}' at x {x_min:.1f}–{x_max:.1f}")
        line = "".join(word for _, _, word in words)
        if not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", line):
            continue
        if line[0] in NO_LINE_START:
            failures.append(f"kinsoku: line starts with {line[0]}: {line[:30]}")
        if line[-1] in NO_LINE_END:
            failures.append(f"kinsoku: line ends with {line[-1]}: {line[-30:]}")


def check_fonts(pdf, failures):
    out, err = run("pdffonts", pdf)
    if err.strip():
        failures.append(f"warnings: pdffonts printed: {err.strip()[:200]}")
    for row in out.splitlines()[2:]:
        name = row.split()[0]
        emb, sub = row.split()[-5], row.split()[-4]
        if emb != "yes" or sub != "yes" or not re.match(r"[A-Z]{6}\+", name):
            failures.append(f"fonts: {name} embedded={emb} subset={sub}")


def outline_titles(pdf):
    """The outline's titles, depth first, with their levels."""
    out, _ = run("qpdf", "--json", "--json-key=outlines", pdf)
    def walk(entries, level):
        for e in entries:
            yield level, e.get("title", "")
            yield from walk(e.get("kids", []), level + 1)
    return list(walk(json.loads(out)["outlines"], 0))


def check_outline(pdf, source, languages, failures):
    root = ET.parse(source).getroot()
    got = len(outline_titles(pdf))
    if root.tag == "progress-report":
        shown = [e for e in root if e.tag in ("section", "generated") and e.get(XML_LANG) in (None, *languages)]
        # The annex adds its heading and one entry per failing plan, or nothing.
        if got != len(shown) and got < len(shown) + 2:
            failures.append(f"outline: {got} entries, expected {len(shown)} (sections, generated parts) "
                            "or those, the annex and its plans")
        return
    wanted = len(root.findall("section")) + len(root.findall("section/activity")) + len(root.findall("summary"))
    if got != wanted * len(languages):
        failures.append(f"outline: {got} entries, expected {wanted * len(languages)}"
                        f" (summary, sections, activities in {'+'.join(languages)})")


def is_japanese(text):
    return re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) is not None


def check_bilingual(pdf, languages, failures):
    """Top-level entries (summary, sections) come once per language in turn,
    each in its language, and the body holds their headings in that order."""
    top = [title for level, title in outline_titles(pdf) if level == 0]
    text, _ = body_text(pdf)
    position = 0
    for i, title in enumerate(top):
        lang = languages[i % len(languages)]
        if is_japanese(title) != (lang == "ja"):
            failures.append(f"bilingual: outline entry {i + 1} should be in {lang}: {title}")
        found = text.find(squeeze(title), position)
        if found < 0:
            failures.append(f"bilingual: heading out of order or missing: {title}")
        else:
            position = found + len(squeeze(title))


def figures_in(source, lang):
    count = 0
    def walk(element, inherited):
        nonlocal count
        here = element.get(XML_LANG, inherited)
        if here not in (None, lang):
            return
        if element.tag == "figure" and element.find("img") is not None:
            count += 1
        for child in element:
            walk(child, here)
    walk(ET.parse(source).getroot(), None)
    return count


def drawn_images(pdf):
    """(page number, page height, x, y of the top edge from the page's top,
    width, height) of each image drawn, in order."""
    trace, _ = run("mutool", "trace", pdf)
    page, height = 0, 0.0
    for line in trace.splitlines():
        opened = re.match(r'<page number="(\d+)" mediabox="[\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+)"', line)
        if opened:
            page, height = int(opened.group(1)), float(opened.group(2))
        drawn = re.match(r'<fill_image .*transform="([^"]+)"', line.strip())
        if drawn:
            # MuPDF's device space runs top down: (e, f) is the top-left corner.
            a, b, c, d, e, f = (float(v) for v in drawn.group(1).split())
            yield page, height, e, f, a, d


def word_tops(pdf, page):
    html, _ = run("pdftotext", "-bbox", "-f", str(page), "-l", str(page), "-enc", "UTF-8", pdf, "-")
    return [float(top) for top in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"', html)]


def check_images(pdf, source, languages, left, right, top_margin, bottom_margin, failures):
    wanted = sum(figures_in(source, lang) for lang in languages)
    images = list(drawn_images(pdf))
    if len(images) != wanted:
        failures.append(f"images: {len(images)} drawn, expected {wanted} (one per <figure>)")
    for page, height, x, y, width, tall in images:
        where = f"page {page} at {x:.1f},{y:.1f} size {width:.1f}×{tall:.1f}"
        if x < left - 0.5 or x + width > 595.276 - right + 0.5:
            failures.append(f"images: outside the column: {where}")
        if y < top_margin - 0.5 or y + tall > height - bottom_margin + 0.5:
            failures.append(f"images: outside the top and bottom margins: {where}")
        if not any(y + tall <= top <= y + tall + 24 for top in word_tops(pdf, page)):
            failures.append(f"images: no caption just below the image: {where}")


def main():
    pdf, source, lang = sys.argv[1:4]
    left = float(sys.argv[sys.argv.index("--left") + 1]) if "--left" in sys.argv else 72.638
    right = float(sys.argv[sys.argv.index("--right") + 1]) if "--right" in sys.argv else 72.638
    failures = []
    languages = lang.split("-")
    for each in languages:
        check_text(pdf, source, each, failures)
    check_lines(pdf, left, right, failures)
    check_fonts(pdf, failures)
    check_outline(pdf, source, languages, failures)
    check_images(pdf, source, languages, left, right, 76, 70, failures)
    if len(languages) > 1:
        check_bilingual(pdf, languages, failures)
    for failure in failures:
        print(f"{pdf}: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
