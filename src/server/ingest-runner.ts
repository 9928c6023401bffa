// Runs ingests for the admin endpoint, one at a time per index folder: a child process places an
// uploaded file in the corpus (or just re-scans it) and builds and publishes the new index beside
// the live one (see ingest-job.ts); the published build then goes to `onPublished` (swap it in
// here; tell the workers, in a cluster). A failed upload or build leaves corpus and index as they were.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AppConfig, PROJECT_ROOT } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import type { DocumentWarnings } from "../store/build-index.ts";
import type { IpcChannel } from "./cluster-ipc.ts";
import type { IngestJob, IngestJobOutput, IngestJobResult, IngestStageMessage } from "./ingest-job.ts";

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

// Per index folder, for the whole process: two apps serving one index still take turns.
const running = new Set<string>();

export interface LocalIngestRunnerOptions {
  config: Pick<AppConfig, "corpusDir" | "indexDir" | "embeddings" | "databaseUrl">;
  /** With a shared store: is an ingest running on another instance? */
  isBusyElsewhere?: () => Promise<boolean>;
  /** Called with the new build's folder once it is published; the response waits for it. */
  onPublished: (buildDir: string) => Promise<void>;
  /** Progress lines of the ingest process. */
  log?: (line: string) => void;
}

const JOB_SCRIPT = fileURLToPath(new URL("./ingest-job.ts", import.meta.url));

/**
 * Runs each ingest in a child process (src/server/ingest-job.ts), so this process keeps answering
 * at full speed while it runs.
 *
 * @example
 * const runner = new LocalIngestRunner({ config, onPublished: () => reloadIndex(ctx).then(() => {}) });
 * await runner.run({ force: true }); // { status: "built", build: "2025-…", documents: 2, … }
 */
export class LocalIngestRunner implements IngestRunner {
  private readonly key: string;

  constructor(private readonly options: LocalIngestRunnerOptions) {
    this.key = path.resolve(options.config.indexDir);
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
      const result = await runJobProcess(
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

/** Run one job in `node --import tsx src/server/ingest-job.ts`; the job goes in on stdin (it may hold an API key). */
function runJobProcess(
  job: IngestJob,
  log: (line: string) => void,
  onParsedBuild: (buildDir: string) => Promise<void>,
): Promise<IngestJobResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", JOB_SCRIPT], {
      cwd: PROJECT_ROOT,
      env: process.env,
      stdio: ["pipe", "pipe", "pipe", "ipc"],
    });
    let swapping: Promise<void> = Promise.resolve();
    child.on("message", (message: IngestStageMessage) => {
      if (message?.stage !== "parsed") return;
      swapping = onParsedBuild(message.buildDir).catch((error: unknown) =>
        log(`The BM25-searchable build could not be served: ${error instanceof Error ? error.message : String(error)}`),
      );
    });
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    let pending = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      pending += d;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) log(line);
    });
    child.once("error", (cause) => reject(new ReviewChatError("internal", `Could not start the ingest process: ${cause.message}`, { cause })));
    child.once("close", (code, signal) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      let output: IngestJobOutput | undefined;
      try {
        output = JSON.parse(last) as IngestJobOutput;
      } catch {
        output = undefined;
      }
      if (!output) {
        reject(new ReviewChatError("internal", `The ingest process ended (${signal ?? `code ${code}`}) without a result; the previous index is still live`));
      } else if (output.ok) {
        // The first swap finishes before the final one can be asked for.
        void swapping.then(() => resolve(output.result));
      } else {
        reject(new ReviewChatError(output.error.code, output.error.message));
      }
    });
    child.stdin!.end(JSON.stringify(job));
  });
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
