// The connection pool to the shared store, and what the server it reaches can do.
import pg from "pg";
import { ReviewChatError } from "../../errors.ts";

export type Database = pg.Pool;

/**
 * Advisory lock keys (one namespace, arbitrary but fixed): every instance and the CLI agree on them.
 * Session-level locks die with their connection, so a process that is killed releases its lock.
 */
export const LOCK_KEYS = { migrate: 72_620_001, ingest: 72_620_002 } as const;

/** NOTIFY channel on which a publish announces the new active build id. */
export const BUILDS_CHANNEL = "review_chat_builds";

/**
 * @example
 * const db = openDatabase("postgres://review_chat@127.0.0.1:5432/review_chat");
 */
export function openDatabase(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server emits on the pool; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}

/** Connection and server failures as a clear error that names the database (without its password). */
export function databaseError(url: string, cause: unknown): ReviewChatError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ReviewChatError("internal", `PostgreSQL at ${redactUrl(url)} failed: ${reason}`, { cause });
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "DATABASE_URL";
  }
}

/** Is pgvector installed in this database (so vector search can run there)? */
export async function hasVectorExtension(db: Database): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  return rows.length > 0;
}

/** Run `work` in one transaction on one client: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(db: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
