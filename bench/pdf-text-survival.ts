// How much of each shared PDF survives the layout reader: gold body sentences (reviews) and
// LitQA2 key passages found in the markdown (the structure grader's matching: NFKC, folded
// case/accents, hyphens joined, citation groups and bare digits dropped, ≥ 0.6 of the word
// 4-grams within three consecutive paragraphs), gold headings as "##" lines, title and DOI,
// and superscript runs. Writes each markdown to /tmp/pdf-md/<name>.md for reading.
// Run: npx tsx bench/pdf-text-survival.ts   (reads ../shared; never copies it into the project)
import fs from "node:fs";
import path from "node:path";
import { readPdf } from "../src/ingest/pdf/read-pdf.ts";
import { fold, grams, tokens } from "./grader-text-match.ts";

const SHARED = path.resolve(import.meta.dirname, "../../shared");
const OUT = "/tmp/pdf-md";
/** Windows of three consecutive paragraphs, as 4-gram sets (a chunk sees about that much). */
function windows(markdown: string): Set<string>[] {
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => tokens(p));
  return paragraphs.map((_, i) => grams(paragraphs.slice(i, i + 3).flat()));
}

function found(passage: string, wins: Set<string>[]): boolean {
  const g = grams(tokens(passage));
  if (!g.size) return true;
  return wins.some((w) => [...g].filter((x) => w.has(x)).length / g.size >= 0.6);
}

const plain = (s: string) => fold(s).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

function similar(a: string, b: string): boolean {
  const [x, y] = [plain(a), plain(b)];
  if (!x || !y) return false;
  const dp = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (x[i - 1] === y[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return 1 - dp[y.length]! / Math.max(x.length, y.length) >= 0.9;
}

interface Row {
  name: string;
  family: string;
  kept: number;
  total: number;
  headings?: string;
  title: boolean | null;
  doi: boolean;
  superscripts: number;
  ms: number;
  misses: string[];
}

async function read(file: string) {
  const started = performance.now();
  const result = await readPdf(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  const ms = performance.now() - started;
  fs.writeFileSync(path.join(OUT, `${path.basename(file, ".pdf")}.md`), result.markdown);
  return { ...result, ms };
}

const superscriptRuns = (markdown: string) => (markdown.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,⁻][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*/g) ?? []).length;

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const rows: Row[] = [];
  for (const goldFile of fs.readdirSync(path.join(SHARED, "reviews/gold")).filter((f) => f.endsWith(".json"))) {
    const gold = JSON.parse(fs.readFileSync(path.join(SHARED, "reviews/gold", goldFile), "utf8"));
    if (!String(gold.file).endsWith(".pdf")) continue;
    const r = await read(path.join(SHARED, "reviews", gold.file));
    const wins = windows(r.markdown);
    const misses = (gold.bodyChecks as string[]).filter((s) => !found(s, wins));
    const headingLines = r.markdown.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3));
    const headingHits = (gold.headings as string[]).filter((h) => headingLines.some((l) => similar(l.replace(/^[\d.]+\s+/, ""), h.replace(/^[\d.]+\s+/, "")))).length;
    rows.push({
      name: gold.file, family: "review", kept: gold.bodyChecks.length - misses.length, total: gold.bodyChecks.length,
      headings: `${headingHits}/${gold.headings.length}`, title: similar(r.metaHints.title ?? "", gold.title),
      doi: (r.metaHints.doi ?? "") === String(gold.doi).toLowerCase(), superscripts: superscriptRuns(r.markdown), ms: r.ms, misses,
    });
  }
  const questions = fs.readFileSync(path.join(SHARED, "litqa/dev.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const byPdf = new Map<string, typeof questions>();
  for (const q of questions) byPdf.set(q.pdf, [...(byPdf.get(q.pdf) ?? []), q]);
  for (const [pdf, qs] of byPdf) {
    const r = await read(path.join(SHARED, "litqa", pdf));
    const wins = windows(r.markdown);
    const misses = qs.filter((q) => !found(q.key_passage, wins)).map((q) => q.key_passage as string);
    rows.push({
      name: pdf, family: qs[0].family, kept: qs.length - misses.length, total: qs.length,
      title: qs[0].title ? similar(r.metaHints.title ?? "", qs[0].title) : null,
      doi: (r.metaHints.doi ?? "") === String(qs[0].doi).toLowerCase(), superscripts: superscriptRuns(r.markdown), ms: r.ms, misses,
    });
  }
  for (const row of rows) {
    console.log(`${row.name.padEnd(40)} ${row.family.padEnd(10)} kept ${row.kept}/${row.total}  headings ${row.headings ?? "-"}  title ${row.title === null ? "-" : row.title ? "ok" : "MISS"}  doi ${row.doi ? "ok" : "MISS"}  sup ${row.superscripts}  ${row.ms.toFixed(0)} ms`);
    for (const miss of row.misses) console.log(`    miss: ${miss.slice(0, 140)}`);
  }
  const families = new Map<string, [number, number]>();
  for (const row of rows) {
    const [k, t] = families.get(row.family) ?? [0, 0];
    families.set(row.family, [k + row.kept, t + row.total]);
  }
  console.log([...families].map(([f, [k, t]]) => `${f} ${(k / t).toFixed(2)}`).join("  "));
  const titled = rows.filter((r) => r.title !== null);
  console.log(`title ${titled.filter((r) => r.title).length}/${titled.length}  doi ${rows.filter((r) => r.doi).length}/${rows.length}`);
}

await main();
