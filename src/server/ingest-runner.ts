// Runs ingests for the admin endpoint, one at a time per index folder: places an uploaded file in
// the corpus (or just re-scans it), builds and publishes the new index beside the live one, and
// hands the published build to `onPublished` (swap it in here; tell the workers, in a cluster).
// A failed upload or build leaves corpus and index as they were.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../config.ts";
import { ReviewChatError, UnreadableDocumentError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { parseDocumentFile } from "../ingest/parse-document.ts";
import { buildIndex } from "../store/build-index.ts";
import type { IpcChannel } from "./cluster-ipc.ts";

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
  /** The corpus file the upload became, and whether it replaced one of the same name. */
  file?: { name: string; replaced: boolean };
  durationMs: number;
}

export interface IngestRunner {
  isBusy(): Promise<boolean>;
  run(request: IngestRequest): Promise<IngestResult>;
}

export const ingestConflict = () =>
  new ReviewChatError("conflict", "An ingest is already running; try again when it has finished");

// Per index folder, for the whole process: two apps serving one index still take turns.
const running = new Set<string>();

export interface LocalIngestRunnerOptions {
  config: Pick<AppConfig, "corpusDir" | "indexDir">;
  embeddings: IdentifiedEmbeddings;
  /** Called with the new build's folder once it is published; the response waits for it. */
  onPublished: (buildDir: string) => Promise<void>;
  log?: (line: string) => void;
}

/**
 * @example
 * const runner = new LocalIngestRunner({ config, embeddings, onPublished: () => reloadIndex(ctx).then(() => {}) });
 * await runner.run({ force: true }); // { status: "built", build: "2025-…", documents: 2, … }
 */
export class LocalIngestRunner implements IngestRunner {
  private readonly key: string;

  constructor(private readonly options: LocalIngestRunnerOptions) {
    this.key = path.resolve(options.config.indexDir);
  }

  async isBusy(): Promise<boolean> {
    return running.has(this.key);
  }

  async run(request: IngestRequest): Promise<IngestResult> {
    if (running.has(this.key)) throw ingestConflict();
    running.add(this.key);
    const started = Date.now();
    try {
      const result = await this.ingest(request);
      return { ...result, durationMs: Date.now() - started };
    } finally {
      running.delete(this.key);
      if (request.upload) await fs.rm(path.dirname(request.upload.stagedPath), { recursive: true, force: true });
    }
  }

  private async ingest(request: IngestRequest): Promise<Omit<IngestResult, "durationMs">> {
    const { config, embeddings, onPublished } = this.options;
    const log = this.options.log ?? (() => {});
    let placed: Awaited<ReturnType<typeof placeInCorpus>> | undefined;
    if (request.upload) {
      // Parse before touching the corpus: an unreadable file is refused (422), not added and skipped.
      await checkParses(request.upload);
      placed = await placeInCorpus(config.corpusDir, request.upload);
    }
    try {
      const result = await buildIndex({
        corpusDir: config.corpusDir,
        indexDir: config.indexDir,
        embeddings,
        force: request.force,
        log,
      });
      await placed?.commit();
      if (result.status === "built") await onPublished(result.buildDir);
      return {
        status: result.status,
        build: path.basename(result.buildDir),
        documents: result.manifest.documentCount,
        chunks: result.manifest.chunkCount,
        skipped: result.skipped,
        file: placed?.file,
      };
    } catch (error) {
      // The index was not published, so the corpus goes back to what that index was built from.
      await placed?.restore();
      throw error;
    }
  }
}

async function checkParses(upload: NonNullable<IngestRequest["upload"]>): Promise<void> {
  try {
    await parseDocumentFile(upload.stagedPath);
  } catch (error) {
    if (ReviewChatError.isInstance(error)) throw error;
    throw new UnreadableDocumentError(upload.fileName, error instanceof Error ? error.message : String(error), error);
  }
}

/** Move the staged upload into the corpus by rename (atomic), keeping a replaced file to restore. */
async function placeInCorpus(corpusDir: string, upload: NonNullable<IngestRequest["upload"]>) {
  const target = path.join(corpusDir, upload.fileName);
  if (path.dirname(target) !== path.resolve(corpusDir)) {
    throw new ReviewChatError("bad_request", `File name "${upload.fileName}" leaves the corpus folder`);
  }
  const suffix = randomBytes(4).toString("hex");
  // Dot-prefixed, .tmp: names the ingester never lists, should a crash leave them behind.
  const incoming = path.join(corpusDir, `.upload-${suffix}.tmp`);
  const backup = path.join(corpusDir, `.replaced-${suffix}.tmp`);
  await fs.copyFile(upload.stagedPath, incoming);
  const replaced = existsSync(target);
  // A second name for the old file, then one rename over it: the corpus never lacks the file.
  if (replaced) await fs.link(target, backup);
  await fs.rename(incoming, target);
  return {
    file: { name: upload.fileName, replaced },
    restore: async () => {
      if (replaced) await fs.rename(backup, target);
      else await fs.rm(target, { force: true });
    },
    commit: () => fs.rm(backup, { force: true }),
  };
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
