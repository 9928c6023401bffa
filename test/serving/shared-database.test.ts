// Two real servers (separate processes, separate index folders, no shared files) on one real
// PostgreSQL 15 cluster: an upload on A is answered on B within 5 s of A's response; while A
// ingests, B refuses a second ingest with 409; and an instance killed in the middle of publishing
// loses nothing — the active build stays as it was, the lock is released, and the same upload
// then succeeds on the other instance.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { LOCK_KEYS } from "../../src/store/postgres/database.ts";
import { ask } from "../support/ask-client.ts";
import { type PostgresCluster, skipReason, startPostgresCluster } from "../support/postgres-cluster.ts";
import { type ServerProcess, spawnServer } from "../support/server-process.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";
import { TEST_REVIEW_ID, makeTestReview } from "../support/test-review.ts";

const TOKEN = "test-admin-token-0123456789abcdef";
let cluster: PostgresCluster | null;
let databaseUrl: string;
const temps: TempIndex[] = [];
const servers: ServerProcess[] = [];

async function startInstance(): Promise<ServerProcess> {
  const temp = await createTempIndex();
  temps.push(temp);
  const server = await spawnServer(
    { DATABASE_URL: databaseUrl, DATABASE_POLL_MS: "1000", CORPUS_DIR: temp.corpusDir, INDEX_DIR: temp.indexDir, ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: "0" },
    { timeoutMs: 240_000 },
  );
  servers.push(server);
  return server;
}

function upload(target: ServerProcess, name: string, text: string): Promise<Response> {
  const form = new FormData();
  form.append("file", new Blob([text]), name);
  return fetch(`${target.url}/api/admin/ingest`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
}

const documentIds = async (target: ServerProcess) =>
  ((await (await fetch(`${target.url}/api/documents`)).json()) as { documents: { id: string }[] }).documents.map((d) => d.id);

async function activeBuildId(): Promise<number> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return Number((await client.query("SELECT build_id FROM active_build")).rows[0].build_id);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  cluster = await startPostgresCluster();
  if (!cluster) {
    console.warn(`Skipping the shared-database tests: ${skipReason()}`);
    return;
  }
  databaseUrl = await cluster.createDatabase();
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.kill();
  await Promise.all(servers.map((s) => s.exited));
  await cluster?.stop();
  await Promise.all(temps.map((t) => t.cleanup()));
});

describe("two instances on one PostgreSQL", () => {
  let a: ServerProcess;
  let b: ServerProcess;

  it("an upload on A is answered on B within 5 s", async (context) => {
    if (!cluster) return context.skip();
    a = await startInstance(); // publishes the first build from its corpus folder
    b = await startInstance(); // finds it published and loads it
    expect(await documentIds(b)).toEqual(await documentIds(a));
    // B has served before (its embedding model is loaded): a serving instance, not a cold one.
    expect((await ask(b.url, { question: "What causes drug resistance in breast cancer?" })).status).toBe(200);

    // A serves the review by its words (a local BM25-searchable build) before its vectors exist
    // and before the database has it; B gets it with the complete build.
    let responded = false;
    const uploading = upload(a, "Serving-Test-Review-2025.md", await makeTestReview());
    void uploading.finally(() => (responded = true));
    let foundOnABeforeResponse = false;
    while (!responded) {
      const res = await fetch(`${a.url}/api/search?q=${encodeURIComponent("mammary carcinoma miRNA")}&k=5&mode=bm25`);
      const { results } = (await res.json()) as { results: { docId: string }[] };
      if (results.some((hit) => hit.docId === TEST_REVIEW_ID)) {
        foundOnABeforeResponse = !responded;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await uploading;
    expect(response.status).toBe(200);
    expect(foundOnABeforeResponse).toBe(true);
    const published = Date.now();
    let seenAfter = -1;
    while (Date.now() - published < 10_000) {
      if ((await documentIds(b)).includes(TEST_REVIEW_ID)) {
        seenAfter = Date.now() - published;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answer = await ask(b.url, { question: "How are miRNAs delivered in mammary carcinoma?", docs: [TEST_REVIEW_ID] });
    const answeredAfter = Date.now() - published;
    console.log(`upload on A → listed on B after ${seenAfter} ms, answered on B after ${answeredAfter} ms`);
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(answeredAfter).toBeLessThan(5_000);
    expect(answer.status).toBe(200);
    expect(answer.payload.sources.some((s) => s.docId === TEST_REVIEW_ID)).toBe(true);
  }, 600_000);

  it("an instance killed while publishing leaves the active build as it was, and the other takes the same upload", async (context) => {
    if (!cluster || !a || !b) return context.skip();
    const before = await activeBuildId();
    const documentsBefore = await documentIds(b);
    const review = (await makeTestReview()).replace("Tess Tester, Quinn Quality and Lee Loader", "Kim Crash, Quinn Quality and Lee Loader");
    const pending = upload(a, "Killed-Review-2025.md", review).catch(() => undefined);

    const watcher = new pg.Client(databaseUrl);
    watcher.on("error", () => {});
    await watcher.connect();
    // While A's ingest holds the lock (it embeds for a while), an ingest on B is refused with 409.
    const deadline = Date.now() + 300_000;
    let locked = false;
    while (!locked && Date.now() < deadline) {
      const { rows } = await watcher.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1", [LOCK_KEYS.ingest]);
      locked = rows.length > 0;
      if (!locked) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(locked).toBe(true);
    const refused = await upload(b, "Other-Review-2025.md", review);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("conflict");

    // Wait until A's ingest process is inside the publishing transaction, then kill it and A.
    let inTransaction = false;
    while (!inTransaction && Date.now() < deadline) {
      const { rows } = await watcher.query(
        "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO%' AND pid <> pg_backend_pid()",
      );
      inTransaction = rows.length > 0;
      if (!inTransaction) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(inTransaction).toBe(true);
    const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(a.child.pid)], { encoding: "utf8" }).split(/\s+/).filter(Boolean);
    for (const pid of children) process.kill(Number(pid), "SIGKILL");
    a.kill();
    await a.exited;
    await pending;

    // Nothing half-published: same active build, no extra build rows, lock free, B unchanged.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await activeBuildId()).toBe(before);
    const { rows: builds } = await watcher.query("SELECT count(*)::int AS n FROM builds WHERE id > $1", [before]);
    expect(builds[0].n).toBe(0);
    const { rows: corpus } = await watcher.query("SELECT count(*)::int AS n FROM corpus_files WHERE name = 'Killed-Review-2025.md'");
    expect(corpus[0].n).toBe(0);
    await watcher.end();
    expect(await documentIds(b)).toEqual(documentsBefore);

    const retried = await upload(b, "Killed-Review-2025.md", review);
    expect(retried.status).toBe(200);
    expect(await activeBuildId()).toBeGreaterThan(before);
    expect((await documentIds(b)).length).toBe(documentsBefore.length + 1);
  }, 600_000);
});
