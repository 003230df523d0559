#!/usr/bin/python3
"""Reads PDFs back as an archive's or a screen reader's tools do and checks
that each claims exactly the standards asked for, and meets what the claims
need outside the page content: usage pdf_standard_check.py STANDARD PDF...
(STANDARD as --pdf-standard takes it). Prints one line per problem; exit 1
when there is any. Needs python3-pikepdf (Debian's /usr/bin/python3)."""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def text(description, path):
    node = description.find(path, NS)
    return node.text if node is not None else None


def pdf_date_to_xmp(value):
    """D:20200720000000Z00'00' -> 2020-07-20T00:00:00Z"""
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z", value)
    return "%s-%s-%sT%s:%s:%sZ" % m.groups() if m else None


def check(path, ua1, a2a):
    problems = []
    raw = open(path, "rb").read()
    pdf = pikepdf.open(path)
    root, info = pdf.Root, pdf.trailer.get("/Info")
    tagged = ua1 or a2a
    version = raw[:9].decode("latin-1")
    if version != ("%PDF-1.7\n" if tagged else "%PDF-1.4\n"):
        problems.append("header %r" % version)
    if tagged and not all(b >= 128 for b in raw[10:14]):
        problems.append("no binary comment on the second line")
    ident = pdf.trailer.get("/ID")
    if tagged != (ident is not None):
        problems.append("trailer /ID %s" % ("missing" if tagged else "present"))
    elif tagged and (len(ident) != 2 or bytes(ident[0]) != bytes(ident[1]) or bytes(ident[0]) == bytes(16)):
        problems.append("trailer /ID is not two equal non-zero strings")
    prefs = root.get("/ViewerPreferences")
    if tagged != bool(prefs is not None and prefs.get("/DisplayDocTitle")):
        problems.append("/DisplayDocTitle %s" % ("missing" if tagged else "present"))
    intents = root.get("/OutputIntents")
    if a2a:
        if intents is None or len(intents) != 1 or intents[0].get("/S") != "/GTS_PDFA1":
            problems.append("no GTS_PDFA1 OutputIntent")
        else:
            profile = intents[0].DestOutputProfile
            data = profile.read_bytes()
            if int(profile.N) != 3 or data[36:40] != b"acsp" or data[16:20] != b"RGB ":
                problems.append("OutputIntent profile is not an RGB ICC profile with /N 3")
    elif intents is not None:
        problems.append("OutputIntents without PDF/A")
    metadata = root.get("/Metadata")
    if not tagged:
        if metadata is not None:
            problems.append("/Metadata in an untagged PDF")
        return problems
    if metadata is None or metadata.get("/Subtype") != "/XML" or "/Filter" in metadata:
        return problems + ["no unfiltered /Metadata /Subtype /XML stream"]
    xmp = metadata.read_bytes()
    try:
        description = ET.fromstring(xmp).find("rdf:RDF/rdf:Description", NS)
    except ET.ParseError as e:
        return problems + ["XMP is not well-formed: %s" % e]
    claims = {
        "pdfaid:part": (text(description, "pdfaid:part"), "2" if a2a else None),
        "pdfaid:conformance": (text(description, "pdfaid:conformance"), "A" if a2a else None),
        "pdfuaid:part": (text(description, "pdfuaid:part"), "1" if ua1 else None),
    }
    for name, (found, wanted) in claims.items():
        if found != wanted:
            problems.append("%s is %r, want %r" % (name, found, wanted))
    declared = [text(li, "pdfaSchema:prefix") for li in description.findall("pdfaExtension:schemas/rdf:Bag/rdf:li", NS)]
    if declared != (["pdfuaid"] if ua1 and a2a else []):
        problems.append("extension schemas %r" % declared)
    titles = [(li.get(XML_LANG), li.text) for li in description.findall("dc:title/rdf:Alt/rdf:li", NS)]
    langs = [lang for lang, _ in titles]
    # A plan has a title in English and Japanese (every sample plan does), a
    # report in the one language it is written in.
    wanted = ["en", "ja"] if "/reports/" not in path else [lang for lang in ("en", "ja") if path.endswith("." + lang + ".pdf")]
    if langs[:1] != ["x-default"] or sorted(langs[1:]) != wanted:
        problems.append("dc:title languages %r (want x-default first, then %s)" % (langs, wanted))
    agree = {
        "/Title": titles[0][1] if titles else None,
        "/Author": text(description, "dc:creator/rdf:Seq/rdf:li"),
        "/Subject": text(description, "dc:description/rdf:Alt/rdf:li"),
        "/Keywords": text(description, "pdf:Keywords"),
        "/Producer": text(description, "pdf:Producer"),
    }
    for key, value in agree.items():
        if str(info.get(key, "")) != (value or ""):
            problems.append("Info %s %r but XMP %r" % (key, str(info.get(key, "")), value))
    for key, name in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        date = pdf_date_to_xmp(str(info.get(key, "")))
        if date != text(description, name):
            problems.append("Info %s %r but XMP %s %r" % (key, date, name, text(description, name)))
    return problems


def main():
    standard, paths = sys.argv[1], sys.argv[2:]
    names = set(standard.split(",")) - {"none"}
    failed = 0
    for path in paths:
        for problem in check(path, "ua-1" in names, "a-2a" in names):
            print("%s: %s" % (path, problem))
            failed += 1
    print("%d PDFs, %d problems" % (len(paths), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
