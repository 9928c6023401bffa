// A review uploaded to a real server is found by /api/search as soon as it is parsed, before its
// vectors are made (the upload's response comes only once they are), and reports its progress
// (parsed → embedding n % → ready) in /api/documents and /healthz meanwhile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import { type IndexCopyServer, TEST_ADMIN_TOKEN as TOKEN, startServerOnIndexCopy } from "../support/index-copy-server.ts";
import { TEST_REVIEW_ID, makeTestReview } from "../support/test-review.ts";

let served: IndexCopyServer;
let server: RunningServer;

beforeAll(async () => {
  served = await startServerOnIndexCopy();
  server = served.server;
});

afterAll(async () => {
  await served?.close();
});

interface DocumentsBody {
  documents: { id: string; status: { state: string; label: string } }[];
}

describe("an uploaded review", () => {
  it("is searchable by its words while its vectors are made, then ready", async () => {
    const form = new FormData();
    form.append("file", new Blob([await makeTestReview()]), "Staged Test Review (2025).md");
    let finished = false;
    const ingest = fetch(`${server.url}/api/admin/ingest`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    void ingest.finally(() => (finished = true));

    // Poll until BM25 finds a phrase only the new review has; note what the server said of it then.
    let foundBeforeFinished = false;
    const statesSeen = new Set<string>();
    for (;;) {
      const search = await fetch(`${server.url}/api/search?q=${encodeURIComponent("mammary carcinoma miRNA")}&k=5`);
      expect(search.status).toBe(200);
      const { results } = (await search.json()) as { results: { docId: string; score: number }[] };
      const docs = (await (await fetch(`${server.url}/api/documents`)).json()) as DocumentsBody;
      const mine = docs.documents.find((doc) => doc.id === TEST_REVIEW_ID);
      if (mine) statesSeen.add(mine.status.state);
      if (results.some((hit) => hit.docId === TEST_REVIEW_ID)) {
        // Scores stay numbers while part of the index has no vectors.
        expect(results.every((hit) => Number.isFinite(hit.score))).toBe(true);
        foundBeforeFinished = !finished;
        break;
      }
      if (finished) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(foundBeforeFinished).toBe(true);
    expect([...statesSeen].some((state) => state === "parsed" || state === "embedding")).toBe(true);

    // While vectors are pending, /healthz lists the review; an answer meanwhile works.
    if (!finished) {
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { ingest: { notReady: { docId: string }[] } };
      expect(health.ingest.notReady.map((doc) => doc.docId)).toContain(TEST_REVIEW_ID);
    }
    const ask = await fetch(`${server.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "How are miRNAs delivered in mammary carcinoma?" }),
    });
    expect(ask.status).toBe(200);

    const res = await ingest;
    expect(res.status).toBe(200);
    const after = (await (await fetch(`${server.url}/api/documents`)).json()) as DocumentsBody;
    expect(after.documents.find((doc) => doc.id === TEST_REVIEW_ID)?.status.label).toBe("ready");
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { ingest: { running: boolean; notReady: unknown[] } };
    expect(health.ingest).toEqual({ running: false, notReady: [] });
  });
});
