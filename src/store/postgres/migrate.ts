// Versioned schema migrations: migrations/NNN_name.sql, applied in order, each in its own
// transaction, recorded in review_chat_migrations. Every instance runs this at start; the
// advisory lock makes concurrent starts take turns, and applied versions are skipped.
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, LOCK_KEYS } from "./database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const version = Number(file.split("_")[0]);
    if (migrations.some((m) => m.version === version)) throw new Error(`Two migrations share version ${version} (${file})`);
    migrations.push({ version, name: file.replace(/\.sql$/, ""), sql: await fs.readFile(path.join(dir, file), "utf8") });
  }
  return migrations;
}

/**
 * Bring the schema up to date; returns the names of the migrations this call applied.
 *
 * @example
 * await migrate(db); // ["001_store", "002_pgvector"] on a fresh database, [] afterwards
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const wanted = migrations ?? (await readMigrations());
  const client = await db.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEYS.migrate]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS review_chat_migrations (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ version: number }>("SELECT version FROM review_chat_migrations");
      const done = new Set(rows.map((r) => r.version));
      const applied: string[] = [];
      for (const migration of wanted) {
        if (done.has(migration.version)) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query("INSERT INTO review_chat_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEYS.migrate]).catch(() => {});
    }
  } finally {
    client.release();
  }
}
