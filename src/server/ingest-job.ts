// One ingest, run in a process of its own (spawned by ingest-runner.ts): parsing, embedding and
// building the HNSW graph take seconds of CPU, which would otherwise stall the event loop that is
// answering questions. Reads the job as JSON on stdin, logs progress on stderr, and writes one
// JSON line with the result (or the error's code and message) on stdout.
//
// The job: check that an uploaded file parses, move it into the corpus, build and publish the
// index in two stages (BM25-searchable as soon as parsed, then with vectors; the runner hears of
// the first over IPC). A build that fails before its first publish puts the corpus back as it was;
// a killed job leaves the last published build live.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppConfig } from "../config.ts";
import { type ErrorCode, ReviewChatError, UnreadableDocumentError } from "../errors.ts";
import { createEmbeddings, ingestThreads } from "../index/create-embeddings.ts";
import { parseDocumentFile } from "../ingest/parse-document.ts";
import { writeParsed } from "../ingest/parsed-cache.ts";
import { type DocumentWarnings, buildIndex } from "../store/build-index.ts";
import { cacheDir } from "../store/index-files.ts";
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

/** Sent to the runner over IPC when a staged build's first (BM25-searchable) publish is done. */
export interface IngestStageMessage {
  stage: "parsed";
  buildDir: string;
}

export type IngestJobOutput = { ok: true; result: IngestJobResult } | { ok: false; error: { code: ErrorCode; message: string } };

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
    // Parse before touching the corpus: an unreadable file is refused (422), not added and skipped.
    await checkParses(job.upload, job.indexDir);
    placed = await placeInCorpus(job.corpusDir, job.upload);
  }
  const file = placed?.file;
  try {
    const threads = ingestThreads();
    const result = await buildIndex({
      corpusDir: job.corpusDir,
      indexDir: job.indexDir,
      embeddings: createEmbeddings(job.embeddings, { workers: threads }),
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

async function main(): Promise<void> {
  // This process is the server's ingest (an upload): it leaves a core to the answers (create-embeddings.ts).
  process.env.INGEST_THREADS ||= String(ingestThreads(process.env, { serving: true }));
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  let output: IngestJobOutput;
  try {
    const job = JSON.parse(input) as IngestJob;
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const result = job.database
      ? await (await import("../store/postgres/ingest-into-database.ts")).ingestIntoDatabase(runIngestJob, job, job.database, log)
      : await runIngestJob(
          job,
          log,
          // The runner (our parent, over IPC) swaps the BM25-searchable build in while vectors are made.
          async (buildDir) => void process.send?.({ stage: "parsed", buildDir } satisfies IngestStageMessage),
        );
    output = { ok: true, result };
  } catch (error) {
    const known = ReviewChatError.isInstance(error);
    if (!known) process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    output = {
      ok: false,
      error: { code: known ? error.code : "internal", message: error instanceof Error ? error.message : String(error) },
    };
  }
  process.stdout.write(`${JSON.stringify(output)}\n`);
  // The embedding worker threads are unref'd, but the model's runtime may hold the loop open.
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
