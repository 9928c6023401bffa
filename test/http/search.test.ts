import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import type { SearchResult } from "../../src/types.ts";
import { startTestServer } from "../support/test-server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe("GET /healthz", () => {
  it("is 200 once the index is loaded", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", documents: 2 });
  });
});

describe("GET /api/search", () => {
  it("returns ranked passages with their review references", async () => {
    // A paraphrase: the passage says "CS/Lf/PTS-SLNs … improved drug solubility and bioavailability".
    const q = encodeURIComponent("Which lipid nanocarrier made the drug more soluble and bioavailable, treating tumour cells more effectively?");
    const res = await get(`/api/search?q=${q}&k=5`);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: SearchResult[] };
    expect(results).toHaveLength(5);
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(results[0]!.docId).toBe("guan2024");
    expect(results[0]!.text).toContain("CS/Lf/PTS-SLNs");
    expect(results[0]!.refs).toContain(44);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["docId", "id", "kind", "rank", "refs", "score", "section", "text"]);
    }
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("restricts results to the documents asked for", async () => {
    const res = await get(`/api/search?q=${encodeURIComponent("drug efflux pumps")}&k=8&docs=verma2024`);
    const { results } = (await res.json()) as { results: SearchResult[] };
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.docId))).toEqual(new Set(["verma2024"]));
  });

  it.each([
    ["/api/search", 400],
    ["/api/search?q=", 400],
    ["/api/search?q=%20%20", 400],
    ["/api/search?q=x&k=0", 400],
    ["/api/search?q=x&k=abc", 400],
    ["/api/search?q=x&docs=nobody1999", 404],
  ])("%s → %i with an error object", async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(typeof body.error.code).toBe("string");
    expect(body.error.message.length).toBeGreaterThan(0);
  });
});
