// WORKERS=2: two server processes behind one port. Requests are spread over both, the rate limit
// is shared (counted in the primary), /metrics sums the workers, an admin ingest runs once and
// every worker serves the new index when it answers, and SIGTERM stops the whole cluster cleanly.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyLiveIndex } from "../support/copy-live-index.ts";
import { type ServerProcess, spawnServer } from "../support/server-process.ts";
import { type TempIndex, createTempIndex } from "../support/temp-index.ts";
import { TEST_REVIEW_ID, makeTestReview } from "../support/test-review.ts";

const TOKEN = "cluster-admin-token-0123456789";
let temp: TempIndex;
let server: ServerProcess;

/** One request on a fresh connection, so the primary hands it to the next worker. */
function request(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent: false, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} },
      (res) => {
        let data = "";
        res.on("data", (d) => (data += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  temp = await createTempIndex();
  await copyLiveIndex(temp.indexDir);
  server = await spawnServer({
    WORKERS: "2",
    CORPUS_DIR: temp.corpusDir,
    INDEX_DIR: temp.indexDir,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_MAX: "4",
    SHUTDOWN_TIMEOUT_MS: "5000",
  });
  // Both workers log their address once they listen.
  const until = Date.now() + 60_000;
  while ((server.output().stdout.match(/Review Chat listening on/g) ?? []).length < 2 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 180_000);

afterAll(async () => {
  server?.kill();
  await temp?.cleanup();
});

const servingPids = () =>
  new Set(
    server
      .output()
      .stdout.split("\n")
      .filter((line) => line.includes('"msg":"request completed"'))
      .map((line) => (JSON.parse(line) as { pid: number }).pid),
  );

describe("WORKERS=2", () => {
  it("spreads requests over both workers", async () => {
    for (let i = 0; i < 12; i++) expect((await request("GET", "/healthz")).status).toBe(200);
    // Completion lines are written as responses finish; give the last ones a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(servingPids().size).toBe(2);
    expect(servingPids().has(server.child.pid!)).toBe(false);
  });

  it("shares one rate limit across the workers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await request("POST", "/api/ask", JSON.stringify({ question: "What is P-glycoprotein?" }))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429]);
  });

  it("sums the workers' figures in /metrics", async () => {
    const text = (await request("GET", "/metrics")).body;
    const healthz = /review_chat_http_requests_total\{method="GET",route="\/healthz",status="200"\} (\d+)/.exec(text);
    expect(Number(healthz?.[1])).toBe(12);
    expect(text).toMatch(/review_chat_rate_limited_total\{route="\/api\/ask"\} 3/);
    expect(text).toMatch(/review_chat_answers_total\{mode="extractive",refused="(true|false)"\} 4/);
  });

  it("runs an admin ingest once and has every worker serve the new index when it answers", async () => {
    const form = new FormData();
    form.append("file", new Blob([await makeTestReview()]), "cluster-review.md");
    const res = await fetch(`${server.url}/api/admin/ingest`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    const body = (await res.json()) as { status: string; documents: number; chunks: number };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "built", documents: 3 });
    for (let i = 0; i < 8; i++) {
      const health = JSON.parse((await request("GET", "/healthz")).body) as { documents: number; chunks: number };
      expect(health).toMatchObject({ documents: 3, chunks: body.chunks });
    }
    for (let i = 0; i < 4; i++) {
      const docs = JSON.parse((await request("GET", `/api/documents/${TEST_REVIEW_ID}`)).body) as { id: string };
      expect(docs.id).toBe(TEST_REVIEW_ID);
    }
  }, 240_000);

  it("stops every process on SIGTERM to the primary, exit code 0", async () => {
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000 + 3_000);
    for (const pid of servingPids()) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
