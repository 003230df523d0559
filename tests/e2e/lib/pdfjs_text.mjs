// pdfjs_text.mjs FILE.pdf — the text layer pdf.js (Firefox's viewer) builds:
// each page's getTextContent items, a line end after an item that ends a
// line (hasEOL), a form feed after each page. pdfjs-dist comes from
// tests/pdfjs/node_modules or $PDFJS_DIST (see pdfjs_structure.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = process.env.PDFJS_DIST || path.join(here, "..", "..", "pdfjs", "node_modules", "pdfjs-dist");
const pdfjs = await import(pathToFileURL(path.join(dist, "legacy", "build", "pdf.mjs")).href);
const write = (s) => process.stdout.write(s);
process.stdout.on("error", () => process.exit(0));  // a reader that stops early (grep -q)
console.log = () => {};  // pdf.js warns on stdout
console.warn = () => {};

const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), verbosity: 0,
  disableFontFace: true, standardFontDataUrl: path.join(dist, "standard_fonts") + "/" }).promise;
for (let i = 1; i <= doc.numPages; i++) {
  const content = await (await doc.getPage(i)).getTextContent();
  let text = "";
  for (const item of content.items) text += item.str + (item.hasEOL ? "\n" : "");
  write(text + "\f");
}
