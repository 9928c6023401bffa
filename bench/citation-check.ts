// `node --import tsx bench/citation-check.ts [--verbose] [paper …]`: in-text citation recall,
// precision and false citations on the shared reviews (../shared/reviews), parsed in process with
// parseDocumentFile — no server, no embedder. Scored the way score_citations in
// ../shared/tools/structure_eval.py scores them: a gold sentence matches a parsed sentence when
// ≥ 0.6 of its word 4-grams (citation groups and bare digits dropped) occur in it (or the reverse,
// for a candidate at least 40 % as long); author–year gold numbers are aligned to the parsed list
// on first-author surname + year by the same order-preserving alignment. --verbose lists misses.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocumentFile } from "../src/ingest/parse-document.ts";
import { alignAuthorYear } from "./align-author-year.ts";
import { gramSim, grams, tokens } from "./grader-text-match.ts";

const REVIEWS = path.resolve(import.meta.dirname, "../../shared/reviews");
const MATCH = 0.6;

interface GoldCitation {
  sentence: string;
  refs: number[];
  citedAs?: string[];
}
interface Gold {
  file: string;
  citations: GoldCitation[];
  entryKeys?: [string, number][];
}

interface Score {
  paper: string;
  recall: number;
  precision: number | null;
  falseCitations: number;
  misses: string[];
}

async function check(goldFile: string, verbose: boolean): Promise<Score> {
  const gold = JSON.parse(await readFile(goldFile, "utf8")) as Gold;
  const paper = path.basename(goldFile, ".json");
  const doc = await parseDocumentFile(path.join(REVIEWS, gold.file));
  const nmap: (n: number) => number | undefined = gold.entryKeys
    ? ((aligned) => (n: number) => aligned.get(n))(alignAuthorYear(gold.entryKeys, doc.references))
    : (n) => n;
  // Like GET /api/documents/:id/references/:n → citedBy: every sentence whose refs hold n, keyed by text.
  const known = new Set(doc.references.map((ref) => ref.n));
  const citing = new Map<string, Set<number>>();
  for (const chunk of doc.chunks) {
    for (const sentence of chunk.sentences) {
      for (const n of sentence.refs) {
        if (!known.has(n)) continue;
        const set = citing.get(sentence.text) ?? new Set<number>();
        set.add(n);
        citing.set(sentence.text, set);
      }
    }
  }
  const candidates = [...citing].map(([text, ns]) => ({ grams: grams(tokens(text)), ns, text }));
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let falseHits = 0;
  let uncited = 0;
  const misses: string[] = [];
  for (const c of gold.citations) {
    const G = grams(tokens(c.sentence));
    const predicted = new Set<number>();
    for (const candidate of candidates) if (gramSim(G, candidate.grams) >= MATCH) for (const n of candidate.ns) predicted.add(n);
    const expected = new Set(c.refs.map(nmap).filter((n): n is number => n !== undefined));
    const unaligned = c.refs.filter((n) => nmap(n) === undefined).length;
    if (c.refs.length) {
      const hit = [...predicted].filter((n) => expected.has(n)).length;
      tp += hit;
      fn += expected.size - hit + unaligned;
      fp += [...predicted].filter((n) => !expected.has(n)).length;
      if (hit < expected.size || unaligned || predicted.size > hit) {
        misses.push(`  expected ${[...expected].join(",")}${unaligned ? ` (+${unaligned} unaligned)` : ""} got ${[...predicted].join(",")}: ${c.sentence.slice(0, 110)}`);
      }
    } else {
      uncited++;
      if (predicted.size) {
        falseHits++;
        misses.push(`  expected none, got ${[...predicted].join(",")}: ${c.sentence.slice(0, 110)}`);
      }
    }
  }
  if (verbose) {
    const q = doc.quality;
    misses.unshift(`  quality: ${q.citationStyle}, ${q.citations.found} found, ${q.citations.resolved} resolved, ${doc.references.length} references (${q.referenceStyle})`);
  }
  return {
    paper,
    recall: tp + fn ? tp / (tp + fn) : 0,
    precision: tp + fp ? tp / (tp + fp) : null,
    falseCitations: uncited ? falseHits / uncited : 0,
    misses,
  };
}

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.filter((arg) => !arg.startsWith("--"));
const goldDir = path.join(REVIEWS, "gold");
const { readdir } = await import("node:fs/promises");
const files = (await readdir(goldDir)).filter((f) => f.endsWith(".json") && (!only.length || only.includes(f.slice(0, -5))));
const fmt = (v: number | null) => (v === null ? "   -" : v.toFixed(2));
console.log("paper          recall  precision  false");
for (const file of files.sort()) {
  const started = performance.now();
  const score = await check(path.join(goldDir, file), verbose);
  const ms = Math.round(performance.now() - started);
  console.log(`${score.paper.padEnd(14)} ${fmt(score.recall).padStart(6)} ${fmt(score.precision).padStart(10)} ${fmt(score.falseCitations).padStart(6)}   (${ms} ms)`);
  if (verbose) for (const miss of score.misses) console.log(miss);
}
