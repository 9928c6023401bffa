// Dense index: chunk vectors in LangChain's HNSWLib store (hnswlib-node, cosine space).
// Each stored Document carries the chunk id in its metadata so a hit maps back to its chunk.
import { existsSync } from "node:fs";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import { IndexError } from "../errors.ts";
import { REBUILD_HINT } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import type { IdentifiedEmbeddings } from "./create-embeddings.ts";
import { embedWithCache } from "./embedding-cache.ts";

export interface ChunkVectorMetadata {
  /** Chunk id, e.g. "guan2024:0042". */
  id: string;
  docId: string;
}

export interface VectorIndexOptions {
  /** Embedding cache folder; without one nothing is persisted (throwaway in-memory indexes). */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface VectorIndexStats {
  dimensions: number;
  /** Chunks embedded by this call; the rest came from the cache. */
  embedded: number;
  cached: number;
}

/** Build the HNSWLib store in memory (vectors through the cache). */
export async function createVectorStore(
  chunks: Chunk[],
  embeddings: IdentifiedEmbeddings,
  options: VectorIndexOptions,
): Promise<{ store: HNSWLib } & VectorIndexStats> {
  const { vectors, embedded, cached } = await embedWithCache(
    chunks.map((chunk) => chunk.text),
    embeddings,
    options,
  );
  if (vectors.length === 0) {
    // An empty corpus still gets a valid, saveable (empty) index of the model's width.
    const dimensions = (await embeddings.embedQuery("dimension probe")).length;
    const { HierarchicalNSW } = await HNSWLib.imports();
    const index = new HierarchicalNSW("cosine", dimensions);
    index.initIndex(1);
    return { store: new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions, index }), dimensions, embedded, cached };
  }
  const dimensions = vectors[0]!.length;
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions });
  const documents = chunks.map(
    (chunk) =>
      new Document<ChunkVectorMetadata>({ pageContent: chunk.text, metadata: { id: chunk.id, docId: chunk.docId } }),
  );
  await store.addVectors(vectors, documents);
  return { store, dimensions, embedded, cached };
}

/**
 * Embed the chunks (through the cache under `options.cacheDir`), build the HNSW graph and save it to `dir`.
 *
 * @example
 * const { dimensions } = await buildVectorIndex(chunks, embeddings, "index/builds/x/vectors", { cacheDir: "index/cache" });
 */
export async function buildVectorIndex(
  chunks: Chunk[],
  embeddings: IdentifiedEmbeddings,
  dir: string,
  options: VectorIndexOptions & { cacheDir: string },
): Promise<VectorIndexStats> {
  const { store, ...stats } = await createVectorStore(chunks, embeddings, options);
  await store.save(dir);
  return stats;
}

/** Load a saved store; a missing or unreadable one is an IndexError that says how to rebuild. */
export async function loadVectorStore(dir: string, embeddings: IdentifiedEmbeddings): Promise<HNSWLib> {
  const file = path.join(dir, "hnswlib.index");
  if (!existsSync(file)) throw new IndexError("index_missing", `Vector index ${file} is missing; ${REBUILD_HINT}`, file);
  try {
    return await HNSWLib.load(dir, embeddings);
  } catch (cause) {
    throw new IndexError("index_corrupt", `Vector index in ${dir} is unreadable; ${REBUILD_HINT}`, file, cause);
  }
}
