// pdfjs_structure.mjs FILE.pdf — what pdf.js (Firefox's viewer, which builds
// the tree assistive technology reads) sees of a PDF's structure. Prints one
// JSON object: { outline: [{title, level}], pages: [{ structTree
// (page.getStructTree()), mc: {id: text of that marked content}, artifact:
// text inside /Artifact, untagged: text in neither }] }. pdfjs-dist comes
// from tests/pdfjs/node_modules (scripts/setup-deps.sh runs npm ci there).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = process.env.PDFJS_DIST || path.join(here, "..", "..", "pdfjs", "node_modules", "pdfjs-dist");
const pdfjs = await import(pathToFileURL(path.join(dist, "legacy", "build", "pdf.mjs")).href);
console.log = () => {};  // pdf.js warns on stdout
console.warn = () => {};

const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), verbosity: 0,
  disableFontFace: true, cMapUrl: path.join(dist, "cmaps") + "/", cMapPacked: true,
  standardFontDataUrl: path.join(dist, "standard_fonts") + "/" }).promise;

const outline = [];
const walk = (items, level) => {
  for (const item of items || []) { outline.push({ title: item.title, level }); walk(item.items, level + 1); }
};
walk(await doc.getOutline(), 0);

const pages = [];
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const structTree = await page.getStructTree();
  const content = await page.getTextContent({ includeMarkedContent: true });
  const stack = [], mc = {};
  let artifact = "", untagged = "";
  for (const item of content.items) {
    if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
      stack.push({ tag: item.tag, id: item.id || null });
      if (item.id && !(item.id in mc)) mc[item.id] = "";
      continue;
    }
    if (item.type === "endMarkedContent") { stack.pop(); continue; }
    const text = (item.str || "") + (item.hasEOL ? "\n" : "");
    if (stack.some((m) => m.tag === "Artifact")) { artifact += text; continue; }
    const marked = [...stack].reverse().find((m) => m.id);
    if (marked) mc[marked.id] += text; else untagged += text;
  }
  pages.push({ structTree, mc, artifact, untagged });
}
process.stdout.write(JSON.stringify({ outline, pages }));
