#!/usr/bin/env python3
"""The structure of a tagged ucap PDF, read back as a user's tools read it:
poppler's `pdfinfo -struct-text` / `-struct` and pdf.js's getStructTree()
(pdfjs_structure.mjs). Exit 1 with a line per failure.

  structure_checks.py PDF [--plan PLAN.xml --lang en|ja|en-ja]

Checks: "Tagged: yes"; the headings (H1 first, then H2/H3 in the outline's
order and levels, the contents heading aside); every table cell under a
header (TH /Scope Column in the header row or TH /Scope Row in its row, rows
equally wide); every Figure has /Alt (with --plan, the timeline's and risk
matrix's mention every activity and risk of the language); every page's text
is either an artifact or reachable from the tree, whose order agrees with
pdftotext's; running headers and page numbers are artifacts."""
import argparse, collections, difflib, json, os, re, subprocess, sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
failures = []


def fail(message):
    failures.append(message)


def squeeze(text):
    return re.sub(r"\s+", "", text)


class Node:
    def __init__(self, role, depth):
        self.role, self.depth, self.text, self.attrs, self.children = role, depth, "", {}, []


def poppler_tree(pdf):
    """Both pdfinfo listings, zipped: roles with their text and attributes."""
    def parse(option):
        root, stack = Node("root", -1), []
        stack.append(root)
        out = subprocess.run(["pdfinfo", option, pdf], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            depth = (len(line) - len(line.lstrip(" "))) // 2
            body = line.strip()
            if not body:
                continue
            if body.startswith('"'):
                stack[-1].text += body[1:-1]
            elif body.startswith("/"):
                key, _, value = body[1:].partition(" ")
                stack[-1].attrs[key] = value.lstrip("/")
            elif body.startswith("Object "):
                stack[-1].attrs.setdefault("objr", 0)
                stack[-1].attrs["objr"] += 1
            else:
                role = re.match(r"[A-Za-z0-9]+", body).group(0)
                while stack[-1].depth >= depth:
                    stack.pop()
                node = Node(role, depth)
                stack[-1].children.append(node)
                stack.append(node)
        return root
    text, attrs = parse("-struct-text"), parse("-struct")
    def merge(a, b):
        a.attrs.update(b.attrs)
        for x, y in zip(a.children, b.children):
            merge(x, y)
    merge(text, attrs)
    return text


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def check_headings(root, outline, languages):
    headings = []
    def visit(node):
        for i, child in enumerate(node.children):
            if re.fullmatch(r"H[1-6]", child.role):
                after = node.children[i + 1].role if i + 1 < len(node.children) else ""
                headings.append((child.role, child.text, after == "TOC"))
            visit(child)
    visit(root)
    if not headings or headings[0][0] != "H1":
        fail(f"the first heading is not H1: {headings[:1]}")
    if sum(1 for h in headings if h[0] == "H1") != languages:
        fail(f"{languages} H1 expected (a title per language), found {[h for h in headings if h[0] == 'H1']}")
    level = 0
    for role, text, _ in headings:
        n = int(role[1])
        if n > level + 1:
            fail(f"heading level skipped: {role} {text!r} after H{level}")
        level = n
    shown = [(role, squeeze(text)) for role, text, heads_contents in headings if role != "H1" and not heads_contents]
    expected = [(f"H{entry['level'] + 2}", squeeze(entry["title"])) for entry in outline]
    if shown != expected:
        diff = [d for d in difflib.unified_diff([str(e) for e in expected], [str(s) for s in shown], lineterm="", n=0)][2:8]
        fail(f"headings differ from the outline: {diff}")
    return len(headings)


def check_tables(root):
    tables = [n for n in walk(root) if n.role == "Table"]
    for t, table in enumerate(tables):
        rows = [(group.role, row) for group in table.children for row in group.children if row.role == "TR"]
        widths = set()
        column_headers = False
        for group, row in rows:
            widths.add(sum(int(cell.attrs.get("ColSpan", "1")) for cell in row.children))
            if group == "THead":
                if not all(c.role == "TH" and c.attrs.get("Scope") == "Column" for c in row.children):
                    fail(f"table {t}: a header row's cell is not TH /Scope /Column")
                column_headers = True
        for group, row in rows:
            row_header = any(c.role == "TH" and c.attrs.get("Scope") == "Row" for c in row.children)
            for cell in row.children:
                if cell.role == "TD" and not (column_headers or row_header):
                    fail(f"table {t}: TD {cell.text!r} is under no header")
        if len(widths) > 1:
            fail(f"table {t}: rows of different widths {sorted(widths)}")
        if any(group not in ("THead", "TBody") for group, _ in rows):
            fail(f"table {t}: a row outside THead/TBody")
    return len(tables)


def structure_nodes(tree):
    if not tree:
        return
    yield tree
    for child in tree.get("children", []):
        if "role" in child:
            yield from structure_nodes(child)


def content_ids(tree):
    for child in (tree or {}).get("children", []):
        if child.get("type") == "content":
            yield child["id"]
        else:
            yield from content_ids(child)


def activity_and_risk_titles(plan, lang):
    root = ET.parse(plan).getroot()
    def titles(tag):
        out = []
        for element in root.iter(tag):
            for title in element.findall("title"):
                if title.get(XML_LANG) in (lang, None):
                    out.append("".join(title.itertext()).strip())
                    break
        return out
    return titles("activity"), titles("risk")


def check_figures(pages, plan, lang):
    figures = {}
    for page in pages:
        for node in structure_nodes(page["structTree"]):
            if node.get("role") == "Figure":
                figures[node.get("alt", "")] = True
    if "" in figures:
        fail("a Figure without /Alt")
    if plan:
        activities, risks = activity_and_risk_titles(plan, lang)
        for what, titles in (("activity", activities), ("risk", risks)):
            if titles and not any(all(t in alt for t in titles) for alt in figures):
                fail(f"no Figure's /Alt names every {what}: {titles}")
    return len(figures)


def pdftotext(pdf, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


def check_text(pdf, pages):
    for number, page in enumerate(pages, 1):
        if squeeze(page["untagged"]):
            fail(f"page {number}: text neither tagged nor an artifact: {page['untagged'][:60]!r}")
        reachable = list(content_ids(page["structTree"]))
        marked = [i for i, text in page["mc"].items() if squeeze(text)]
        missing = [i for i in marked if i not in set(reachable)]
        if missing:
            fail(f"page {number}: marked content not in the tree: {[page['mc'][i][:40] for i in missing[:3]]}")
        tree_text = squeeze("".join(page["mc"].get(i, "") for i in reachable))
        # pdftotext's text less what pdf.js saw as artifacts, character by character.
        page_chars = collections.Counter(squeeze(pdftotext(pdf, number)))
        page_chars.subtract(collections.Counter(squeeze(page["artifact"])))
        page_text = +page_chars
        tree_chars = collections.Counter(tree_text)
        covered = sum((tree_chars & page_text).values()) / max(1, sum(page_text.values()))
        if covered < 0.99:
            fail(f"page {number}: the tree holds {covered:.1%} of the page's text")
        raw = squeeze(subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-raw", pdf, "-"],
                                     capture_output=True, text=True, check=True).stdout)
        for artifact in page["artifact"].split("\n"):
            raw = raw.replace(squeeze(artifact), "", 1) if squeeze(artifact) else raw
        order = difflib.SequenceMatcher(None, tree_text, raw, autojunk=False).ratio()
        if order < 0.9:
            fail(f"page {number}: the tree's reading order is unlike pdftotext's (similarity {order:.2f})")


def check_artifacts(pages):
    total = len(pages)
    for number, page in enumerate(pages, 1):
        tree_text = "".join(page["mc"].get(i, "") for i in content_ids(page["structTree"]))
        footer = f"{number} / {total}"
        if footer not in page["artifact"]:
            fail(f"page {number}: page number {footer!r} is not an artifact")
        if number > 1 and not squeeze(page["artifact"].replace(footer, "")):
            fail(f"page {number}: no running header among the artifacts")
        for line in page["artifact"].split("\n"):
            if len(squeeze(line)) > 12 and squeeze(line) in squeeze(tree_text):
                fail(f"page {number}: artifact text also in the tree: {line!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("--plan")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    info = subprocess.run(["pdfinfo", args.pdf], capture_output=True, text=True, check=True).stdout
    if not re.search(r"^Tagged:\s+yes$", info, re.M):
        fail("pdfinfo does not say Tagged: yes")
    pdfjs = json.loads(subprocess.run(["node", os.path.join(HERE, "pdfjs_structure.mjs"), args.pdf],
                                      capture_output=True, text=True, check=True).stdout)
    root = poppler_tree(args.pdf)
    languages = len(args.lang.split("-"))
    headings = check_headings(root, pdfjs["outline"], languages)
    tables = check_tables(root)
    lang = args.lang.split("-")[0]
    figures = check_figures(pdfjs["pages"], args.plan if languages == 1 else None, lang)
    check_text(args.pdf, pdfjs["pages"])
    check_artifacts(pdfjs["pages"])
    for f in failures:
        print(f"{args.pdf}: {f}")
    if not failures:
        print(f"{os.path.basename(args.pdf)}: {headings} headings, {tables} tables, {figures} figures, "
              f"{len(pdfjs['pages'])} pages: structure as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
