// Against the real index of the real corpus (built by the test setup), with the real USE-lite model.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { IndexError, ReviewChatError } from "../errors.ts";
import { createEmbeddings } from "../index/create-embeddings.ts";
import { cacheDir } from "../store/index-files.ts";
import { type LoadedIndex, loadIndex } from "../store/load-index.ts";
import { SearchEngine } from "./search-engine.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";

const config = loadConfig({});
const embeddings = new CountingUseLite();
let loaded: LoadedIndex;
let engine: SearchEngine;

beforeAll(async () => {
  loaded = await loadIndex(config.indexDir, embeddings);
  engine = loaded.engine;
});
afterAll(() => embeddings.close());

// The passage says only "CS/Lf/PTS-SLNs, prepared by Aly et al., improved drug solubility…";
// the question spells the formulation out and shares few of the passage's words.
const SLN_QUESTION = "What did the chondroitin sulfate and lactoferrin coated pterostilbene solid lipid nanoparticles achieve?";

describe("SearchEngine on the two reviews", () => {
  it("ranks the CS/Lf/PTS-SLNs passage of guan2024 first for a paraphrased question", async () => {
    const [first] = await engine.search(SLN_QUESTION);
    expect(first!.docId).toBe("guan2024");
    expect(first!.text).toContain("CS/Lf/PTS-SLNs");
    expect(first!.refs).toContain(44);
    expect(first!.rank).toBe(1);
  });

  it("returns SearchResults best first with ranks from 1, in every mode", async () => {
    for (const mode of ["bm25", "dense", "hybrid"] as const) {
      const results = await engine.search("How does P-glycoprotein cause multidrug resistance?", { k: 5, mode });
      expect(results).toHaveLength(5);
      expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
      for (let i = 1; i < results.length; i++) expect(results[i]!.score).toBeLessThanOrEqual(results[i - 1]!.score);
      for (const r of results) {
        expect(Object.keys(r).sort()).toEqual(["docId", "id", "kind", "rank", "refs", "score", "section", "text"]);
        expect(loaded.corpus.chunk(r.id)?.text).toBe(r.text);
      }
    }
  });

  it("restricts results to the documents asked for", async () => {
    const question = "Which microRNAs cause tamoxifen resistance?";
    for (const mode of ["bm25", "dense", "hybrid"] as const) {
      const onlyGuan = await engine.search(question, { k: 10, mode, docs: ["guan2024"] });
      expect(onlyGuan.length).toBeGreaterThan(0);
      expect(new Set(onlyGuan.map((r) => r.docId))).toEqual(new Set(["guan2024"]));
    }
    const both = await engine.search(question, { k: 10, docs: ["guan2024", "verma2024"] });
    expect(both.some((r) => r.docId === "verma2024")).toBe(true);
    expect(await engine.search(question, { docs: ["nosuchdoc"] })).toEqual([]);
  });

  it("restricts results to the chunks asked for, within the documents asked for", async () => {
    const question = "Which microRNAs cause tamoxifen resistance?";
    const firstChunks = loaded.corpus.chunks.slice(0, 3).map((chunk) => chunk.id);
    for (const mode of ["bm25", "dense", "hybrid"] as const) {
      const scoped = await engine.search(question, { k: 10, mode, chunks: firstChunks });
      expect(scoped.length).toBeGreaterThan(0);
      expect(scoped.every((r) => firstChunks.includes(r.id))).toBe(true);
    }
    const otherDoc = loaded.corpus.documents.find((doc) => doc.meta.id !== loaded.corpus.chunks[0]!.docId)!.meta.id;
    expect(await engine.search(question, { chunks: firstChunks, docs: [otherDoc] })).toEqual([]);
  });

  it("embeds a repeated query once", async () => {
    const question = "Why were the MRX34 trials closed?";
    const before = embeddings.queries;
    const first = await engine.search(question, { mode: "hybrid" });
    await engine.search(`  ${question} `, { mode: "dense" });
    const again = await engine.search(question, { mode: "hybrid" });
    expect(embeddings.queries - before).toBe(1);
    expect(again).toEqual(first);
  });

  it("returns BM25's ranking without embedding the query when asked to and BM25 is decisive", async () => {
    const question = "What did PBA-Niclo-SLN do to the cell cycle of TNBC cells?";
    const before = embeddings.queries;
    const quick = await engine.search(question, { k: 6, lexicalShortcut: 0.2 });
    expect(embeddings.queries).toBe(before);
    const bm25 = await engine.search(question, { k: 6, mode: "bm25" });
    expect(quick.map((r) => r.id)).toEqual(bm25.map((r) => r.id));
    expect(quick.map((r) => r.score)).toEqual(bm25.map((r) => r.score / bm25[0]!.score));
    // Not decisive at this margin: hybrid search, which embeds.
    await engine.search(question, { k: 6, lexicalShortcut: 0.99 });
    expect(embeddings.queries).toBe(before + 1);
  });

  it("diversifies with MMR without losing the best hit", async () => {
    const plain = await engine.search(SLN_QUESTION, { k: 5 });
    const diverse = await engine.search(SLN_QUESTION, { k: 5, mmr: true });
    expect(diverse).toHaveLength(5);
    expect(diverse[0]!.id).toBe(plain[0]!.id);
    expect(new Set(diverse.map((r) => r.id)).size).toBe(5);
  });

  it("gives each sentence window of a chunk its similarity, the best of them being the chunk's dense score", async () => {
    const [first] = await engine.search(SLN_QUESTION, { k: 1, mode: "dense" });
    const queriesBefore = embeddings.queries;
    const windows = (await engine.windowSimilarities(SLN_QUESTION, [first!.id, "nosuch:0000"])).get(first!.id)!;
    expect(embeddings.queries).toBe(queriesBefore);
    expect(Math.max(...windows.map((w) => w.similarity))).toBeCloseTo(first!.score, 4);
    // Windows hold the chunk's sentences in order.
    expect(windows.map((w) => w.text).join(" ").replace(/\s+/g, " ")).toBe(first!.text.replace(/\s+/g, " ").trim());
  });

  it("reads, when asked, only the vector of a query a hybrid search embedded", async () => {
    const [first] = await engine.search(SLN_QUESTION, { k: 1 });
    const queriesBefore = embeddings.queries;
    expect((await engine.windowSimilarities(SLN_QUESTION, [first!.id], { searchedOnly: true })).get(first!.id)!.length).toBeGreaterThan(0);
    expect(await engine.windowSimilarities("a question nobody has searched yet", [first!.id], { searchedOnly: true })).toEqual(new Map());
    expect(embeddings.queries).toBe(queriesBefore);
    // Embedded for something else (a claim, a dense probe), it is still not a searched query.
    await engine.search("a question only probed", { k: 1, mode: "dense" });
    expect(await engine.windowSimilarities("a question only probed", [first!.id], { searchedOnly: true })).toEqual(new Map());
  });

  it("reads no vector for a query whose latest search took the lexical shortcut, whatever embedded it before", async () => {
    // An answer after a shortcut must not depend on an earlier /api/search of the same text.
    const [first] = await engine.search(SLN_QUESTION, { k: 1 });
    await engine.search(SLN_QUESTION, { k: 1, lexicalShortcut: 0 });
    expect(await engine.windowSimilarities(SLN_QUESTION, [first!.id], { searchedOnly: true })).toEqual(new Map());
    await engine.search(SLN_QUESTION, { k: 1 });
    expect((await engine.windowSimilarities(SLN_QUESTION, [first!.id], { searchedOnly: true })).get(first!.id)!.length).toBeGreaterThan(0);
  });

  it("rejects an empty query, a bad k and an unknown mode with bad_request", async () => {
    for (const call of [
      () => engine.search("   "),
      () => engine.search("liposomes", { k: 0 }),
      () => engine.search("liposomes", { k: 2.5 }),
      () => engine.search("liposomes", { mode: "fuzzy" as never }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(ReviewChatError.isInstance(error) && error.code).toBe("bad_request");
    }
  });
});

describe("SearchEngine.fromChunks", () => {
  it("builds an in-memory engine from the shared cache that finds the same passage", async () => {
    const chunks = loaded.files.chunks.filter((c) => c.docId === "guan2024");
    const memory = await SearchEngine.fromChunks(chunks, embeddings, { cacheDir: cacheDir(config.indexDir), config: { method: "rrf" } });
    expect(memory.config.method).toBe("rrf");
    expect(memory.chunks).toBe(chunks);
    const [first] = await memory.search(SLN_QUESTION);
    expect(first!.text).toContain("CS/Lf/PTS-SLNs");
  });
});

describe("loadIndex", () => {
  it("refuses an index built by another embedder and says to re-run ingest", async () => {
    const other = createEmbeddings({ provider: "openai", model: "text-embedding-3-small", apiKey: "sk-test" });
    const error = await loadIndex(config.indexDir, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).code).toBe("index_mismatch");
    expect((error as IndexError).message).toMatch(/use-lite-512.*openai:text-embedding-3-small/);
    expect((error as IndexError).message).toContain("review-chat ingest");
  });

  it("reports a missing index as index_missing", async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), "no-index-"));
    try {
      const error = await loadIndex(empty, embeddings).catch((e: unknown) => e);
      expect((error as IndexError).code).toBe("index_missing");
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
  });
});
