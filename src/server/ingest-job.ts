// One ingest: check that an uploaded file parses, move it into the corpus, build and publish the
// index in two stages (BM25-searchable as soon as parsed, then with vectors; `onParsedBuild` hears
// of the first). Run by the long-lived ingest process (ingest-worker.ts), by `review-chat ingest`
// and at server start. A build that fails before its first publish puts the corpus back as it
// was; a killed job leaves the last published build live.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../config.ts";
import { type ErrorCode, ReviewChatError, UnreadableDocumentError } from "../errors.ts";
import { type IdentifiedEmbeddings, createEmbeddings, ingestThreads } from "../index/create-embeddings.ts";
import { parseDocumentFile } from "../ingest/parse-document.ts";
import { writeParsed } from "../ingest/parsed-cache.ts";
import { type DocumentWarnings, buildIndex } from "../store/build-index.ts";
import { cacheDir } from "../store/index-files.ts";
import { IngestProgressRecorder } from "../store/ingest-progress.ts";
import type { DatabaseIngestOptions } from "../store/postgres/ingest-into-database.ts";

export interface IngestJob {
  corpusDir: string;
  indexDir: string;
  embeddings: AppConfig["embeddings"];
  force?: boolean;
  /** A checked upload in a staging folder, and the sanitised name it gets in the corpus. */
  upload?: { stagedPath: string; fileName: string };
  /** With DATABASE_URL: the shared corpus and build live in PostgreSQL (see ingest-into-database.ts). */
  database?: DatabaseIngestOptions;
}

export interface IngestJobResult {
  status: "built" | "unchanged";
  buildDir: string;
  documents: number;
  chunks: number;
  skipped: { file: string; reason: string }[];
  warnings: DocumentWarnings[];
  file?: { name: string; replaced: boolean };
}

export type IngestJobOutput = { ok: true; result: IngestJobResult } | { ok: false; error: { code: ErrorCode; message: string } };

let embedder: { key: string; embeddings: IdentifiedEmbeddings } | undefined;

/**
 * The embedder of this process's ingests, kept from one ingest to the next (its threads load the
 * model once, in a long-lived ingest process) while the configuration stays the same.
 */
function ingestEmbeddings(config: IngestJob["embeddings"], threads: number): IdentifiedEmbeddings {
  const key = JSON.stringify({ config, threads });
  if (embedder?.key !== key) embedder = { key, embeddings: createEmbeddings(config, { workers: threads }) };
  return embedder.embeddings;
}

/**
 * @example
 * await runIngestJob({ corpusDir: "corpus", indexDir: "index", embeddings: loadConfig().embeddings, force: true }, console.error);
 */
export async function runIngestJob(
  job: IngestJob,
  log: (line: string) => void,
  /** Told of the BM25-searchable build a staged ingest publishes before its vectors are made. */
  onParsedBuild?: (buildDir: string) => Promise<void>,
): Promise<IngestJobResult> {
  let placed: Awaited<ReturnType<typeof placeInCorpus>> | undefined;
  if (job.upload) {
    // Shown as being read (`/healthz` ingest.running) while it is checked; the build takes over the file.
    const recorder = new IngestProgressRecorder(job.indexDir, [job.upload.fileName]);
    await recorder.write();
    // Parse before touching the corpus: an unreadable file is refused (422), not added and skipped.
    await checkParses(job.upload, job.indexDir).catch(async (error: unknown) => {
      await recorder.finish();
      throw error;
    });
    placed = await placeInCorpus(job.corpusDir, job.upload);
  }
  const file = placed?.file;
  try {
    const threads = ingestThreads();
    const result = await buildIndex({
      corpusDir: job.corpusDir,
      indexDir: job.indexDir,
      embeddings: ingestEmbeddings(job.embeddings, threads),
      parseThreads: threads,
      force: job.force,
      log,
      onPublished: async (stage, buildDir) => {
        if (stage !== "parsed") return;
        // Published: the upload is in the index now, so a later failure must not take it back out.
        await placed?.commit();
        placed = undefined;
        await onParsedBuild?.(buildDir);
      },
    });
    await placed?.commit();
    return {
      status: result.status,
      buildDir: result.buildDir,
      documents: result.manifest.documentCount,
      chunks: result.manifest.chunkCount,
      skipped: result.skipped,
      warnings: result.warnings,
      file,
    };
  } catch (error) {
    // The index was not published, so the corpus goes back to what the live index was built from.
    await placed?.restore();
    throw error;
  }
}

async function checkParses(upload: NonNullable<IngestJob["upload"]>, indexDir: string): Promise<void> {
  try {
    const document = await parseDocumentFile(upload.stagedPath);
    // Kept in the parse cache under its corpus name, so the build does not parse it a second time.
    const sha256 = createHash("sha256").update(await fs.readFile(upload.stagedPath)).digest("hex");
    await writeParsed(cacheDir(indexDir), upload.fileName, sha256, document);
  } catch (error) {
    if (ReviewChatError.isInstance(error)) throw error;
    throw new UnreadableDocumentError(upload.fileName, error instanceof Error ? error.message : String(error), error);
  }
}

/** Move the staged upload into the corpus by rename (atomic), keeping a replaced file to restore. */
async function placeInCorpus(corpusDir: string, upload: NonNullable<IngestJob["upload"]>) {
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

/** Run a job and turn its outcome into what the worker reports: the result, or the error's code and message. */
export async function jobOutputOf(run: () => Promise<IngestJobResult>, log: (line: string) => void): Promise<IngestJobOutput> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    const known = ReviewChatError.isInstance(error);
    // An unexpected error's stack goes to the log; the caller gets its message.
    if (!known) log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      ok: false,
      error: { code: known ? error.code : "internal", message: error instanceof Error ? error.message : String(error) },
    };
  }
}
