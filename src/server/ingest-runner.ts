// Runs ingests for the admin endpoint, one at a time per index folder: the long-lived ingest
// process of that folder (ingest-worker-process.ts) places an uploaded file in the corpus (or just
// re-scans it) and builds and publishes the new index beside the live one (see ingest-job.ts); each
// published build then goes to `onPublished` (swap it in here; tell the workers, in a cluster). A
// failed upload or build, or a worker that crashes or hangs, leaves the published index live.
import fs from "node:fs/promises";
import path from "node:path";
import { type AppConfig, intFromEnv } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import type { DocumentWarnings } from "../store/build-index.ts";
import type { IpcChannel } from "./cluster-ipc.ts";
import { IngestWorkerProcess } from "./ingest-worker-process.ts";

export interface IngestRequest {
  /** A checked upload waiting in a staging folder, and the sanitised name it gets in the corpus. */
  upload?: { stagedPath: string; fileName: string };
  /** Rebuild even when the corpus is unchanged. */
  force?: boolean;
}

export interface IngestResult {
  status: "built" | "unchanged";
  build: string;
  documents: number;
  chunks: number;
  /** Corpus files that could not be read, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Indexed documents read poorly (no reference list, no citations, under 90% resolving), with why. */
  warnings: DocumentWarnings[];
  /** The corpus file the upload became, and whether it replaced one of the same name. */
  file?: { name: string; replaced: boolean };
  durationMs: number;
}

export interface IngestRunner {
  isBusy(): Promise<boolean>;
  /** `log` receives the ingest's progress lines (where the ingest runs in reach of the caller). */
  run(request: IngestRequest, log?: (line: string) => void): Promise<IngestResult>;
}

export const ingestConflict = () =>
  new ReviewChatError("conflict", "An ingest is already running; try again when it has finished");

// Per index folder, for the whole process: two apps serving one index still take turns, on one worker.
const running = new Set<string>();
const workers = new Map<string, IngestWorkerProcess>();

/** Default for INGEST_STALL_MS: long enough for the longest synchronous step of a large build. */
const DEFAULT_STALL_MS = 300_000;

function workerFor(indexDir: string, log: (line: string) => void): IngestWorkerProcess {
  const key = path.resolve(indexDir);
  let worker = workers.get(key);
  if (!worker) {
    worker = new IngestWorkerProcess({ stallMs: () => intFromEnv(process.env, "INGEST_STALL_MS", DEFAULT_STALL_MS), log });
    workers.set(key, worker);
  }
  return worker;
}

/** Start the ingest worker of an index folder if needed; resolves with its pid once it is warm (benchmarks, tests). */
export async function warmIngestWorker(indexDir: string): Promise<number | undefined> {
  const worker = workerFor(indexDir, () => {});
  await worker.start();
  return worker.pid;
}

/** Stop the ingest worker of an index folder, if this process started one (server shutdown). */
export async function stopIngestWorker(indexDir: string): Promise<void> {
  const key = path.resolve(indexDir);
  const worker = workers.get(key);
  workers.delete(key);
  await worker?.stop();
}

export interface LocalIngestRunnerOptions {
  config: Pick<AppConfig, "corpusDir" | "indexDir" | "embeddings" | "databaseUrl">;
  /** With a shared store: is an ingest running on another instance? */
  isBusyElsewhere?: () => Promise<boolean>;
  /** Called with the new build's folder once it is published; the response waits for it. */
  onPublished: (buildDir: string) => Promise<void>;
  /** Progress lines of the ingest process. */
  log?: (line: string) => void;
  /** Start the ingest process now, so the first upload finds pdf.js loaded (admin ingest enabled). */
  prewarm?: boolean;
}

/**
 * Runs each ingest in the index folder's long-lived ingest process, so this process keeps
 * answering at full speed while it runs, and an upload does not wait for a process to start.
 *
 * @example
 * const runner = new LocalIngestRunner({ config, prewarm: true, onPublished: () => reloadIndex(ctx).then(() => {}) });
 * await runner.run({ force: true }); // { status: "built", build: "2025-…", documents: 2, … }
 */
export class LocalIngestRunner implements IngestRunner {
  private readonly key: string;
  private readonly worker: IngestWorkerProcess;

  constructor(private readonly options: LocalIngestRunnerOptions) {
    this.key = path.resolve(options.config.indexDir);
    this.worker = workerFor(options.config.indexDir, options.log ?? (() => {}));
    if (options.prewarm) this.worker.start().catch((error: unknown) => options.log?.(String(error)));
  }

  /** The ingest process's id while it runs. */
  get workerPid(): number | undefined {
    return this.worker.pid;
  }

  async isBusy(): Promise<boolean> {
    return running.has(this.key) || ((await this.options.isBusyElsewhere?.()) ?? false);
  }

  async run(request: IngestRequest, log?: (line: string) => void): Promise<IngestResult> {
    if (running.has(this.key)) throw ingestConflict();
    running.add(this.key);
    const started = Date.now();
    try {
      const { config } = this.options;
      const result = await this.worker.run(
        {
          corpusDir: config.corpusDir,
          indexDir: config.indexDir,
          embeddings: config.embeddings,
          force: request.force,
          upload: request.upload,
          // A rescan adds this machine's corpus files the database lacks; an upload adds just itself.
          database: config.databaseUrl ? { databaseUrl: config.databaseUrl, addLocalCorpus: request.upload ? undefined : "missing" } : undefined,
        },
        log ?? this.options.log ?? (() => {}),
        // The BM25-searchable build, served while the job goes on to make vectors.
        (buildDir) => this.options.onPublished(buildDir),
      );
      if (result.status === "built") await this.options.onPublished(result.buildDir);
      const { buildDir, ...rest } = result;
      return { ...rest, build: path.basename(buildDir), durationMs: Date.now() - started };
    } finally {
      running.delete(this.key);
      if (request.upload) await fs.rm(path.dirname(request.upload.stagedPath), { recursive: true, force: true });
    }
  }
}

/** In a cluster worker: the primary runs the ingest (one for the whole cluster) and reloads every worker. */
export class ClusterIngestClient implements IngestRunner {
  constructor(private readonly channel: IpcChannel) {}

  isBusy(): Promise<boolean> {
    return this.channel.request<boolean>("ingest:busy", null, 5_000);
  }

  run(request: IngestRequest): Promise<IngestResult> {
    // No deadline: a large PDF takes as long as it takes, and the primary always answers.
    return this.channel.request<IngestResult>("ingest", request, 0);
  }
}
