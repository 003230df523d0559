#!/usr/bin/env python3
"""Makes the sample plans' figures (samples/plans/figures/), from nothing but
this script: a PNG written with Python's zlib and struct, and a JPEG that
poppler's pdftoppm rasterises from a small vector PDF written here too.

usage: scripts/make-sample-figures.py [OUT_DIR]   (default samples/plans/figures)

The files are committed; run this again only to change them. The PNG is
byte-identical on every run; the JPEG depends on poppler's libjpeg.
"""
import math, os, struct, subprocess, sys, tempfile, zlib


# ---- PNG: a schematic map, Tohoku municipalities supplying Yokohama ----

def png_bytes(width, height, pixels):
    """An 8-bit RGB PNG of rows of (r, g, b) tuples."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def tohoku_map():
    width, height = 480, 300
    sea, land, line, city, home = (206, 226, 240), (233, 236, 222), (214, 120, 40), (40, 110, 60), (20, 60, 140)
    pixels = [[sea] * width for _ in range(height)]

    def inside_coast(x, y):
        # Honshu's east coast as a wavy line running from the north-east
        # to Tokyo Bay; land lies west of it.
        coast = 300 + 40 * math.sin(y / 45.0) - 0.55 * (y - 40) + 0.002 * (y - 150) ** 2
        return x < coast

    for y in range(height):
        for x in range(width):
            if inside_coast(x, y):
                pixels[y][x] = land

    def disc(cx, cy, r, colour):
        for y in range(max(0, cy - r), min(height, cy + r + 1)):
            for x in range(max(0, cx - r), min(width, cx + r + 1)):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    pixels[y][x] = colour

    def segment(x1, y1, x2, y2, colour, thickness=2):
        steps = int(max(abs(x2 - x1), abs(y2 - y1))) + 1
        for i in range(steps + 1):
            t = i / steps
            disc(round(x1 + (x2 - x1) * t), round(y1 + (y2 - y1) * t), thickness // 2, colour)

    yokohama = (150, 262)
    towns = [(200, 30), (245, 45), (180, 62), (230, 80), (265, 98), (200, 110),
             (240, 128), (170, 140), (215, 160), (250, 170), (190, 190), (225, 205)]
    for tx, ty in towns:
        segment(tx, ty, *yokohama, line)
    for tx, ty in towns:
        disc(tx, ty, 7, city)
    disc(*yokohama, 12, home)
    return png_bytes(width, height, pixels)


# ---- JPEG: a harbour diagram, drawn as a vector PDF and rasterised ----

def harbour_pdf():
    """A one-page PDF, 360 × 225 pt: quays, basins, a breakwater, ships."""
    ops = [
        "0.80 0.88 0.95 rg 0 0 360 225 re f",                  # water
        "0.90 0.89 0.84 rg 0 150 360 75 re f",                 # the city
        "0.70 0.70 0.68 rg 40 95 60 55 re f 130 80 50 70 re f 210 100 70 50 re f",  # piers
        "0.45 0.45 0.45 rg 20 30 m 200 18 l 340 40 l 340 46 l 200 25 l 20 37 l f",  # breakwater
        "0.85 0.35 0.20 rg 60 60 m 95 60 l 90 52 l 65 52 l f 250 70 m 300 70 l 294 60 l 256 60 l f",  # ships
        "0.25 0.55 0.30 rg 300 165 m 340 165 l 340 205 l 300 205 l f",  # a park
        "0.10 0.25 0.50 RG 2 w 0 150 m 360 150 l S",           # the waterfront
    ]
    content = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 360 225] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def harbour_jpeg(path):
    with tempfile.TemporaryDirectory() as work:
        pdf = os.path.join(work, "harbour.pdf")
        with open(pdf, "wb") as f:
            f.write(harbour_pdf())
        # 360 pt at 128 dpi: 640 × 400 pixels, wider than the 450 pt column
        # at 96 dpi, so the layout shrinks it to the measure.
        subprocess.run(["pdftoppm", "-jpeg", "-jpegopt", "quality=85", "-r", "128", "-singlefile",
                        pdf, os.path.join(work, "harbour")], check=True)
        os.replace(os.path.join(work, "harbour.jpg"), path)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "samples", "plans", "figures")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "tohoku-supply.png"), "wb") as f:
        f.write(tohoku_map())
    harbour_jpeg(os.path.join(out, "kobe-harbour.jpg"))


if __name__ == "__main__":
    main()
