// End to end on the hand-written beir-mini fixture with the real USE-lite model and the real engine.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, loadConfig } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import { PseudoDocumentEmbeddings, generateSyntheticChunks, loadCorpusSentences } from "../../bench/synthetic-corpus.ts";
import { createEmbeddings } from "../index/create-embeddings.ts";
import type { SearchResult } from "../types.ts";
import { type BeirEvaluation, type BeirMethodResult, evaluateBeir, rankDocumentsByBestChunk } from "./beir.ts";
import { type BeirDataset, readBeirDataset } from "./beir-dataset.ts";

const FIXTURE = path.join(PROJECT_ROOT, "test/fixtures/beir-mini");

let dataset: BeirDataset;
let run: BeirEvaluation;
let cacheDir: string;

beforeAll(async () => {
  cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), "beir-test-cache-"));
  dataset = await readBeirDataset({
    corpus: path.join(FIXTURE, "corpus.jsonl"),
    queries: path.join(FIXTURE, "queries.jsonl"),
    qrels: path.join(FIXTURE, "qrels.tsv"),
  });
  run = await evaluateBeir(dataset, { embeddings: createEmbeddings(loadConfig({}).embeddings), cacheDir });
});

afterAll(async () => {
  await fs.rm(cacheDir, { recursive: true, force: true });
});

const method = (name: string): BeirMethodResult => run.methods.find((m) => m.method === name)!;
const query = (name: string, id: string) => method(name).perQuery.find((q) => q.queryId === id)!;
/** 1-based rank of each document in a query's ranking (0 = not retrieved). */
const ranksOf = (name: string, id: string, docs: string[]) => docs.map((d) => query(name, id).ranked.indexOf(d) + 1);

describe("evaluateBeir on beir-mini", () => {
  it("indexes every document and evaluates every judged query with all three methods", () => {
    expect(run.documents).toBe(18);
    expect(run.chunks).toBe(18); // every abstract fits in one passage
    expect(run.queriesEvaluated).toBe(9);
    expect(run.warnings).toEqual([]);
    expect(run.methods.map((m) => m.method)).toEqual(["bm25", "dense", "hybrid"]);
    // Dense ranks the whole (18-document) corpus; a document never appears twice.
    for (const q of method("dense").perQuery) expect(new Set(q.ranked).size).toBe(18);
  });

  it("bm25, q1 (P-gp efflux): metrics match the hand computation for the observed ranking", () => {
    // Judged: pgp-tpgs 2, msn-sirna 2, hif-abcg2 1. BM25 ranks them 1, 2 and 4.
    expect(ranksOf("bm25", "q1", ["pgp-tpgs", "msn-sirna", "hif-abcg2"])).toEqual([1, 2, 4]);
    // DCG@10 = 2/log2(2) + 2/log2(3) + 1/log2(5) = 2 + 1.26186 + 0.43068 = 3.69254
    // IDCG   = 2/log2(2) + 2/log2(3) + 1/log2(4) = 2 + 1.26186 + 0.5     = 3.76186
    const q = query("bm25", "q1");
    expect(q.ndcg10).toBeCloseTo(3.69254 / 3.76186, 4); // 0.98157
    expect(q.recall10).toBe(1);
    expect(q.mrr10).toBe(1);
  });

  it("bm25, q7 (exosomes): a grade-1 document at rank 5", () => {
    // Judged: exosome-mir221 2, esr1-fulvestrant 1. BM25 ranks them 1 and 5.
    expect(ranksOf("bm25", "q7", ["exosome-mir221", "esr1-fulvestrant"])).toEqual([1, 5]);
    // DCG = 2 + 1/log2(6) = 2 + 0.38685 = 2.38685; IDCG = 2 + 1/log2(3) = 2.63093 → 0.90723
    expect(query("bm25", "q7").ndcg10).toBeCloseTo(0.90723, 4);
  });

  it("dense, q4 (paraphrase 'safer for the heart'): the answer at rank 8", () => {
    expect(ranksOf("dense", "q4", ["liposomal-dox-trial"])).toEqual([8]);
    // DCG = 2/log2(9) = 0.63093; IDCG = 2 → 0.31546; MRR@10 = 1/8
    const q = query("dense", "q4");
    expect(q.ndcg10).toBeCloseTo(0.31546, 4);
    expect(q.mrr10).toBe(0.125);
    expect(q.recall10).toBe(1);
  });

  it("dense, q9 (TGF-beta EMT): grade 2 at rank 4, the grade-1 document below the top 10", () => {
    const [emt, stemCells] = ranksOf("dense", "q9", ["tgfb-emt", "csc-salinomycin"]);
    expect(emt).toBe(4);
    expect(stemCells).toBeGreaterThan(10);
    // DCG@10 = 2/log2(5) = 0.86135; IDCG = 2 + 1/log2(3) = 2.63093 → 0.32739; Recall@10 = 1/2; MRR@10 = 1/4
    const q = query("dense", "q9");
    expect(q.ndcg10).toBeCloseTo(0.32739, 4);
    expect(q.recall10).toBe(0.5);
    expect(q.recall100).toBe(1); // dense ranks all 18 documents
    expect(q.mrr10).toBe(0.25);
  });

  it("reports per-method means of the per-query metrics", () => {
    for (const m of run.methods) {
      const avg = (pick: (q: (typeof m.perQuery)[number]) => number) =>
        m.perQuery.reduce((sum, q) => sum + pick(q), 0) / m.perQuery.length;
      expect(m.metrics.ndcg10).toBeCloseTo(avg((q) => q.ndcg10), 12);
      expect(m.metrics.recall100).toBeCloseTo(avg((q) => q.recall100), 12);
      expect(m.msPerQuery).toBeGreaterThan(0);
    }
    // Only zero-grade or absent judgements are ignored: q2's autophagy-lapatinib (grade 0) is no hit.
    expect(ranksOf("bm25", "q2", ["autophagy-lapatinib"])[0]).toBeGreaterThan(0);
    expect(query("bm25", "q2").recall10).toBe(1); // 1 of its 1 relevant document
    // Sanity on the fixture's design: the lexical methods find every answer first.
    expect(method("bm25").metrics.mrr10).toBeGreaterThanOrEqual(0.9);
    expect(method("hybrid").metrics.mrr10).toBeGreaterThanOrEqual(0.9);
  });

  it("a rerun finds every vector in the cache", async () => {
    let embedded = -1;
    const again = await evaluateBeir(dataset, {
      embeddings: createEmbeddings(loadConfig({}).embeddings),
      cacheDir,
      methods: ["bm25"],
      onProgress: (done, total) => {
        // The first progress report is what the cache already held.
        if (embedded < 0) embedded = total - done;
      },
    });
    expect(embedded).toBe(0);
    expect(again.methods[0]!.perQuery).toEqual(method("bm25").perQuery);
  });

  it("refuses a dataset with no evaluable query", async () => {
    const error = await evaluateBeir(
      { ...dataset, qrels: new Map([["nope", new Map([["pgp-tpgs", 1]])]]) },
      { embeddings: createEmbeddings(loadConfig({}).embeddings), cacheDir, methods: ["bm25"] },
    ).catch((e: unknown) => e);
    expect(ReviewChatError.isInstance(error) && error.code).toBe("bad_request");
    expect((error as Error).message).toMatch(/absent from the queries file/);
  });
});

describe("evaluateBeir on more than 100 documents", () => {
  it("ranks 100 documents per query where the method can (Recall@100), and splits long texts", async () => {
    // 300 documents of recombined corpus sentences; document vectors from the cheap pseudo-embedder
    // (the depth logic is under test, not ranking quality), queries embedded by USE-lite.
    const sentences = await loadCorpusSentences(path.join(PROJECT_ROOT, "corpus"));
    const chunks = generateSyntheticChunks(sentences, { chunks: 300, chunksPerDoc: 1, seed: 3 });
    const corpus = chunks.map((c, i) => ({ id: `doc${i}`, title: c.section, text: i < 10 ? `${c.text} ${c.text}` : c.text }));
    const queries = [0, 1, 2].map((i) => ({ id: `q${i}`, text: chunks[i]!.sentences[0]!.text }));
    const qrels = new Map(queries.map((q, i) => [q.id, new Map([[`doc${i}`, 1]])]));
    const result = await evaluateBeir(
      { corpus, queries, qrels },
      { embeddings: new PseudoDocumentEmbeddings(createEmbeddings(loadConfig({}).embeddings)), cacheDir, maxWords: 150 },
    );
    expect(result.chunks).toBeGreaterThan(300); // the ten doubled texts exceed 150 words and split
    const dense = result.methods.find((m) => m.method === "dense")!;
    expect(dense.meanDepth).toBe(100);
    for (const m of result.methods) {
      for (const q of m.perQuery) {
        expect(q.ranked.length).toBeLessThanOrEqual(100);
        expect(new Set(q.ranked).size).toBe(q.ranked.length);
        expect(q.recall100).toBeGreaterThanOrEqual(q.recall10);
      }
    }
    // Each query is a sentence of its document: BM25 retrieves it within the top 100.
    expect(result.methods.find((m) => m.method === "bm25")!.metrics.recall100).toBe(1);
  });
});

describe("rankDocumentsByBestChunk", () => {
  it("keeps each document at the rank of its best chunk", () => {
    const hit = (docId: string, rank: number) => ({ docId, rank }) as SearchResult;
    expect(rankDocumentsByBestChunk([hit("a", 1), hit("b", 2), hit("a", 3), hit("c", 4)])).toEqual(["a", "b", "c"]);
    expect(rankDocumentsByBestChunk([hit("a", 1), hit("b", 2), hit("c", 3)], 2)).toEqual(["a", "b"]);
  });
});
