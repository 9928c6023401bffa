// `review-chat ingest` with DATABASE_URL, as an operator runs it: the first run publishes the corpus
// folder to a real PostgreSQL 15, a second finds it up to date, the reading commands (docs, refs,
// ask) read that build, and a bad URL is one clear line.
import { afterAll, beforeAll, expect, it } from "vitest";
import pg from "pg";
import { type PostgresCluster, skipReason, startPostgresCluster } from "../support/postgres-cluster.ts";
import { runCli } from "../support/run-cli.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";

let cluster: PostgresCluster | null;
let temp: TempIndex;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  if (!cluster) console.warn(`Skipping the database CLI tests: ${skipReason()}`);
  temp = await createTempIndex();
});

afterAll(async () => {
  await cluster?.stop();
  await temp?.cleanup();
});

it("publishes the corpus folder once, then has nothing to do", async (context) => {
  if (!cluster) return context.skip();
  const url = await cluster.createDatabase();
  const env = { DATABASE_URL: url, CORPUS_DIR: temp.corpusDir, INDEX_DIR: temp.indexDir };
  const first = await runCli(["ingest"], env);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toMatch(/^Published build 1 to the database: 2 document\(s\), \d+ chunks/m);
  const second = await runCli(["ingest"], env);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toContain("The database's active build is up to date; nothing to do.");
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query("SELECT (SELECT count(*) FROM corpus_files)::int AS files, (SELECT count(*) FROM builds)::int AS builds");
    expect(rows[0]).toEqual({ files: 2, builds: 1 });
  } finally {
    await client.end();
  }

  // Every reading command reads the database's active build, even from an index folder that holds no index at all.
  const elsewhere = await createTempIndex();
  const fromDatabase = { DATABASE_URL: url, CORPUS_DIR: elsewhere.corpusDir, INDEX_DIR: elsewhere.indexDir };
  const fromFolder = { ...fromDatabase, DATABASE_URL: "" };
  try {
    const docs = await runCli(["docs", "--json"], fromDatabase);
    expect(docs.code, docs.stderr).toBe(0);
    const listed = JSON.parse(docs.stdout) as { id: string; status: { label: string } }[];
    expect(listed.map((doc) => doc.id).sort()).toEqual(["guan2024", "verma2024"]);
    expect(listed.every((doc) => doc.status.label === "ready")).toBe(true);

    const refs = await runCli(["refs", "guan2024", "44", "--json"], fromDatabase);
    expect(refs.code, refs.stderr).toBe(0);
    const shown = JSON.parse(refs.stdout) as { docId: string; entries: { n: number; text: string }[] };
    expect(shown.entries.map((entry) => entry.n)).toEqual([44]);
    expect(shown.entries[0]!.text.length).toBeGreaterThan(20);

    const ask = await runCli(["ask", "--json", "What limits miRNA therapeutics in the clinic?"], fromDatabase);
    expect(ask.code, ask.stderr).toBe(0);
    const answer = JSON.parse(ask.stdout) as { sources: { docId: string }[] };
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.sources.every((source) => ["guan2024", "verma2024"].includes(source.docId))).toBe(true);

    // Without the database the same folder has nothing to read, and each command says so.
    for (const args of [["docs"], ["refs", "guan2024", "44"], ["ask", "What limits miRNA therapeutics?"]]) {
      const local = await runCli(args, fromFolder);
      expect(local.code, args[0]).not.toBe(0);
      expect(local.stderr).toContain("No index in");
    }
  } finally {
    await elsewhere.cleanup();
  }
}, 300_000);

it("refuses a DATABASE_URL that is not a PostgreSQL URL, in one line", async () => {
  const result = await runCli(["ingest"], { DATABASE_URL: "mysql://localhost/db", CORPUS_DIR: temp.corpusDir, INDEX_DIR: temp.indexDir });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain("DATABASE_URL must be a PostgreSQL URL");
  expect(result.stderr).not.toMatch(/\n\s+at /);
});

it("says which database it could not reach, without its password", async () => {
  const result = await runCli(["ingest"], {
    DATABASE_URL: "postgres://review_chat:s3cret@127.0.0.1:1/review_chat",
    CORPUS_DIR: temp.corpusDir,
    INDEX_DIR: temp.indexDir,
  });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain("PostgreSQL at postgres://review_chat:***@127.0.0.1:1/review_chat failed");
  expect(result.stderr).not.toContain("s3cret");
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
