// The shared store against a real, throwaway PostgreSQL 15 cluster: migrations are idempotent and
// take turns, a published build loads back identical and searches the same as its files, and the
// ingest lock refuses a second ingest with a conflict.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresCluster, skipReason, startPostgresCluster } from "../../../test/support/postgres-cluster.ts";
import { copyLiveIndex } from "../../../test/support/copy-live-index.ts";
import { type TempIndex, createTempIndex } from "../../../test/support/temp-index.ts";
import { loadConfig } from "../../config.ts";
import { runIngestJob } from "../../server/ingest-job.ts";
import { createEmbeddings } from "../../index/create-embeddings.ts";
import { readIndexFiles } from "../index-files.ts";
import { loadBuild } from "../load-index.ts";
import { LOCK_KEYS, openDatabase } from "./database.ts";
import { ingestIntoDatabase } from "./ingest-into-database.ts";
import { migrate, readMigrations } from "./migrate.ts";
import { PostgresStore } from "./postgres-store.ts";
import { publishBuildToDatabase, readCorpusFiles } from "./publish-build.ts";

let cluster: PostgresCluster | null;
let temp: TempIndex;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  if (!cluster) console.warn(`Skipping the PostgreSQL store tests: ${skipReason()}`);
  temp = await createTempIndex();
});

afterAll(async () => {
  await cluster?.stop();
  await temp?.cleanup();
});

describe("PostgreSQL store", () => {
  it("applies its migrations once, however many instances start at the same time", async (context) => {
    if (!cluster) return context.skip();
    const url = await cluster.createDatabase();
    const pools = [openDatabase(url), openDatabase(url), openDatabase(url)];
    try {
      const applied = await Promise.all(pools.map((db) => migrate(db)));
      const names = (await readMigrations()).map((m) => m.name);
      // Exactly one start applied each migration; the others found them applied.
      expect(applied.flat().sort()).toEqual(names.sort());
      expect(await migrate(pools[0]!)).toEqual([]);
      const { rows } = await pools[0]!.query("SELECT version FROM review_chat_migrations ORDER BY version");
      expect(rows.map((r) => r.version)).toEqual((await readMigrations()).map((m) => m.version));
    } finally {
      await Promise.all(pools.map((db) => db.end()));
    }
  });

  it("publishes a build and loads it back: same documents, chunks, links and search results", async (context) => {
    if (!cluster) return context.skip();
    const url = await cluster.createDatabase();
    const embeddings = createEmbeddings(loadConfig({}).embeddings);
    const buildDir = await copyLiveIndex(temp.indexDir);
    const files = await readIndexFiles(buildDir);
    const store = await PostgresStore.open(url, temp.indexDir);
    try {
      expect(await store.activeBuild()).toBeNull();
      await expect(store.loadActive(embeddings)).rejects.toMatchObject({ code: "index_missing" });
      const corpus = await readCorpusFiles(temp.corpusDir, await fs.readdir(temp.corpusDir));
      const id = await publishBuildToDatabase(store.db, { files, embeddings, corpus });
      expect(await store.activeBuild()).toEqual({ id, embedder: embeddings.modelId });

      const loaded = await store.loadActive(embeddings);
      expect(loaded.files.buildDir).toBe(await store.activeBuildDir());
      expect(loaded.files.manifest).toEqual(files.manifest);
      expect(loaded.files.documents).toEqual(files.documents);
      expect(loaded.files.chunks).toEqual(files.chunks);
      expect(loaded.files.links).toEqual(files.links);
      const fromFiles = await loadBuild(buildDir, embeddings);
      for (const question of ["Which nanocarriers deliver miRNA?", "How does P-glycoprotein efflux cause resistance?"]) {
        const a = await fromFiles.engine.search(question, { k: 5 });
        const b = await loaded.engine.search(question, { k: 5 });
        expect(b.map((r) => r.id)).toEqual(a.map((r) => r.id));
      }
      const { rows } = await store.db.query("SELECT count(*)::int AS n FROM corpus_files");
      expect(rows[0].n).toBe(corpus.length);
    } finally {
      await store.close();
    }
  });

  it("refuses a second ingest while one holds the lock, with a conflict", async (context) => {
    if (!cluster) return context.skip();
    const url = await cluster.createDatabase();
    const holder = openDatabase(url);
    const client = await holder.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEYS.ingest]);
      const store = await PostgresStore.open(url, temp.indexDir);
      expect(await store.isIngestRunning()).toBe(true);
      await store.close();
      const job = { corpusDir: temp.corpusDir, indexDir: path.join(temp.root, "other-index"), embeddings: loadConfig({}).embeddings };
      await expect(ingestIntoDatabase(runIngestJob, job, { databaseUrl: url }, () => {})).rejects.toMatchObject({ code: "conflict", status: 409 });
    } finally {
      client.release();
      await holder.end();
    }
  });
});
