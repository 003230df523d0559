#!/usr/bin/env python3
"""Writes the hostile inputs that are too big, too binary or too repetitive to
commit, into OUT_DIR, deterministically (the same bytes on every run), so
that tests/hostile/NAME.expected can say exactly what `ucap validate` prints
for each.

Most are the minimal plan (tests/fixtures/plans/minimal.xml) changed one
way; images for the <img src> cases go to OUT_DIR/figures/.

Usage: generate.py SOURCE_DIR OUT_DIR
"""
import os
import random
import struct
import sys
import zlib

# Blocks go into section 'context' after its two paragraphs: line 30.
CONTEXT_END = '    <p xml:lang="ja">状況。</p>\n'
out = minimal = None  # set in main


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(out, name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(data)


def plan_with(blocks):
    """The minimal plan with `blocks` (one line, language-neutral) at line 30."""
    return minimal.replace(CONTEXT_END, CONTEXT_END + "    " + blocks + "\n", 1)


# --- Files that are not UTF-8 XML --------------------------------------------

def binary_garbage():
    write("binary-garbage.xml", random.Random(20240601).randbytes(4096))


def bad_bytes():
    """Small documents with one bad byte sequence in a title on line 3."""
    def doc(inside):
        return (b'<?xml version="1.0" encoding="UTF-8"?>\n<action-plan template="ucap" version="1" languages="en">\n'
                b"  <title>Caf\xc3\xa9 " + inside + b" end</title>\n</action-plan>\n")
    cases = {
        "utf8-overlong": b"\xc0\xaf",          # '/' in two bytes
        "utf8-surrogate": b"\xed\xa0\x80",     # U+D800 encoded
        "utf8-beyond-unicode": b"\xf4\x90\x80\x80",
        "utf8-lone-continuation": b"\x80",
        "utf8-latin1": b"d\xe9j\xe0",            # ISO-8859-1 'déjà'
        "nul-byte": b"\x00 and after it, text the parser would never see",
        "control-character": b"\x1b[31m",        # a terminal escape
        "noncharacter-fffe": b"\xef\xbf\xbe",
    }
    for name, inside in cases.items():
        write(name + ".xml", doc(inside))
    # Cut in the middle of a character, at the very end of the file.
    write("utf8-cut-at-end.xml", doc(b"").rstrip(b"\n") + b"\xe3\x81")


def misread_markup():
    """What pugixml accepts but would read wrongly: each is refused."""
    write("second-root.xml", minimal + '<action-plan template="ucap" version="1" languages="en"/>\n')
    write("text-after-root.xml", minimal + "Text here was dropped without a word.\n")
    write("repeated-attribute.xml",
          minimal.replace('<activity id="tree-inventory"', '<activity id="first" id="tree-inventory"', 1))


def utf16():
    text = minimal.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    write("utf16le-bom.xml", b"\xff\xfe" + text.encode("utf-16-le"))
    write("utf16be-bom.xml", b"\xfe\xff" + text.encode("utf-16-be"))
    write("utf16le-no-bom.xml", text.encode("utf-16-le"))


def shift_jis():
    write("shift-jis-declared.xml", minimal.replace('encoding="UTF-8"', 'encoding="Shift_JIS"').encode("shift_jis"))
    # Undeclared: the first Japanese character (line 4) is invalid UTF-8.
    write("shift-jis-undeclared.xml", minimal.replace(' encoding="UTF-8"', "").encode("shift_jis"))


def too_large():
    # 200 MB without writing 200 MB: a sparse file, refused from its size.
    with open(os.path.join(out, "too-large.xml"), "wb") as f:
        f.write(b"<action-plan>")
        f.seek(200 * 1000 * 1000 - 1)
        f.write(b"\n")


# --- Depth ---------------------------------------------------------------------

def deep():
    n = 100_000
    write("deep-elements.xml", '<action-plan>\n' + "<x>" * n + "</x>" * n + "\n</action-plan>\n")
    # <em> inside <em> in a paragraph: the inline reader recurses on these.
    write("deep-inline.xml", plan_with("<p>" + "<em>" * n + "deep" + "</em>" * n + "</p>"))
    # Lists nested to exactly the limit, 100 elements (the root, <section>,
    # 48 <ul>/<li> pairs, <p>, <em>), must be read and validated.
    pairs = 48
    write("deep-lists-at-limit.xml", plan_with("<ul><li>" * pairs + "<p><em>x</em></p>" + "</li></ul>" * pairs))


# --- Long text -------------------------------------------------------------------

def long_text():
    words = random.Random(7).choices(["trees", "floods", "城市", "緑地", "green", "infrastructure", "2020"], k=20_000)
    paragraph = " ".join(words)[:100_000]
    write("long-paragraph.xml", plan_with("<p>" + paragraph + "</p>"))
    write("long-token.xml", plan_with("<p>" + "x" * 5000 + "</p>"))
    # A minified plan: 2.4 MB on one line, 90,000 paragraphs. Every
    # element's position is asked for, so the line index must not rescan
    # the line each time.
    one_line = plan_with("<p>Minified, one line.</p>" * 90_000).replace("\n", "")
    write("minified-large.xml", one_line + "\n")
    # A paragraph of 15 MiB, just under the input limit.
    write("huge-paragraph.xml", plan_with("<p>" + "Fifteen mebibytes of text. " * (15 * 1024 * 1024 // 27) + "</p>"))


# --- Tables ----------------------------------------------------------------------

def table(columns):
    return "<table><tr>" + "<td>c</td>" * columns + "</tr></table>"


def tables():
    write("table-500-columns.xml", plan_with(table(500)))
    write("table-100-columns.xml", plan_with(table(100)))
    write("table-colspan-1000.xml", plan_with('<table><tr><td colspan="1000">wide</td></tr></table>'))


# --- Images ----------------------------------------------------------------------

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width, height, whole=True):
    """A grey PNG; with whole=False only the header chunk (for sizes too big to encode)."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    pixels = zlib.compress((b"\x00" + b"\x80" * width) * height) if whole else zlib.compress(b"")
    return b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", pixels) + png_chunk(b"IEND", b"")


def jpeg(width, height):
    """A grey baseline JPEG: one component, every 8×8 block DC 0 and no AC."""
    quant = b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + b"\x01" * 64
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    # One code of length 1 for symbol 0: DC category 0, and AC end-of-block.
    huffman = b"\xff\xc4" + struct.pack(">H", 2 + 2 * 18)
    for table_class in (0x00, 0x10):
        huffman += bytes([table_class, 1] + [0] * 15 + [0])
    scan = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return b"\xff\xd8" + quant + frame + huffman + scan + data + b"\xff\xd9"


def figure(src):
    return f'<figure><img src="{src}" alt="A test image"/></figure>'


def images():
    os.makedirs(os.path.join(out, "figures"), exist_ok=True)
    write("figures/map.png", png(64, 48))
    write("figures/photo.jpg", jpeg(40, 24))
    write("figures/cut.png", png(64, 48)[:-40])
    write("figures/cut-header.png", png(64, 48)[:20])
    write("figures/cut.jpg", jpeg(40, 24)[:-4])
    write("figures/bomb.png", png(100_000, 100_000, whole=False))
    write("figures/bomb.jpg", jpeg(8_000, 8_000))  # 64 megapixels, each side under the limit
    write("figures/notes.png", "This is a text file with a .png name.\n")
    write("figures/empty.png", b"")
    fifo = os.path.join(out, "figures/pipe.png")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)  # opening it would block for ever: it must not be opened
    cases = {
        "image-ok": figure("figures/map.png") + figure("./figures/../figures/photo.jpg"),
        "image-absolute": figure("/etc/passwd"),
        "image-leaves-folder": figure("figures/../../etc/passwd.png"),
        "image-url": figure("file:///etc/passwd"),
        "image-missing": figure("figures/nothing-here.png"),
        "image-backslash": figure("figures\\map.png"),
        "image-directory": figure("figures"),
        "image-fifo": figure("figures/pipe.png"),
        "image-not-an-image": figure("figures/notes.png"),
        "image-empty-file": figure("figures/empty.png"),
        "image-empty-src": figure(""),
        "image-cut-png": figure("figures/cut.png"),
        "image-cut-png-header": figure("figures/cut-header.png"),
        "image-cut-jpeg": figure("figures/cut.jpg"),
        "image-png-bomb": figure("figures/bomb.png"),
        "image-jpeg-bomb": figure("figures/bomb.jpg"),
        # Inside a list item inside a note: images are found wherever they stand.
        "image-nested": "<note><ul><li><p>See:</p>" + figure("figures/nothing-here.png") + "</li></ul></note>",
    }
    for name, blocks in cases.items():
        write(name + ".xml", plan_with(blocks))


# --- Many findings ---------------------------------------------------------------

def many_attributes():
    # 20,000 unknown attributes on one element: one warning each, found in
    # one walk over the tag.
    attributes = " ".join(f'a{i}="{i}"' for i in range(20_000))
    write("many-attributes.xml", minimal.replace("<issued>", f"<issued {attributes}>", 1))


def too_many_nodes():
    # Past the element and attribute limits (100,000 each), in under 1 MB.
    write("too-many-elements.xml", plan_with("<p/>" * 100_000))
    write("too-many-attributes.xml", plan_with("<p " + " ".join(f'a{i}=""' for i in range(100_001)) + "/>"))


def main():
    global out, minimal
    src, out = sys.argv[1], sys.argv[2]
    minimal = open(os.path.join(src, "tests/fixtures/plans/minimal.xml"), encoding="utf-8").read()
    assert CONTEXT_END in minimal
    os.makedirs(out, exist_ok=True)
    for make in (binary_garbage, bad_bytes, misread_markup, utf16, shift_jis, too_large, deep, long_text, tables, images, many_attributes,
                 too_many_nodes):
        make()


if __name__ == "__main__":
    main()
