#!/usr/bin/python3
"""The link annotations of a tagged PDF (pikepdf): each printable (/F 4),
with its text (/Contents), a /StructParent whose ParentTree entry is a Link
element holding an OBJR to it; prints "N links" or a line per failure.
With --langs, also prints the /Lang values of the structure elements."""
import sys
import pikepdf


def elements(element):
    yield element
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            yield from elements(kid)


def main():
    pdf = pikepdf.open(sys.argv[1])
    root = pdf.Root.StructTreeRoot
    if "--langs" in sys.argv:
        print(" ".join(sorted({str(e.Lang) for e in elements(root) if "/Lang" in e})))
        return 0
    nums = root.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    problems, count = [], 0
    for number, page in enumerate(pdf.pages, 1):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            count += 1
            where = f"page {number} link {count}"
            if int(annot.get("/F", 0)) != 4:
                problems.append(f"{where}: /F is not 4")
            if not str(annot.get("/Contents", "")).strip():
                problems.append(f"{where}: no /Contents")
            element = parents.get(int(annot.get("/StructParent", -1)))
            if element is None or element.get("/S") != "/Link":
                problems.append(f"{where}: its /StructParent is not a Link element")
                continue
            kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
            if not any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR" and k.Obj.objgen == annot.objgen
                       for k in kids):
                problems.append(f"{where}: its Link element holds no OBJR to it")
    for p in problems:
        print(p)
    print(f"{count} links")
    return 1 if problems or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
