// The pgvector path: PGlite with its `vector` extension over the wire protocol. The migration
// creates the extension, publishing builds the build's HNSW index, and dense search runs there —
// through that index — finding what the in-memory HNSW finds; a whole server runs on it too.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyLiveIndex } from "../../../test/support/copy-live-index.ts";
import { type PgliteServer, startPgliteServer } from "../../../test/support/pglite-server.ts";
import { type TempIndex, createTempIndex } from "../../../test/support/temp-index.ts";
import { loadConfig } from "../../config.ts";
import { startServer } from "../../server/start-server.ts";
import { createEmbeddings } from "../../index/create-embeddings.ts";
import { readIndexFiles } from "../index-files.ts";
import { loadBuild } from "../load-index.ts";
import { PostgresStore } from "./postgres-store.ts";
import { publishBuildToDatabase, readCorpusFiles, vectorIndexName } from "./publish-build.ts";
import { vectorLiteral } from "./pgvector-search.ts";

let server: PgliteServer;
let temp: TempIndex;

beforeAll(async () => {
  server = await startPgliteServer();
  temp = await createTempIndex();
});

afterAll(async () => {
  await server?.stop();
  await temp?.cleanup();
});

describe("vector search in PostgreSQL (pgvector)", () => {
  it("runs the dense search through the build's HNSW index and finds what the in-memory index finds", async () => {
    const embeddings = createEmbeddings(loadConfig({}).embeddings);
    const buildDir = await copyLiveIndex(temp.indexDir);
    const files = await readIndexFiles(buildDir);
    const store = await PostgresStore.open(server.url, temp.indexDir);
    try {
      expect(store.vectorSearchInDatabase).toBe(true);
      const corpus = await readCorpusFiles(temp.corpusDir, await fs.readdir(temp.corpusDir));
      const id = await publishBuildToDatabase(store.db, { files, embeddings, corpus });
      const loaded = await store.loadActive(embeddings);
      const inMemory = await loadBuild(buildDir, embeddings);

      const question = "Which nanocarriers deliver miRNA to resistant tumours?";
      const vector = await embeddings.embedQuery(question);
      const dims = files.manifest.embedder.dimensions;
      // The query's shape matches the build's index (on two reviews sorting is cheaper, so scans and
      // sorting are switched off here to show the index applies; on thousands of rows the planner takes it itself).
      const plan = (await store.db.query(
        `BEGIN; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off;
         EXPLAIN SELECT chunk_position FROM window_vectors WHERE build_id = ${id}
         ORDER BY embedding::vector(${dims}) <=> '${vectorLiteral(vector)}'::vector LIMIT 10; COMMIT;`,
      )) as unknown as { rows: Record<string, string>[] }[];
      expect(plan.flatMap((r) => r.rows.map((row) => row["QUERY PLAN"])).join("\n")).toContain(vectorIndexName(id));

      const inDatabase = await loaded.engine.search(question, { k: 5, mode: "dense" });
      const reference = await inMemory.engine.search(question, { k: 5, mode: "dense" });
      expect(inDatabase.map((r) => r.id)).toEqual(reference.map((r) => r.id));
      for (const [i, hit] of inDatabase.entries()) expect(hit.score).toBeCloseTo(reference[i]!.score, 4);
      // Restricted to one document, and hybrid, still agree.
      const docId = files.documents[0]!.meta.id;
      const restricted = await loaded.engine.search(question, { k: 3, mode: "dense", docs: [docId] });
      expect(restricted.every((r) => r.docId === docId)).toBe(true);
      expect(restricted.map((r) => r.id)).toEqual((await inMemory.engine.search(question, { k: 3, mode: "dense", docs: [docId] })).map((r) => r.id));
      expect((await loaded.engine.search(question, { k: 5 })).map((r) => r.id)).toEqual(
        (await inMemory.engine.search(question, { k: 5 })).map((r) => r.id),
      );
      // The neighbours really come from the database: without its rows the dense search finds nothing.
      await store.db.query(`DELETE FROM window_vectors WHERE build_id = ${id}`);
      expect(await loaded.engine.search(question, { k: 5, mode: "dense" })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("serves a whole server from it: first build published at start, dense search and rate limits in the database", async () => {
    const database = await startPgliteServer();
    const own = await createTempIndex();
    try {
      const config = loadConfig({ DATABASE_URL: database.url, CORPUS_DIR: own.corpusDir, INDEX_DIR: own.indexDir, LOG_LEVEL: "silent", PORT: "0", RATE_LIMIT_MAX: "5" });
      const running = await startServer(config);
      try {
        expect(running.ctx.postgres?.vectorSearchInDatabase).toBe(true);
        const search = await fetch(`${running.url}/api/search?q=${encodeURIComponent("miRNA nanoparticles")}&mode=dense&k=3`);
        expect(search.status).toBe(200);
        expect(((await search.json()) as { results: unknown[] }).results).toHaveLength(3);
        const answer = await fetch(`${running.url}/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ question: "Which nanocarriers deliver miRNA?" }),
        });
        expect(answer.status).toBe(200);
        expect(answer.headers.get("ratelimit")).toContain("remaining=4");
        const { rows } = await running.ctx.postgres!.db.query("SELECT hits FROM rate_limit_hits WHERE limiter = 'questions'");
        expect(rows).toEqual([{ hits: 1 }]);
      } finally {
        await running.close();
      }
    } finally {
      await database.stop();
      await own.cleanup();
    }
  });
});
