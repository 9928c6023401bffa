// Dense index: vectors in LangChain's HNSWLib store (hnswlib-node, cosine space), one per sentence
// window of a chunk (or per chunk, for embedders that take whole passages). Each stored Document
// carries the chunk id in its metadata so a hit maps back to its chunk.
import { existsSync } from "node:fs";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import { IndexError } from "../errors.ts";
import { REBUILD_HINT } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import type { IdentifiedEmbeddings } from "./create-embeddings.ts";
import { EmbeddingCache, fillCache, hashText } from "./embedding-cache.ts";
import { defaultWindowWords, sentenceWindows } from "./sentence-windows.ts";

export interface ChunkVectorMetadata {
  /** Chunk id, e.g. "guan2024:0042". */
  id: string;
  docId: string;
  /** Which window of the chunk this vector stands for (0 when the chunk has one vector). */
  window: number;
}

export interface VectorIndexOptions {
  /** Words per sentence window (0 = one vector per chunk); default per embedder (see sentence-windows.ts). */
  windowWords?: number;
  /** Embedding cache folder; without one nothing is persisted (throwaway in-memory indexes). */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface VectorIndexStats {
  dimensions: number;
  /** Vectors in the index: one per sentence window (or per chunk). */
  vectors: number;
  /** Texts embedded by this call; the rest came from the cache. */
  embedded: number;
  cached: number;
}

/** The texts that get vectors: one Document per sentence window of each chunk (or per chunk). */
export function vectorDocuments(chunks: Chunk[], windowWords: number): Document<ChunkVectorMetadata>[] {
  const documents: Document<ChunkVectorMetadata>[] = [];
  for (const chunk of chunks) {
    for (const [window, text] of sentenceWindows(chunk, windowWords).entries()) {
      documents.push(new Document({ pageContent: text, metadata: { id: chunk.id, docId: chunk.docId, window } }));
    }
  }
  return documents;
}

/**
 * An HNSWLib store of the vectors the cache already holds, for the chunks whose every window is
 * cached; the other chunks are listed in `missing` (searchable by BM25 only until embedded).
 */
export async function storeFromCache(
  documents: Document<ChunkVectorMetadata>[],
  cache: EmbeddingCache,
  embeddings: IdentifiedEmbeddings,
): Promise<{ store: HNSWLib; dimensions: number; vectors: number; missing: Set<string> }> {
  const missing = new Set<string>();
  for (const doc of documents) if (!cache.get(hashText(doc.pageContent))) missing.add(doc.metadata.id);
  const kept = documents.filter((doc) => !missing.has(doc.metadata.id));
  const vectors = kept.map((doc) => Array.from(cache.get(hashText(doc.pageContent))!));
  if (vectors.length === 0) {
    // No vectors yet still gives a valid, saveable (empty) index of the model's width.
    const dimensions = (await embeddings.embedQuery("dimension probe")).length;
    const { HierarchicalNSW } = await HNSWLib.imports();
    const index = new HierarchicalNSW("cosine", dimensions);
    index.initIndex(1);
    const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions, index });
    return { store, dimensions, vectors: 0, missing };
  }
  const dimensions = vectors[0]!.length;
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions });
  await store.addVectors(vectors, kept);
  return { store, dimensions, vectors: vectors.length, missing };
}

/** Build the HNSWLib store in memory (vectors through the cache). */
export async function createVectorStore(
  chunks: Chunk[],
  embeddings: IdentifiedEmbeddings,
  options: VectorIndexOptions,
): Promise<{ store: HNSWLib } & VectorIndexStats> {
  const windowWords = options.windowWords ?? defaultWindowWords(embeddings.modelId);
  const documents = vectorDocuments(chunks, windowWords);
  // Progress is reported in chunks (what the caller counts), though windows are what get embedded.
  const onProgress = options.onProgress
    ? (done: number, total: number) =>
        options.onProgress!(done === total ? chunks.length : Math.floor((done * chunks.length) / total), chunks.length)
    : undefined;
  const cache = options.cacheDir ? await EmbeddingCache.open(options.cacheDir, embeddings.modelId) : EmbeddingCache.inMemory();
  const embedded = await fillCache(cache, documents.map((doc) => doc.pageContent), embeddings, { onProgress });
  const { store, dimensions, vectors } = await storeFromCache(documents, cache, embeddings);
  return { store, dimensions, vectors, embedded, cached: documents.length - embedded };
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
