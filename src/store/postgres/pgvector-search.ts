// With pgvector in the store, the dense nearest-neighbour search runs in PostgreSQL, over the
// build's HNSW index (publish-build.ts); BM25, fusion, the exact dense scores of lexical
// candidates and MMR stay in the engine, which keeps the build's vectors for those.
import type { IdentifiedEmbeddings } from "../../index/create-embeddings.ts";
import type { ScoredIndex } from "../../index/bm25-index.ts";
import { loadVectorStore } from "../../index/vector-index.ts";
import { resolveFusionConfig } from "../../retrieve/fusion.ts";
import { SearchEngine } from "../../retrieve/search-engine.ts";
import { type IndexFiles, vectorsDir } from "../index-files.ts";
import type { Database } from "./database.ts";

/** pgvector's bounds on hnsw.ef_search; the floor matches the in-memory engine's. */
const MIN_EF = 100;
const MAX_EF = 1000;

/** A query vector as a pgvector literal (numbers only, so safe to place in SQL text). */
export function vectorLiteral(vector: readonly number[]): string {
  return `[${vector.map((x) => (Number.isFinite(x) ? String(x) : "0")).join(",")}]`;
}

class PgvectorSearchEngine extends SearchEngine {
  private readonly db: Database;
  private readonly buildId: number;
  private readonly dimensions: number;
  private readonly windowCount: number;

  constructor(files: IndexFiles, embeddings: IdentifiedEmbeddings, vectors: Awaited<ReturnType<typeof loadVectorStore>>, db: Database, buildId: number) {
    super(files.chunks, vectors, embeddings, resolveFusionConfig(embeddings.modelId), files.documents);
    this.db = db;
    this.buildId = Math.trunc(buildId);
    this.dimensions = Math.trunc(files.manifest.embedder.dimensions);
    this.windowCount = vectors.index.getCurrentCount();
  }

  /** The k chunks with the most similar window, by cosine, from the build's pgvector HNSW index. */
  protected override async denseSearch(vector: number[], k: number, allowed?: Uint8Array): Promise<ScoredIndex[]> {
    if (this.windowCount === 0 || k === 0) return [];
    const meanWindows = this.chunks.length > 0 ? this.windowCount / this.chunks.length : 1;
    const literal = vectorLiteral(vector);
    let n = Math.min(this.windowCount, Math.ceil(k * meanWindows * 1.5));
    for (;;) {
      const ef = Math.min(MAX_EF, Math.max(MIN_EF, n));
      // One round trip: the search breadth is set for this transaction only.
      const results = (await this.db.query(
        `BEGIN; SET LOCAL hnsw.ef_search = ${ef};
         SELECT chunk_position, embedding::vector(${this.dimensions}) <=> '${literal}'::vector AS distance
           FROM window_vectors WHERE build_id = ${this.buildId}
           ORDER BY embedding::vector(${this.dimensions}) <=> '${literal}'::vector LIMIT ${n};
         COMMIT;`,
      )) as unknown as { rows: { chunk_position: number; distance: number }[] }[];
      const rows = results.find((r) => r.rows.length > 0 && "distance" in r.rows[0]!)?.rows ?? [];
      const best = new Map<number, number>();
      for (const row of rows) {
        const position = row.chunk_position;
        if (allowed && allowed[position] !== 1) continue;
        if (!best.has(position)) best.set(position, 1 - Number(row.distance));
      }
      if (best.size >= k || n >= this.windowCount || rows.length < n) {
        return [...best].slice(0, k).map(([position, score]) => ({ index: position, score }));
      }
      n = Math.min(this.windowCount, n * 2);
    }
  }
}

/**
 * @example
 * const engine = await openPgvectorEngine(db, 12, files, embeddings);
 */
export async function openPgvectorEngine(db: Database, buildId: number, files: IndexFiles, embeddings: IdentifiedEmbeddings): Promise<SearchEngine> {
  const vectors = await loadVectorStore(vectorsDir(files.buildDir), embeddings);
  return new PgvectorSearchEngine(files, embeddings, vectors, db, buildId);
}
