// Hybrid search over one index: BM25 (inverted index, built at load) and dense vectors (HNSW over
// sentence windows, so a chunk's dense score is its best question–window similarity), fused over
// the union of both candidate lists, optionally diversified with MMR.
import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { badRequest, IndexError, ReviewChatError } from "../errors.ts";
import { Bm25Index, type ScoredIndex, topK } from "../index/bm25-index.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { type ChunkVectorMetadata, createVectorStore, loadVectorStore } from "../index/vector-index.ts";
import { REBUILD_HINT, type IndexFiles, type StoredDocument, vectorsDir } from "../store/index-files.ts";
import type { Chunk, SearchResult } from "../types.ts";
import { DocumentMentions } from "./document-mentions.ts";
import { type FusionConfig, type FusionOverrides, fuseScores, resolveFusionConfig } from "./fusion.ts";
import { mmrSelect } from "./mmr.ts";
import { dot, toUnit } from "./vector-math.ts";

export type SearchMode = "bm25" | "dense" | "hybrid";

/** What the engine reads of a parsed document: its metadata (to recognise it when a question names it). */
export type EngineDocument = Pick<StoredDocument, "meta">;

export const SEARCH_MODES: readonly SearchMode[] = ["bm25", "dense", "hybrid"];

export interface SearchOptions {
  /** Results to return (default 8). */
  k?: number;
  /** Restrict to these document ids (empty or absent: all documents). */
  docs?: string[];
  /** Restrict to these chunk ids too (a question naming a paper's sections; empty or absent: all chunks). */
  chunks?: string[];
  mode?: SearchMode;
  /** Diversify the results with maximal marginal relevance. */
  mmr?: boolean;
  /**
   * Hybrid only: when BM25's best chunk leads its second by this share of its score, return BM25's
   * ranking (scores relative to the best) without embedding the query. Absent: always hybrid.
   */
  lexicalShortcut?: number;
}

const DEFAULT_K = 8;
const MAX_K = 1000;
const QUERY_CACHE_SIZE = 512;
/** Floor of HNSW's search breadth (ef): recall close to exact search for the depths asked here. */
const MIN_EF = 100;

/** A small LRU for query vectors: the query embedding is most of a search's time. */
class LruCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }
}

export class SearchEngine {
  readonly chunks: Chunk[];
  readonly config: FusionConfig;
  readonly bm25: Bm25Index;
  private readonly store: HNSWLib;
  private readonly embeddings: IdentifiedEmbeddings;
  /** HNSW label → position in `chunks` (a chunk has one label per sentence window). */
  private readonly chunkOfLabel: Int32Array;
  /** Position in `chunks` → its HNSW labels. */
  private readonly labelsOfChunk: number[][];
  /** Chunk id → position in `chunks`. */
  private readonly positionOf: Map<string, number>;
  /** Mean windows per chunk: how deep to search windows to find k distinct chunks. */
  private readonly meanWindows: number;
  /** Recognises a document named in the question (answering shares it: answer-resources.ts). */
  readonly mentions: DocumentMentions;
  private readonly queryVectors = new LruCache<Promise<number[]>>(QUERY_CACHE_SIZE);
  /** Queries a hybrid search embedded (not those a lexical shortcut answered): see `windowSimilarities`. */
  private readonly searchedDensely = new LruCache<true>(QUERY_CACHE_SIZE);
  /**
   * Unit-length window vectors by HNSW label, filled as lexical candidates need them: at most one
   * float32 copy of the vectors HNSW holds (284 windows for the two reviews: 0.6 MB).
   */
  private readonly unitVectors: (Float32Array | undefined)[] = [];

  // Protected: the PostgreSQL store's engine (src/store/postgres/pgvector-search.ts) runs the dense kNN in the database.
  protected constructor(
    chunks: Chunk[],
    store: HNSWLib,
    embeddings: IdentifiedEmbeddings,
    config: FusionConfig,
    documents: readonly EngineDocument[],
    pendingDocuments: readonly string[] = [],
  ) {
    this.chunks = chunks;
    this.mentions = new DocumentMentions(documents.map((doc) => doc.meta));
    this.store = store;
    this.embeddings = embeddings;
    this.config = config;
    this.bm25 = Bm25Index.build(chunks, config.bm25);
    const positionOf = new Map(chunks.map((chunk, i) => [chunk.id, i]));
    this.positionOf = positionOf;
    const count = store.index.getCurrentCount();
    this.chunkOfLabel = new Int32Array(count).fill(-1);
    this.labelsOfChunk = chunks.map(() => []);
    for (let label = 0; label < count; label++) {
      const doc = store.docstore.search(String(label));
      const id = typeof doc === "string" ? undefined : (doc.metadata as ChunkVectorMetadata).id;
      const position = id === undefined ? undefined : positionOf.get(id);
      if (position === undefined) continue;
      this.chunkOfLabel[label] = position;
      this.labelsOfChunk[position]!.push(label);
    }
    // A staged build's documents still being embedded have no vectors yet: BM25 finds them meanwhile.
    const pending = new Set(pendingDocuments);
    const missing = this.labelsOfChunk.findIndex((labels, i) => labels.length === 0 && !pending.has(chunks[i]!.docId));
    if (missing >= 0) {
      throw new IndexError(
        "index_corrupt",
        `The vector index has no vector for chunk ${chunks[missing]!.id}; ${REBUILD_HINT}`,
      );
    }
    this.meanWindows = chunks.length > 0 ? count / chunks.length : 1;
  }

  /**
   * Open the search engine of a built index (vectors from `vectorsDir(files.buildDir)`).
   *
   * @example
   * const engine = await SearchEngine.load(await readIndexFiles(buildDir), createEmbeddings(config.embeddings));
   */
  static async load(
    files: IndexFiles,
    embeddings: IdentifiedEmbeddings,
    config?: FusionOverrides,
  ): Promise<SearchEngine> {
    const store = await loadVectorStore(vectorsDir(files.buildDir), embeddings);
    const fusion = resolveFusionConfig(embeddings.modelId, config);
    return new SearchEngine(files.chunks, store, embeddings, fusion, files.documents, files.manifest.pendingDocuments);
  }

  /**
   * An in-memory engine over any chunks (BEIR runs, tests); vectors go through the cache when given one.
   *
   * @example
   * const engine = await SearchEngine.fromChunks(chunks, embeddings, { cacheDir: "index/cache" });
   */
  static async fromChunks(
    chunks: Chunk[],
    embeddings: IdentifiedEmbeddings,
    opts: {
      cacheDir?: string;
      onProgress?: (done: number, total: number) => void;
      config?: FusionOverrides;
      /** The chunks' documents (optional): lets a question name the document it is about. */
      documents?: readonly EngineDocument[];
    } = {},
  ): Promise<SearchEngine> {
    const { store } = await createVectorStore(chunks, embeddings, { cacheDir: opts.cacheDir, onProgress: opts.onProgress });
    const config = resolveFusionConfig(embeddings.modelId, opts.config);
    return new SearchEngine(chunks, store, embeddings, config, opts.documents ?? []);
  }

  /** The query's vector; repeated queries are served from an LRU cache without re-embedding. */
  embedQuery(text: string): Promise<number[]> {
    const key = text.trim();
    let vector = this.queryVectors.get(key);
    if (!vector) {
      vector = this.embeddings.embedQuery(key);
      // A failed embedding is not cached, so the next call retries.
      vector.catch(() => this.queryVectors.delete(key));
      this.queryVectors.set(key, vector);
    }
    return vector;
  }

  /**
   * Best chunks for a question, best first, ranks from 1.
   *
   * @example
   * await engine.search("Which lipid nanoparticles carry pterostilbene?", { k: 5, docs: ["guan2024"] });
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const text = typeof query === "string" ? query.trim() : "";
    if (!text) throw badRequest("The search query is empty");
    const k = options.k ?? DEFAULT_K;
    if (!Number.isInteger(k) || k < 1 || k > MAX_K) throw badRequest(`k must be an integer from 1 to ${MAX_K}, got ${k}`);
    const mode = options.mode ?? "hybrid";
    if (mode !== "bm25" && mode !== "dense" && mode !== "hybrid") {
      throw badRequest(`mode must be bm25, dense or hybrid, got "${String(mode)}"`);
    }
    const allowed = this.allowedMask(options.docs, options.chunks);
    const depth = options.mmr ? Math.max(k * 3, this.config.candidates) : k;

    let ranked: ScoredIndex[];
    if (mode === "bm25") ranked = this.bm25.search(text, depth, allowed);
    else if (mode === "dense") ranked = await this.denseSearch(await this.queryVector(text), depth, allowed);
    else ranked = await this.hybridSearch(text, allowed, options.lexicalShortcut);

    if (options.mmr && ranked.length > k) {
      ranked = mmrSelect(ranked.slice(0, depth), (i) => this.vectorOf(i), k, this.config.mmrLambda);
    }
    return ranked.slice(0, k).map(({ index, score }, i) => {
      const chunk = this.chunks[index]!;
      return {
        id: chunk.id,
        docId: chunk.docId,
        section: chunk.section,
        kind: chunk.kind,
        text: chunk.text,
        refs: chunk.refs,
        score,
        rank: i + 1,
      };
    });
  }

  private async queryVector(text: string): Promise<number[]> {
    try {
      return await this.embedQuery(text);
    } catch (cause) {
      if (ReviewChatError.isInstance(cause)) throw cause;
      throw new ReviewChatError("internal", `Embedding the query with ${this.embeddings.modelId} failed`, { cause });
    }
  }

  private allowedMask(docs: string[] | undefined, chunks?: string[]): Uint8Array | undefined {
    const byDoc = docs?.length ? new Set(docs) : undefined;
    const byChunk = chunks?.length ? new Set(chunks) : undefined;
    if (!byDoc && !byChunk) return undefined;
    const mask = new Uint8Array(this.chunks.length);
    for (const [i, chunk] of this.chunks.entries()) if ((!byDoc || byDoc.has(chunk.docId)) && (!byChunk || byChunk.has(chunk.id))) mask[i] = 1;
    return mask;
  }

  /**
   * The k chunks with the most similar window (cosine similarity = 1 − HNSW's cosine distance; a
   * chunk scores its best window). Asks HNSW for ~1.5 × k × mean windows per chunk and goes deeper
   * only when that yields fewer than k distinct chunks.
   */
  protected async denseSearch(vector: number[], k: number, allowed?: Uint8Array): Promise<ScoredIndex[]> {
    const index = this.store.index;
    const available = index.getCurrentCount();
    if (available === 0 || k === 0) return [];
    const filter = allowed ? (label: number) => allowed[this.chunkOfLabel[label]!] === 1 : undefined;
    let n = Math.min(available, Math.ceil(k * this.meanWindows * 1.5));
    for (;;) {
      index.setEf(Math.max(MIN_EF, n));
      const { neighbors, distances } = index.searchKnn(vector, n, filter);
      const best = new Map<number, number>();
      for (const [i, label] of neighbors.entries()) {
        const position = this.chunkOfLabel[label]!;
        // Neighbours arrive nearest first, so a chunk's first window is its best.
        if (position >= 0 && !best.has(position)) best.set(position, 1 - distances[i]!);
      }
      // Fewer neighbours than asked means the filter (or the index) has no more to give.
      if (best.size >= k || n >= available || neighbors.length < n) {
        return [...best].slice(0, k).map(([position, score]) => ({ index: position, score }));
      }
      n = Math.min(available, n * 2);
    }
  }

  /**
   * Each sentence window of the given chunks (its text and cosine similarity to the query), in
   * window order: the query's cached vector against the cached window vectors, nothing re-embedded.
   * `searchedOnly` reads only the vector of a query whose latest hybrid search embedded it (an empty map when
   * that search took the lexical shortcut, whatever else embedded or probed the text before): the caller never waits for the embedder,
   * and the same question gets the same answer every time.
   *
   * @example
   * await engine.windowSimilarities("PTX micelles overcome P-gp efflux", ["guan2024:0042"]); // Map { "guan2024:0042" → [{ text, similarity: 0.61 }, …] }
   */
  async windowSimilarities(
    query: string,
    chunkIds: readonly string[],
    options: { searchedOnly?: boolean } = {},
  ): Promise<Map<string, { text: string; similarity: number }[]>> {
    const out = new Map<string, { text: string; similarity: number }[]>();
    const key = query.trim();
    if (options.searchedOnly && !this.searchedDensely.get(key)) return out;
    const unitQuery = toUnit(await this.queryVector(key));
    for (const id of chunkIds) {
      const position = this.positionOf.get(id);
      if (position === undefined) continue;
      // Labels were added window by window, so ascending labels are the chunk's windows in order.
      const windows = this.labelsOfChunk[position]!.map((label) => {
        const doc = this.store.docstore.search(String(label));
        return { text: typeof doc === "string" ? "" : doc.pageContent, similarity: dot(unitQuery, this.unitVector(label)) };
      });
      out.set(id, windows);
    }
    return out;
  }

  /** A chunk's dense score computed exactly: its best window's cosine similarity to the query (undefined: no vectors yet). */
  private denseScoreOf(query: Float32Array, position: number): number | undefined {
    if (this.labelsOfChunk[position]!.length === 0) return undefined;
    let best = -1;
    for (const label of this.labelsOfChunk[position]!) best = Math.max(best, dot(query, this.unitVector(label)));
    return best;
  }

  /**
   * A window's vector at unit length, copied out of HNSW once: `getPoint` builds a fresh JS array
   * on every call, which made exact scoring of the lexical candidates most of a warm search's time.
   */
  private unitVector(label: number): Float32Array {
    let vector = this.unitVectors[label];
    if (!vector) {
      vector = toUnit(this.store.index.getPoint(label));
      this.unitVectors[label] = vector;
    }
    return vector;
  }

  /** A chunk's direction for MMR: the mean of its window vectors (unit length in cosine space). */
  private vectorOf(position: number): number[] {
    const labels = this.labelsOfChunk[position]!;
    // No vectors yet: no direction, so MMR sees it as similar to nothing.
    if (labels.length === 0) return new Array<number>(this.store.index.getNumDimensions()).fill(0);
    const sum = this.store.index.getPoint(labels[0]!).slice();
    for (const label of labels.slice(1)) {
      const point = this.store.index.getPoint(label);
      for (let i = 0; i < sum.length; i++) sum[i]! += point[i]!;
    }
    return sum;
  }

  private async hybridSearch(text: string, allowed?: Uint8Array, lexicalShortcut?: number): Promise<ScoredIndex[]> {
    const { candidates: depth } = this.config;
    const { scores: bm25Scores, touched } = this.bm25.scoreAll(this.bm25.queryTerms(text), allowed);
    const lexical = topK(touched, bm25Scores, depth);
    const [first, second] = lexical;
    if (lexicalShortcut !== undefined && first && second && first.score > 0 && (first.score - second.score) / first.score >= lexicalShortcut) {
      // The text's latest search took the shortcut: `windowSimilarities` with `searchedOnly` reads no vector for it,
      // even if another search (/api/search, an evaluation) embedded it before, so an answer does not depend on
      // what was asked earlier.
      this.searchedDensely.delete(text);
      return lexical.map(({ index, score }) => ({ index, score: score / first.score }));
    }
    const vector = await this.queryVector(text);
    this.searchedDensely.set(text, true);
    const dense = await this.denseSearch(vector, depth, allowed);

    // The union, each candidate scored by both methods (a lexical hit's dense score is its cosine).
    const denseScore = new Map(dense.map((hit) => [hit.index, hit.score]));
    const pool = [...new Set([...lexical.map((h) => h.index), ...dense.map((h) => h.index)])];
    if (pool.length === 0) return [];
    const b = pool.map((i) => bm25Scores[i]!);
    const unitQuery = toUnit(vector);
    const d = pool.map((i) => denseScore.get(i) ?? this.denseScoreOf(unitQuery, i));
    const fused = fuseScores(b, d, this.config);
    const named = this.config.mentionBoost > 0 ? new Set(this.mentions.find(text)) : new Set<string>();
    if (named.size > 0) {
      const span = Math.max(...fused) - Math.min(...fused);
      for (const [i, position] of pool.entries()) {
        if (named.has(this.chunks[position]!.docId)) fused[i]! += this.config.mentionBoost * span;
      }
    }
    return pool.map((index, i) => ({ index, score: fused[i]! })).sort((x, y) => y.score - x.score || x.index - y.index);
  }
}
