// A throwaway PostgreSQL 15 cluster for tests: initdb in a temp folder, a free loopback port,
// torn down (and deleted) after. initdb and postgres refuse to run as root, so as root (CI
// containers) they run as the unprivileged `nobody` through runuser. When the server binaries
// are not installed, `startPostgresCluster` returns null and the caller skips with `skipReason`.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const CANDIDATE_BIN_DIRS = [process.env.PG_BIN, "/usr/lib/postgresql/15/bin", "/usr/local/pgsql/bin"].filter(Boolean) as string[];

export interface PostgresCluster {
  /** URL of a fresh, empty database on the cluster (one per call). */
  createDatabase(): Promise<string>;
  /** Stop the server (immediately) and delete its folder. */
  stop(): Promise<void>;
}

export const postgresBinDir = (): string | undefined => CANDIDATE_BIN_DIRS.find((dir) => existsSync(path.join(dir, "initdb")));

export const skipReason = () =>
  `PostgreSQL server binaries not found (looked in ${CANDIDATE_BIN_DIRS.join(", ")}; set PG_BIN or apt-get install postgresql)`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster | null> {
  const bin = postgresBinDir();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "rc-pg-"));
  const as = async (command: string, args: string[]) => {
    const file = path.join(bin, command);
    return asRoot ? run("runuser", ["-u", "nobody", "--", file, ...args]) : run(file, args);
  };
  if (asRoot) await run("chown", ["nobody", root]);
  const data = path.join(root, "data");
  const port = await freePort();
  await as("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  // Durability is not under test: no fsync makes the throwaway cluster fast on a busy machine.
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  await as("pg_ctl", ["-D", data, "-o", serverOptions, "-l", path.join(root, "server.log"), "-w", "-t", "60", "start"]);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    async createDatabase() {
      const name = `review_chat_test_${++databases}`;
      const admin = new pg.Client(adminUrl);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
