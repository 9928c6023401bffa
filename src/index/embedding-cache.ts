// Content-addressed embedding cache: one append-only binary file per model under the cache folder,
// so re-ingesting an unchanged chunk (or re-running a BEIR corpus) embeds nothing.
//
// Record layout (little-endian): 32-byte sha256 of the text | uint32 dimensions | float32 × dimensions.
// Records are self-delimiting, so a torn tail from an interrupted append is simply ignored on read.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import { ReviewChatError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "./create-embeddings.ts";

const HASH_BYTES = 32;
const HEADER_BYTES = HASH_BYTES + 4;
/**
 * Texts per embedDocuments call: small enough for frequent progress and crash-safe appends, large
 * enough that every worker thread of the embedder gets batches (4 cores × 16 texts).
 */
const DEFAULT_GROUP_SIZE = 64;

export const hashText = (text: string) => createHash("sha256").update(text).digest("hex");

/** The cache file of one model; model ids like "openai:text-embedding-3-small" become safe file names. */
export function cacheFile(cacheDir: string, modelId: string): string {
  const slug = modelId.replace(/[^A-Za-z0-9._-]+/g, "_");
  const tag = createHash("sha256").update(modelId).digest("hex").slice(0, 8);
  return path.join(cacheDir, `${slug}-${tag}.vec`);
}

export interface EmbedWithCacheOptions {
  /** Cache folder; without one, vectors are only deduplicated in memory for this call. */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
  groupSize?: number;
}

export interface EmbedWithCacheResult {
  vectors: number[][];
  /** Texts that had to be embedded (not found in the cache). */
  embedded: number;
  /** Texts served from the cache. */
  cached: number;
}

export class EmbeddingCache {
  private constructor(
    /** null: an in-memory cache that persists nothing. */
    readonly file: string | null,
    private readonly vectors: Map<string, Float32Array>,
  ) {}

  static inMemory(): EmbeddingCache {
    return new EmbeddingCache(null, new Map());
  }

  static async open(cacheDir: string, modelId: string): Promise<EmbeddingCache> {
    const file = cacheFile(cacheDir, modelId);
    const vectors = new Map<string, Float32Array>();
    let buf: Buffer;
    try {
      buf = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        throw new ReviewChatError("internal", `Cannot read the embedding cache ${file}`, { cause: error });
      }
      return new EmbeddingCache(file, vectors);
    }
    let offset = 0;
    while (offset + HEADER_BYTES <= buf.length) {
      const dims = buf.readUInt32LE(offset + HASH_BYTES);
      const end = offset + HEADER_BYTES + dims * 4;
      if (dims === 0 || end > buf.length) break;
      const key = buf.toString("hex", offset, offset + HASH_BYTES);
      // Copy out: a view would pin the whole file buffer and need 4-byte alignment.
      const vector = new Float32Array(dims);
      for (let i = 0; i < dims; i++) vector[i] = buf.readFloatLE(offset + HEADER_BYTES + i * 4);
      vectors.set(key, vector);
      offset = end;
    }
    return new EmbeddingCache(file, vectors);
  }

  get size(): number {
    return this.vectors.size;
  }

  get(hash: string): Float32Array | undefined {
    return this.vectors.get(hash);
  }

  /** Stores vectors in memory and appends them to the file in one write. */
  async add(entries: { hash: string; vector: number[] }[]): Promise<void> {
    if (entries.length === 0) return;
    const parts: Buffer[] = [];
    for (const { hash, vector } of entries) {
      const record = Buffer.alloc(HEADER_BYTES + vector.length * 4);
      record.write(hash, 0, HASH_BYTES, "hex");
      record.writeUInt32LE(vector.length, HASH_BYTES);
      for (let i = 0; i < vector.length; i++) record.writeFloatLE(vector[i]!, HEADER_BYTES + i * 4);
      parts.push(record);
      this.vectors.set(hash, Float32Array.from(vector));
    }
    if (this.file === null) return;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.appendFile(this.file, Buffer.concat(parts));
  }
}

export interface FillOptions {
  /** Called after each group with the texts done so far (duplicates counted) out of all given. */
  onProgress?: (done: number, total: number) => void;
  groupSize?: number;
}

/**
 * Embed the texts that are not in the cache yet (each distinct text once), in groups appended to
 * the cache as each finishes; returns how many were embedded.
 *
 * @example
 * const cache = await EmbeddingCache.open("index/cache", embeddings.modelId);
 * await fillCache(cache, texts, embeddings, { onProgress: (done, total) => console.log(done, total) });
 */
export async function fillCache(
  cache: EmbeddingCache,
  texts: string[],
  embeddings: Embeddings & Pick<IdentifiedEmbeddings, "modelId" | "inputLength">,
  options: FillOptions = {},
): Promise<number> {
  // Identical texts are embedded once; `copies` counts them so progress still reaches the total.
  const copies = new Map<string, number>();
  const missing: { hash: string; text: string }[] = [];
  for (const text of texts) {
    const hash = hashText(text);
    const count = copies.get(hash) ?? 0;
    copies.set(hash, count + 1);
    if (count === 0 && !cache.get(hash)) missing.push({ hash, text });
  }
  // Longest first, so each group (and each batch in it) holds texts of similar length: an embedder
  // that pads a batch to its longest text then wastes little (USE-lite: 0.74× the padded tokens of
  // document order on 20 LitQA papers, BENCHMARKS.md), and the cheapest groups come last.
  if (embeddings.inputLength) {
    const lengths = new Map(missing.map((entry) => [entry.hash, embeddings.inputLength!(entry.text)]));
    missing.sort((a, b) => lengths.get(b.hash)! - lengths.get(a.hash)!);
  }
  const total = texts.length;
  let done = total - missing.reduce((sum, entry) => sum + copies.get(entry.hash)!, 0);
  options.onProgress?.(done, total);
  const groupSize = Math.max(1, options.groupSize ?? DEFAULT_GROUP_SIZE);
  for (let i = 0; i < missing.length; i += groupSize) {
    const group = missing.slice(i, i + groupSize);
    const vectors = await embeddings.embedDocuments(group.map((entry) => entry.text));
    if (vectors.length !== group.length) {
      throw new ReviewChatError("internal", `Embedder ${embeddings.modelId} returned ${vectors.length} vectors for ${group.length} texts`);
    }
    await cache.add(group.map((entry, j) => ({ hash: entry.hash, vector: vectors[j]! })));
    done += group.reduce((sum, entry) => sum + copies.get(entry.hash)!, 0);
    options.onProgress?.(done, total);
  }
  return missing.length;
}

/**
 * Embed texts through the cache of `embeddings.modelId`: cached texts cost nothing, the rest are
 * embedded in groups (each group appended to the cache as soon as it is done), with progress.
 *
 * @example
 * const { vectors, embedded } = await embedWithCache(texts, embeddings, { cacheDir: "index/cache" });
 */
export async function embedWithCache(
  texts: string[],
  embeddings: Embeddings & { readonly modelId: string },
  options: EmbedWithCacheOptions,
): Promise<EmbedWithCacheResult> {
  const cache = options.cacheDir
    ? await EmbeddingCache.open(options.cacheDir, embeddings.modelId)
    : EmbeddingCache.inMemory();
  const embedded = await fillCache(cache, texts, embeddings, options);
  return {
    vectors: texts.map((text) => Array.from(cache.get(hashText(text))!)),
    embedded,
    cached: texts.length - embedded,
  };
}
