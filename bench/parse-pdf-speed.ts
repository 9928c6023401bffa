// Time to turn each shared PDF into a parsed document (layout reader + parser, no embedding),
// and the time per page scaled to the 15-page paper. Prints `uptime` first: the figure
// depends on what else the machine is doing. Run: npx tsx bench/parse-pdf-speed.ts
// (reads ../shared; never copies it into the project)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseDocumentText } from "../src/ingest/parse-document.ts";
import { readPdf } from "../src/ingest/pdf/read-pdf.ts";

const SHARED = path.resolve(import.meta.dirname, "../../shared");
const files = ["reviews", "litqa"].flatMap((dir) =>
  fs.readdirSync(path.join(SHARED, dir)).filter((f) => f.endsWith(".pdf")).map((f) => path.join(SHARED, dir, f)),
);

console.log(execFileSync("uptime").toString().trim());
// One warm-up read: module loading and pdf.js's first font parse are not per-paper costs.
await readPdf(new Uint8Array(fs.readFileSync(files[0]!)), "warm-up.pdf");
let totalMs = 0;
let totalPages = 0;
for (const file of files) {
  const data = new Uint8Array(fs.readFileSync(file));
  const started = performance.now();
  const pdf = await readPdf(data, path.basename(file));
  const read = performance.now() - started;
  parseDocumentText(pdf.markdown, path.basename(file), { format: "pdf", metaHints: pdf.metaHints, extractedChars: pdf.extractedChars });
  const ms = performance.now() - started;
  const pages = pdf.pages;
  totalMs += ms;
  totalPages += pages;
  console.log(`${path.basename(file).padEnd(40)} ${String(pages).padStart(3)} pages  read ${read.toFixed(0).padStart(5)} ms  read+parse ${ms.toFixed(0).padStart(5)} ms  ${(ms / pages).toFixed(0)} ms/page`);
}
console.log(`all: ${totalPages} pages in ${(totalMs / 1000).toFixed(1)} s, ${(totalMs / totalPages).toFixed(0)} ms/page → ${((15 * totalMs) / totalPages / 1000).toFixed(2)} s per 15-page paper`);
