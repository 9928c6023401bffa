// The build the reading commands (docs, refs, ask) read is the one the servers serve: with
// DATABASE_URL the database's active build (copied into the index folder once, as a server does),
// else the index folder's live build. One place decides, so no command reads a stale local folder.
import { IndexError } from "../errors.ts";
import type { IdentifiedEmbeddings } from "../index/create-embeddings.ts";
import { type IndexFiles, REBUILD_HINT, currentBuildDir, readIndexFiles } from "../store/index-files.ts";
import { type LoadedIndex, loadBuild } from "../store/load-index.ts";
import { PostgresStore } from "../store/postgres/postgres-store.ts";

export interface ServedBuild {
  /** The build folder (a database build's local copy with DATABASE_URL). */
  dir: string;
  /** Where it came from, for messages: the index folder, or "build 3 of the database". */
  where: string;
}

/**
 * @example
 * const { dir } = await servedBuild(config.indexDir, config.databaseUrl);
 */
export async function servedBuild(indexDir: string, databaseUrl: string | undefined): Promise<ServedBuild> {
  if (databaseUrl) {
    const store = await PostgresStore.open(databaseUrl, indexDir);
    try {
      const active = await store.materializeActive();
      return { dir: active.dir, where: `build ${active.id} of the database` };
    } finally {
      await store.close();
    }
  }
  const dir = await currentBuildDir(indexDir);
  if (!dir) throw new IndexError("index_missing", `No index in ${indexDir}; ${REBUILD_HINT}`);
  return { dir, where: indexDir };
}

/** The served build's parsed files, without vectors: enough for document and reference lookups. */
export async function readServedFiles(indexDir: string, databaseUrl: string | undefined): Promise<IndexFiles> {
  return readIndexFiles((await servedBuild(indexDir, databaseUrl)).dir);
}

/**
 * The served build with its search engine. A database build is searched in memory from its local
 * copy, so no connection stays open while a command answers.
 */
export async function loadServedIndex(
  indexDir: string,
  databaseUrl: string | undefined,
  embeddings: IdentifiedEmbeddings,
): Promise<LoadedIndex> {
  const { dir, where } = await servedBuild(indexDir, databaseUrl);
  return loadBuild(dir, embeddings, { where });
}
