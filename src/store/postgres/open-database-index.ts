// Server start with DATABASE_URL: connect and migrate, publish a first build when the database has
// none (or one of another embedder, or lacks files of this machine's corpus folder), then load the
// active build. Concurrent starts take turns on the ingest lock; the second finds the work done.
import fs from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "../../config.ts";
import { NoReadableDocumentsError } from "../../errors.ts";
import type { IdentifiedEmbeddings } from "../../index/create-embeddings.ts";
import { SUPPORTED_EXTENSIONS } from "../build-index.ts";
import type { LoadedIndex } from "../load-index.ts";
import { runIngestJob } from "../../server/ingest-job.ts";
import { ingestIntoDatabase } from "./ingest-into-database.ts";
import { PostgresStore } from "./postgres-store.ts";

type DatabaseConfig = Pick<AppConfig, "corpusDir" | "indexDir" | "embeddings"> & { databaseUrl: string };

/** Does the database lack a build for this embedder, or a file of the local corpus folder? */
async function needsIngest(store: PostgresStore, config: DatabaseConfig, embeddings: IdentifiedEmbeddings): Promise<boolean> {
  const active = await store.activeBuild();
  if (!active || active.embedder !== embeddings.modelId) return true;
  const local = (await fs.readdir(config.corpusDir).catch(() => [] as string[])).filter((name) =>
    SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase()),
  );
  if (local.length === 0) return false;
  const { rows } = await store.db.query<{ name: string }>("SELECT name FROM corpus_files WHERE name = ANY($1::text[])", [local]);
  return rows.length < local.length;
}

/**
 * @example
 * const { store, index } = await openDatabaseIndex({ ...config, databaseUrl }, embeddings, { ingestIfStale: true });
 */
export async function openDatabaseIndex(
  config: DatabaseConfig,
  embeddings: IdentifiedEmbeddings,
  options: { ingestIfStale: boolean; log: (line: string) => void },
): Promise<{ store: PostgresStore; index: LoadedIndex }> {
  const store = await PostgresStore.open(config.databaseUrl, config.indexDir);
  try {
    if (options.ingestIfStale && (await needsIngest(store, config, embeddings))) {
      try {
        const result = await ingestIntoDatabase(
          runIngestJob,
          { corpusDir: config.corpusDir, indexDir: config.indexDir, embeddings: config.embeddings },
          { databaseUrl: config.databaseUrl, addLocalCorpus: "missing", waitForLock: true },
          options.log,
        );
        options.log(result.status === "built" ? `Published build ${path.basename(result.buildDir)} to the database` : "The database's build is up to date");
      } catch (error) {
        // No corpus file could be read: the active build (if any) was left as it was; serve it.
        if (!(error instanceof NoReadableDocumentsError)) throw error;
        options.log(error.message);
      }
    }
    return { store, index: await store.loadActive(embeddings) };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
