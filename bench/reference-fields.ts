// `node --import tsx bench/reference-fields.ts [--verbose] [paper …]`: reference lists of the shared
// reviews (../shared/reviews), parsed in process with parseDocumentFile — no server, no embedder.
// Per paper: entries parsed vs the gold referenceCount, the list style, and the field score computed
// like score_references in ../shared/tools/structure_eval.py (per gold entry, the share right of
// firstAuthor in authors[0], year, title starting with titleStart, journal abbreviation-tolerant,
// DOI — absent when the gold has none; author–year gold positions aligned on surname + year).
// --verbose lists every wrong field with what was parsed.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parseDocumentFile } from "../src/ingest/parse-document.ts";
import type { ReferenceEntry } from "../src/types.ts";
import { alignAuthorYear, containsSeq, words } from "./align-author-year.ts";

const REVIEWS = path.resolve(import.meta.dirname, "../../shared/reviews");

interface GoldReference {
  n: number;
  firstAuthor: string;
  year: number;
  titleStart?: string | null;
  journal?: string | null;
  doi?: string | null;
}
interface Gold {
  file: string;
  referenceCount: number;
  references: GoldReference[];
  entryKeys?: [string, number][];
}

// ---- the grader's normalisation (structure_eval.py: fold, plain/words, tokens without citation groups)
const fold = (s: string) => s.normalize("NFKC").normalize("NFKD").replace(/\p{M}/gu, "");

/** Title tokens as the grader cuts them (hyphens joined, digits dropped); titles carry no citation groups. */
function tokens(text: string): string[] {
  const s = fold(text).toLowerCase().replace(/\u00ad/g, "").replace(/(?<=\w)[-\u2010\u2011\u2012\u2212]\s*(?=\w)/g, "");
  return (s.match(/[a-z0-9]+/g) ?? []).filter((t) => !/^\d+$/.test(t)).map((t) => t.replace(/^\d+|\d+$/g, "")).filter(Boolean);
}

/** difflib.SequenceMatcher(None, a, b).ratio() for token lists (no autojunk below 200 items). */
function sequenceRatio(a: string[], b: string[]): number {
  const matched = (alo: number, ahi: number, blo: number, bhi: number): number => {
    let best = { i: alo, j: blo, size: 0 };
    let lengths = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (let j = blo; j < bhi; j++) {
        if (a[i] !== b[j]) continue;
        const k = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > best.size) best = { i: i - k + 1, j: j - k + 1, size: k };
      }
      lengths = next;
    }
    if (!best.size) return 0;
    return best.size + matched(alo, best.i, blo, best.j) + matched(best.i + best.size, ahi, best.j + best.size, bhi);
  };
  const total = a.length + b.length;
  return total ? (2 * matched(0, a.length, 0, b.length)) / total : 1;
}

const JOURNAL_STOP = new Set(["of", "the", "and", "for", "in", "on"]);
function journalMatch(gold: string, parsed: string): boolean {
  const g = words(gold).filter((w) => !JOURNAL_STOP.has(w));
  const s = words(parsed).filter((w) => !JOURNAL_STOP.has(w));
  if (!g.length || !s.length) return false;
  if (g.join(" ") === s.join(" ") || g.join("") === s.join("")) return true;
  return g.length === s.length && g.every((w, i) => w.startsWith(s[i]!) || s[i]!.startsWith(w));
}

const normDoi = (d: string | null | undefined) =>
  fold(d ?? "").trim().toLowerCase().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/, "").replace(/\s+/g, "").replace(/[.,;]+$/, "");

function scoreEntry(gold: GoldReference, entry: ReferenceEntry): Record<string, boolean> {
  const fields: Record<string, boolean> = {
    firstAuthor: entry.authors.length > 0 && containsSeq(words(entry.authors[0]!), words(gold.firstAuthor)),
    year: entry.year !== undefined && String(entry.year) === String(gold.year),
    doi: gold.doi ? normDoi(entry.doi) === normDoi(gold.doi) : !entry.doi,
  };
  if (gold.titleStart) {
    const gt = tokens(gold.titleStart);
    const st = tokens(entry.title ?? "");
    fields.titleStart = gt.length > 0 && st.length > 0 && sequenceRatio(gt, st.slice(0, gt.length)) >= 0.85;
  }
  if (gold.journal) fields.journal = Boolean(entry.journal) && journalMatch(gold.journal, entry.journal!);
  return fields;
}

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.filter((arg) => !arg.startsWith("--"));
const goldDir = path.join(REVIEWS, "gold");
const files = (await readdir(goldDir)).filter((f) => f.endsWith(".json") && (!only.length || only.includes(f.slice(0, -5))));
console.log("paper          parsed  true  count   fields  style        ms");
const totals: number[] = [];
for (const file of files.sort()) {
  const gold = JSON.parse(await readFile(path.join(goldDir, file), "utf8")) as Gold;
  const started = performance.now();
  const doc = await parseDocumentFile(path.join(REVIEWS, gold.file));
  const ms = Math.round(performance.now() - started);
  const refs = doc.references;
  const byN = new Map(refs.map((ref) => [ref.n, ref]));
  const aligned = gold.entryKeys ? alignAuthorYear(gold.entryKeys, refs) : null;
  const misses: string[] = [];
  let sum = 0;
  for (const g of gold.references) {
    const n = aligned ? aligned.get(g.n) : g.n;
    const entry = n === undefined ? undefined : byN.get(n);
    if (!entry) {
      misses.push(`  #${g.n}: missing (${g.firstAuthor} ${g.year})`);
      continue;
    }
    const fields = scoreEntry(g, entry);
    const values = Object.values(fields);
    sum += values.filter(Boolean).length / values.length;
    const wrong = Object.keys(fields).filter((key) => !fields[key]);
    if (wrong.length) {
      const got = { authors0: entry.authors[0], year: entry.year, title: entry.title, journal: entry.journal, doi: entry.doi };
      misses.push(`  #${g.n}→${entry.n} wrong ${wrong.join(",")}: ${JSON.stringify(got)}\n      text: ${entry.text.slice(0, 240)}`);
    }
  }
  const score = gold.references.length ? sum / gold.references.length : 0;
  totals.push(score);
  const t = gold.referenceCount;
  const count = refs.length && t ? Math.min(refs.length, t) / Math.max(refs.length, t) : 0;
  const paper = file.slice(0, -5);
  console.log(
    `${paper.padEnd(14)} ${String(refs.length).padStart(6)} ${String(t).padStart(5)}  ${count.toFixed(3)}  ${score.toFixed(3)}  ${doc.quality.referenceStyle.padEnd(11)} ${String(ms).padStart(5)}`,
  );
  if (verbose) for (const miss of misses) console.log(miss);
}
const mean = totals.reduce((a, b) => a + b, 0) / (totals.length || 1);
console.log(`mean field score ${mean.toFixed(3)}`);
