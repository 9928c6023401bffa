// An ingest with PostgreSQL as the system of record. Under the ingest advisory lock (one ingest
// at a time across all instances and the CLI): copy the shared corpus out of the database into a
// local working folder, add the upload (and, on request, this machine's corpus folder), build
// there as without a database (embedding cache included), and publish the build and the corpus
// changes in one transaction (publish-build.ts). A process killed at any point before COMMIT
// changes nothing in the database; its lock is released with its connection.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { ReviewChatError } from "../../errors.ts";
import { type IdentifiedEmbeddings, createEmbeddings } from "../../index/create-embeddings.ts";
// Types only: ingest-job.ts is the entry of the ingest process and imports this module lazily.
import type { IngestJob, IngestJobResult } from "../../server/ingest-job.ts";
import { SUPPORTED_EXTENSIONS } from "../build-index.ts";
import { readIndexFiles, readManifest } from "../index-files.ts";
import { type Database, LOCK_KEYS, databaseError, openDatabase } from "./database.ts";
import { databaseBuildDir } from "./materialize-build.ts";
import { migrate } from "./migrate.ts";
import { publishBuildToDatabase, readCorpusFiles } from "./publish-build.ts";

export interface DatabaseIngestOptions {
  databaseUrl: string;
  /**
   * Add this machine's corpus folder (`job.corpusDir`) to the shared corpus: "missing" adds only
   * files the database lacks (server start, rescans: never overwrite another instance's upload);
   * "replace" also replaces files of the same name (the operator's `review-chat ingest`).
   */
  addLocalCorpus?: "missing" | "replace";
  /** Wait for a running ingest to finish instead of refusing with a conflict (start-up, CLI). */
  waitForLock?: boolean;
}

/** The file-based ingest (ingest-job.ts's runIngestJob): place the upload, build, report. */
export type RunLocalIngest = (
  job: IngestJob,
  log: (line: string) => void,
  onParsedBuild?: (buildDir: string) => Promise<void>,
) => Promise<IngestJobResult>;

/** The working copy of the shared corpus, beside this instance's copies of builds. */
export const workingCorpusDir = (indexDir: string) => path.join(indexDir, "db-corpus");

export const ingestConflictError = () =>
  new ReviewChatError("conflict", "An ingest is already running (on this or another instance); try again when it has finished");

/**
 * @example
 * await ingestIntoDatabase(runIngestJob, { corpusDir: "corpus", indexDir: "index", embeddings }, { databaseUrl }, console.error);
 */
export async function ingestIntoDatabase(
  runLocalIngest: RunLocalIngest,
  job: IngestJob,
  options: DatabaseIngestOptions,
  log: (line: string) => void,
  /** Told of the local BM25-searchable build made before the vectors (served by this instance only). */
  onParsedBuild?: (buildDir: string) => Promise<void>,
): Promise<IngestJobResult> {
  const db = openDatabase(options.databaseUrl, { max: 3 });
  const lock = await db.connect().catch((error: unknown) => {
    void db.end();
    throw databaseError(options.databaseUrl, error);
  });
  try {
    await migrate(db);
    if (options.waitForLock) {
      await lock.query("SELECT pg_advisory_lock($1)", [LOCK_KEYS.ingest]);
    } else {
      const { rows } = await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LOCK_KEYS.ingest]);
      if (!rows[0]?.locked) throw ingestConflictError();
    }
    const corpusDir = workingCorpusDir(job.indexDir);
    await copyCorpusOut(db, corpusDir);
    if (options.addLocalCorpus) await addLocalCorpus(job.corpusDir, corpusDir, options.addLocalCorpus, log);
    const embeddings = createEmbeddings(job.embeddings);
    const result = await runLocalIngest({ ...job, corpusDir, database: undefined }, log, onParsedBuild);
    const active = await activeBuildOf(db);
    const built = await readManifest(result.buildDir);
    if (!job.force && active && active.corpusHash === built.corpusHash && active.embedder === embeddings.modelId) {
      return { ...result, status: "unchanged", buildDir: databaseBuildDir(job.indexDir, active.id) };
    }
    const id = await publishLocalBuild(db, result.buildDir, corpusDir, embeddings);
    return { ...result, status: "built", buildDir: databaseBuildDir(job.indexDir, id) };
  } catch (error) {
    if (ReviewChatError.isInstance(error)) throw error;
    throw databaseError(options.databaseUrl, error);
  } finally {
    await lock.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    lock.release();
    await db.end().catch(() => {});
  }
}

async function activeBuildOf(db: Database) {
  const { rows } = await db.query<{ id: string; corpus_hash: string; embedder: string }>(
    "SELECT b.id, b.corpus_hash, b.embedder FROM active_build a JOIN builds b ON b.id = a.build_id",
  );
  return rows[0] ? { id: Number(rows[0].id), corpusHash: rows[0].corpus_hash, embedder: rows[0].embedder } : null;
}

async function publishLocalBuild(db: Database, buildDir: string, corpusDir: string, embeddings: IdentifiedEmbeddings): Promise<number> {
  const files = await readIndexFiles(buildDir);
  const corpus = await readCorpusFiles(corpusDir, files.manifest.files.map((f) => f.file));
  return publishBuildToDatabase(db, { files, embeddings, corpus });
}

/** Make `dir` hold exactly the database's corpus (files already equal are left alone). */
async function copyCorpusOut(db: Database, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const { rows } = await db.query<{ name: string; sha256: string }>("SELECT name, sha256 FROM corpus_files");
  const wanted = new Map(rows.map((r) => [r.name, r.sha256]));
  for (const name of await fs.readdir(dir)) {
    if (!wanted.has(name)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
  for (const [name, sha256] of wanted) {
    if (name.includes("/") || name.includes("..")) continue;
    const local = await fs.readFile(path.join(dir, name)).catch(() => undefined);
    if (local && createHash("sha256").update(local).digest("hex") === sha256) continue;
    const { rows: content } = await db.query<{ content: Buffer }>("SELECT content FROM corpus_files WHERE name = $1", [name]);
    if (content[0]) await fs.writeFile(path.join(dir, name), content[0].content);
  }
}

async function addLocalCorpus(from: string, to: string, mode: "missing" | "replace", log: (line: string) => void): Promise<void> {
  const entries = await fs.readdir(from, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !SUPPORTED_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) continue;
    const target = path.join(to, entry.name);
    const exists = await fs.stat(target).then(() => true, () => false);
    if (exists && mode === "missing") continue;
    await fs.copyFile(path.join(from, entry.name), target);
    if (!exists) log(`Adding ${entry.name} to the shared corpus`);
  }
}
