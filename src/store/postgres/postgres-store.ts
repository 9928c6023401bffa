// The shared store as one instance sees it: which build is active, loading it, whether an ingest is
// running anywhere, and hearing about new builds (LISTEN/NOTIFY, and a poll in case a notification
// is missed while the listening connection is down).
import pg from "pg";
import { IndexError } from "../../errors.ts";
import type { IdentifiedEmbeddings } from "../../index/create-embeddings.ts";
import { type LoadedIndex, loadBuild } from "../load-index.ts";
import { BUILDS_CHANNEL, type Database, LOCK_KEYS, databaseError, hasVectorExtension, openDatabase } from "./database.ts";
import { databaseBuildDir, materializeBuild } from "./materialize-build.ts";
import { migrate } from "./migrate.ts";
import { openPgvectorEngine } from "./pgvector-search.ts";

export const DATABASE_REBUILD_HINT = "run `npx review-chat ingest` with DATABASE_URL set to publish one";

export interface ActiveBuild {
  id: number;
  embedder: string;
}

export class PostgresStore {
  private constructor(
    readonly url: string,
    readonly db: Database,
    private readonly indexDir: string,
    readonly vectorSearchInDatabase: boolean,
  ) {}

  /**
   * Connect and migrate the schema.
   *
   * @example
   * const store = await PostgresStore.open(config.databaseUrl, config.indexDir);
   */
  static async open(url: string, indexDir: string): Promise<PostgresStore> {
    const db = openDatabase(url);
    try {
      await migrate(db);
      return new PostgresStore(url, db, indexDir, await hasVectorExtension(db));
    } catch (error) {
      await db.end().catch(() => {});
      throw databaseError(url, error);
    }
  }

  async activeBuild(): Promise<ActiveBuild | null> {
    const { rows } = await this.db.query<{ id: string; embedder: string }>(
      "SELECT b.id, b.embedder FROM active_build a JOIN builds b ON b.id = a.build_id",
    );
    return rows[0] ? { id: Number(rows[0].id), embedder: rows[0].embedder } : null;
  }

  /** The local folder the active build is (or will be) copied to; null when nothing is published. */
  async activeBuildDir(): Promise<string | null> {
    const active = await this.activeBuild();
    return active ? databaseBuildDir(this.indexDir, active.id) : null;
  }

  /** The active build copied into this instance's index folder (once: builds never change). */
  async materializeActive(): Promise<{ id: number; dir: string }> {
    const active = await this.activeBuild();
    if (!active) throw new IndexError("index_missing", `No build is published in the database; ${DATABASE_REBUILD_HINT}`);
    return { id: active.id, dir: await materializeBuild(this.db, this.indexDir, active.id) };
  }

  /** Load the active build: copied locally once, searched in memory or, with pgvector, in the database. */
  async loadActive(embeddings: IdentifiedEmbeddings): Promise<LoadedIndex> {
    const active = await this.materializeActive();
    const dir = active.dir;
    return loadBuild(dir, embeddings, {
      where: `build ${active.id} of the database`,
      openEngine: this.vectorSearchInDatabase ? (files, emb) => openPgvectorEngine(this.db, active.id, files, emb) : undefined,
    });
  }

  /** Is some process (this instance or another) holding the ingest lock? */
  async isIngestRunning(): Promise<boolean> {
    const { rows } = await this.db.query(
      "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = $1",
      [LOCK_KEYS.ingest],
    );
    return rows.length > 0;
  }

  /**
   * Call `onPublished` when any instance or the CLI publishes a build: at once through
   * LISTEN/NOTIFY, and every `pollMs` regardless (a dropped listening connection is reopened).
   * Returns the function that stops watching.
   */
  watchPublishedBuilds(onPublished: () => void, pollMs: number): () => Promise<void> {
    let stopped = false;
    let listener: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;
    const listen = async () => {
      const client = new pg.Client({ connectionString: this.url });
      const reopen = () => {
        if (stopped || listener !== client) return;
        listener = undefined;
        retry = setTimeout(() => void listen(), pollMs);
        retry.unref();
      };
      client.on("error", reopen);
      client.on("end", reopen);
      client.on("notification", (message) => {
        if (message.channel === BUILDS_CHANNEL) onPublished();
      });
      listener = client;
      try {
        await client.connect();
        await client.query(`LISTEN ${BUILDS_CHANNEL}`);
        if (stopped) await client.end();
      } catch {
        await client.end().catch(() => {});
        reopen();
      }
    };
    void listen();
    const poll = setInterval(onPublished, pollMs);
    poll.unref();
    return async () => {
      stopped = true;
      clearInterval(poll);
      clearTimeout(retry);
      await listener?.end().catch(() => {});
    };
  }

  private closing?: Promise<void>;

  /** Close the pool (once, however often it is called). */
  close(): Promise<void> {
    this.closing ??= this.db.end().catch(() => {});
    return this.closing;
  }
}
