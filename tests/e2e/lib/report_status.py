#!/usr/bin/env python3
"""The status table a progress report must show, worked out here from its
roster and plans (not by the engine), and looked for in the PDF.

usage: report_status.py UCAP PDF REPORT.xml LANG TEMPLATE.xml [--print]

For each pairing of the roster, in order, the row is: the pairing (EU city
with the template's "pairing-first-line" label, then the Japanese city),
plan found / missing / unreadable, sections complete / the template's count,
activities, budget per currency, SDG targets, errors and warnings (from
`ucap validate --roster ROSTER --diagnostics json` on the plan). Checks:

  raw      each row's cells, in order, in the text layer (pdftotext -raw,
           whitespace removed), rows in roster order
  layout   each row's first visual line (pdftotext -layout) starts with the
           EU city's first characters and ends with the errors and warnings
           columns, rows in roster order

Prints one line per failure and exits 1 if there is any; --print shows the
rows expected.
"""
import json, os, re, subprocess, sys, xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def squeeze(text):
    return re.sub(r"\s+", "", text)


def labels_of(template):
    """The plan template's words with the report template's beside it on top
    (progress-report.xml is set like the plan template, <styles like>)."""
    labels = {}
    report_template = os.path.join(os.path.dirname(template), "progress-report.xml")
    for path in (template, report_template):
        for label in ET.parse(path).getroot().iter("label"):
            labels[(label.get("key"), label.get(XML_LANG))] = label.text or ""
    return lambda key, lang: labels.get((key, lang), labels.get((key, "en"), key))


def text_in(element, tag, lang):
    """The child `tag` in `lang`, else one without xml:lang."""
    neutral = None
    for child in element.findall(tag):
        if child.get(XML_LANG) == lang:
            return "".join(child.itertext())
        if child.get(XML_LANG) is None and neutral is None:
            neutral = "".join(child.itertext())
    return neutral or ""


def group_thousands(number):
    whole, _, cents = number.partition(".")
    grouped = f"{int(whole):,}"
    return grouped + ("." + cents if cents else "")


def amount(total, currency, lang, label):
    """As the template's "amount-CODE" label says, else its "amount" label."""
    number = group_thousands(str(int(total)) if total == int(total) else f"{total:.2f}")
    pattern = label(f"amount-{currency}", lang)
    if pattern == f"amount-{currency}":
        pattern = label("amount", lang)
    return pattern.replace("{amount}", number).replace("{currency}", currency)


def template_sections(template):
    sections = []
    for section in ET.parse(template).getroot().findall("section"):
        minimums = [(m.get("element"), int(m.get("count"))) for m in section.findall("at-least")]
        sections.append((section.get("ref"), minimums))
    return sections


def plan_row(path, root, roster, template, lang, ucap, label):
    """The cells after the pairing's for the plan at `path` (root None when
    it is not well-formed)."""
    out = subprocess.run([ucap, "validate", path, "--roster", roster, "--diagnostics", "json"],
                         capture_output=True, text=True).stdout
    findings = [json.loads(line) for line in out.splitlines() if line.strip()]
    errors = sum(f["severity"] == "error" for f in findings)
    warnings = sum(f["severity"] == "warning" for f in findings)
    none = label("not-applicable", lang)
    if root is None:
        return [label("plan-unreadable", lang), none, none, none, none, str(errors), str(warnings)]
    first_language = (root.get("languages") or "en").split()[0]
    counted = lambda e: e.get(XML_LANG) in (None, first_language)
    sections = template_sections(template)
    complete = 0
    for ref, minimums in sections:
        found = [s for s in root.findall("section") if s.get("ref") == ref and len(s)]
        if found and all(sum(counted(c) for c in found[0].findall(element)) >= count for element, count in minimums):
            complete += 1
    activities = [a for a in root.iter("activity") if counted(a)]
    totals = {}
    for a in activities:
        if a.get("budget"):
            totals[a.get("currency") or ""] = totals.get(a.get("currency") or "", 0) + float(a.get("budget"))
    budget = "".join(amount(total, currency, lang, label) for currency, total in totals.items()) or none
    sdgs = label("id-separator", lang).join(e.get("id") for e in root.find("sdgs")) if root.find("sdgs") is not None else ""
    return [label("plan-found", lang), f"{complete}/{len(sections)}", str(len(activities)), budget, sdgs or none,
            str(errors), str(warnings)]


def expected_rows(report, lang, template, ucap):
    label = labels_of(template)
    root = ET.parse(report).getroot()
    folder = os.path.dirname(report)
    roster = os.path.normpath(os.path.join(folder, root.find("roster").get("href")))
    plans_folder = os.path.normpath(os.path.join(folder, root.find("plans").get("href")))
    plans = {}
    for name in sorted(os.listdir(plans_folder)):
        if not name.endswith(".xml"):
            continue
        path = os.path.join(plans_folder, name)
        try:
            plan = ET.parse(path).getroot()
        except ET.ParseError:
            plans.setdefault(name[:-4], (path, None))
            continue
        if plan.tag != "action-plan":
            continue
        pairing = plan.find("pairing")
        key = pairing.get("id") if pairing is not None and pairing.get("id") else name[:-4]
        plans.setdefault(key, (path, plan))
    rows = []
    none = label("not-applicable", lang)
    for pairing in ET.parse(roster).getroot().iter("pairing"):
        cities = {c.get("side"): text_in(c, "name", lang) for c in pairing.findall("city")}
        cells = [label("pairing-first-line", lang).replace("{eu}", cities["eu"]), cities["jp"]]
        if pairing.get("id") in plans:
            path, plan = plans[pairing.get("id")]
            cells += plan_row(path, plan, roster, template, lang, ucap, label)
        else:
            cells += [label("plan-missing", lang)] + [none] * 6
        rows.append(cells)
    return rows


def run(*command):
    return subprocess.run(command, capture_output=True).stdout.decode("utf-8", "replace")


def check_raw(pdf, rows, failures):
    text = squeeze(run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"))
    position = 0
    for cells in rows:
        wanted = squeeze("".join(cells))
        found = text.find(wanted, position)
        if found < 0:
            failures.append(f"raw: row {cells[0]} {cells[1]} not found as {wanted}")
            continue
        position = found + len(wanted)


def check_layout(pdf, rows, failures):
    lines = run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").splitlines()
    at = 0
    for cells in rows:
        # A long name wraps in its cell: its first few characters open the row.
        start = cells[0].split()[0][:4]
        first = re.compile(r"^\s*" + re.escape(start) + r".*\s" + re.escape(cells[7]) + r"\s+" + re.escape(cells[8]) + r"\s*$")
        while at < len(lines) and not first.match(lines[at]):
            at += 1
        if at == len(lines):
            failures.append(f"layout: no line starts with '{start}' and ends with errors {cells[7]}, warnings {cells[8]}")
            return
        at += 1


def main():
    ucap, pdf, report, lang, template = sys.argv[1:6]
    rows = expected_rows(report, lang, template, ucap)
    if "--print" in sys.argv:
        for cells in rows:
            print(" | ".join(cells))
    failures = []
    check_raw(pdf, rows, failures)
    check_layout(pdf, rows, failures)
    for failure in failures:
        print(f"{pdf}: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
