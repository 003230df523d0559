#!/usr/bin/env python3
"""Turn a ucap action-plan XML into an equivalent Typst document, for timing.

Usage: plan_to_typst.py PLAN.xml LANG OUT.typ   (LANG: en or ja)

Same content as `ucap render --lang LANG`: title block, table of contents,
headings, paragraphs (strong/em/links/line breaks), nested lists, activities
with their facts line, the figure (the same PNG, copied next to OUT.typ),
tables, risks, indicators and the note; A4, Liberation Serif / IPAexMincho.
Left out: the Gantt chart of activities, the risk matrix, the page header
text, the SDG goal names, and everything a tagged PDF/UA + PDF/A carries.
"""
import shutil, sys
from pathlib import Path
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEADINGS = {
    "en": {"summary": "Executive summary", "objectives": "Objectives",
           "context": "City context and description of the city's sustainable urban development challenge(s)",
           "inputs": "Inputs from the city-to-city cooperation", "activities": "Planned activities",
           "implementation": "Implementation strategy", "risks": "Risk analysis",
           "follow-up": "Follow-up and evaluation", "joint-actions": "Joint actions"},
    "ja": {"summary": "概要", "objectives": "目的", "context": "都市の状況と持続可能な都市開発の課題",
           "inputs": "都市間協力からの知見", "activities": "計画された活動", "implementation": "実施戦略",
           "risks": "リスク分析", "follow-up": "フォローアップと評価", "joint-actions": "共同行動"},
}
WORDS = {
    "en": dict(activity="Activity", period="Period", lead="Lead", budget="Budget", proponent="Proponent",
               contact="Contact", issued="Issued", sdgs="SDG targets", figure="Figure", indicator="Indicator",
               unit="Unit", baseline="Baseline", target="Target", year="Year", likelihood="likelihood",
               impact="impact", contents="Contents", sep=": "),
    "ja": dict(activity="活動", period="期間", lead="主担当", budget="予算", proponent="提案者",
               contact="連絡先", issued="発行日", sdgs="SDGs ターゲット", figure="図", indicator="指標",
               unit="単位", baseline="基準値", target="目標値", year="年", likelihood="発生可能性",
               impact="影響", contents="目次", sep="："),
}


def esc(text):
    """Escape Typst markup characters in plain text; collapse XML whitespace."""
    if not text:
        return ""
    text = (" " if text[0].isspace() else "") + " ".join(text.split()) + (" " if text[-1].isspace() and text.strip() else "")
    for ch in "\\#*_`$<>@[]~\"'":
        text = text.replace(ch, "\\" + ch)
    return text


def inline(el):
    """Inline content of a <p>, <li>, <td>… as Typst markup."""
    out = [esc(el.text)]
    for child in el:
        inner = inline(child)
        if child.tag == "strong":
            out.append(f"#strong[{inner}]")
        elif child.tag == "em":
            out.append(f"#emph[{inner}]")
        elif child.tag == "a":
            out.append(f'#link("{child.get("href")}")[{inner}]')
        elif child.tag == "br":
            out.append(" \\\n")
        elif child.tag not in ("ul", "ol"):
            out.append(inner)
        out.append(esc(child.tail))
    return "".join(out).strip()


def in_lang(parent, tag, lang):
    return [e for e in parent.findall(tag) if e.get(XML_LANG) in (lang, None)]


def block(el, lang, depth=0):
    """Block-level Typst for one element (paragraph, list, table, figure…)."""
    pad = "  " * depth
    if el.tag == "p":
        return inline(el) + "\n"
    if el.tag in ("ul", "ol"):
        mark = "-" if el.tag == "ul" else "+"
        lines = []
        for li in el.findall("li"):
            lines.append(f"{pad}{mark} {inline(li)}")
            for sub in li:
                if sub.tag in ("ul", "ol"):
                    lines.append(block(sub, lang, depth + 1).rstrip("\n"))
        return "\n".join(lines) + "\n"
    if el.tag == "note":
        return f"#block(inset: (left: 1em))[#text(size: 9pt)[{inline(el)}]]\n"
    if el.tag == "table":  # Typst 0.10 has no table.cell/colspan: a spanning row follows as a block
        cols = ", ".join(c.replace("*", "fr") for c in el.get("cols").split())
        aligns = ", ".join(c.get("align", "left") for c in el.find("thead/tr"))
        cells, spanning = [], []
        for row in el.iter("tr"):
            if row[0].get("colspan"):
                spanning.append(f"#block(width: 100%, stroke: 0.4pt, inset: 4pt)[{inline(row[0])}]\n")
                continue
            cells += [f"[#strong[{inline(c)}]]" if c.tag == "th" else f"[{inline(c)}]" for c in row]
        return (f"#table(columns: ({cols}), align: ({aligns}), stroke: 0.4pt, inset: 4pt,\n  "
                + ",\n  ".join(cells) + ")\n" + "".join(spanning))
    if el.tag == "figure":
        img = el.find("img")
        cap = inline(in_lang(el, "caption", lang)[0])
        return f'#figure(image("{Path(img.get("src")).name}", width: 70%), caption: [{cap}])\n'
    return ""


def convert(plan_path, lang, out_path):
    root = ET.parse(plan_path).getroot()
    w, heads = WORDS[lang], HEADINGS[lang]
    font = '"IPAexMincho"' if lang == "ja" else '"Liberation Serif"'
    t = lambda parent, tag: inline(in_lang(parent, tag, lang)[0])
    cities = " – ".join(t(c, "name") for c in root.iter("city"))
    out = [f'#set page(paper: "a4", margin: 2cm, numbering: "1/1")',
           f"#set text(font: ({font}, \"IPAexMincho\"), size: 10.5pt, lang: \"{lang}\")",
           "#set par(justify: true)", '#set heading(numbering: "1.")',
           f"#text(size: 20pt, weight: \"bold\")[{t(root, 'title')}]\n", f"#text(size: 13pt)[{cities}]\n",
           f"{w['proponent']}{w['sep']}{t(root.find('proponent'), 'organisation')} \\",
           f"{w['contact']}{w['sep']}{esc(root.findtext('proponent/contact'))} \\",
           f"{w['issued']}{w['sep']}{root.findtext('issued')} \\",
           f"{w['sdgs']}{w['sep']}" + ", ".join(s.get("id") for s in root.iter("target")) + "\n",
           f"#outline(title: [{w['contents']}], indent: auto)\n",
           f"#heading(numbering: none)[{heads['summary']}]"]
    out += [block(p, lang) for p in in_lang(root.find("summary"), "p", lang)]
    for section in root.findall("section"):
        out.append(f"= {heads[section.get('ref')]}")
        for n, el in enumerate((e for e in section if e.get(XML_LANG) in (lang, None)), 1):
            if el.tag == "activity":
                idx = len(out)
                facts = (f"{w['period']}{w['sep']}{el.get('start')} – {el.get('end')} · {w['lead']}{w['sep']}"
                         f"{t(el, 'lead')} · {w['budget']}{w['sep']}{el.get('currency')} {int(el.get('budget')):,}")
                out.append(f"#heading(level: 2, numbering: none)[{w['activity']} {sum(1 for x in out[:idx] if x.startswith('#heading(level: 2'))+1}"
                           f"{w['sep']}{t(el, 'title')}]\n_{esc(facts)}_\n")
                out += [block(c, lang) for c in el if c.tag in ("p", "figure") and c.get(XML_LANG) in (lang, None)]
            elif el.tag == "risk":
                out.append(f"+ #strong[{t(el, 'title')}] ({w['likelihood']} {el.get('likelihood')}, "
                           f"{w['impact']} {el.get('impact')}) \\\n  {block(in_lang(el, 'p', lang)[0], lang)}")
            elif el.tag == "indicator":
                out.append(f"[{t(el, 'title')}], [{esc(el.get('unit'))}], [{el.get('baseline')}], "
                           f"[{el.get('target')}], [{el.get('year')}],")
            else:
                out.append(block(el, lang))
    text = "\n".join(out)
    header = (f"#table(columns: (3fr, 1.5fr, 1fr, 1fr, 0.7fr), stroke: 0.4pt, inset: 4pt,\n"
              f"  [*{w['indicator']}*], [*{w['unit']}*], [*{w['baseline']}*], [*{w['target']}*], [*{w['year']}*],\n")
    rows = [line for line in text.split("\n") if line.startswith("[") and line.endswith("],")]
    if rows:  # the indicators were emitted one line each; gather them into one table
        text = text.replace(rows[0], header + rows[0], 1).replace(rows[-1], rows[-1] + ")", 1)
    Path(out_path).write_text(text + "\n", encoding="utf-8")
    for img in root.iter("img"):
        shutil.copy(Path(plan_path).parent / img.get("src"), Path(out_path).parent / Path(img.get("src")).name)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[2] not in WORDS:
        sys.exit("usage: plan_to_typst.py PLAN.xml en|ja OUT.typ")
    convert(*sys.argv[1:])
