// The served pages over real HTTP against the real index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import { startTestServer } from "../support/test-server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string) => fetch(`${server.url}${path}`);

describe("GET /", () => {
  it("embeds the widget and shows the snippet with this server's address", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body).toContain('<script src="/widget.js" data-title="Ask the reviews" defer></script>');
    expect(body).toContain(`&lt;script src=&quot;${server.url}/widget.js&quot; data-title=&quot;Ask the reviews&quot; defer&gt;&lt;/script&gt;`);
    expect(body).toContain('href="/docs/guan2024"');
    expect(body).toContain('href="/docs/verma2024"');
  });
});

describe("GET /chat", () => {
  it("serves the full-page chat: an inline <review-chat> and the widget script", async () => {
    const body = await (await get("/chat")).text();
    expect(body).toContain('<review-chat data-title="Ask the reviews"></review-chat>');
    expect(body).toContain('<script src="/widget.js" defer></script>');
  });
});

describe("GET /docs/:id", () => {
  it("renders the whole review: every passage anchored, every reference entry linked", async () => {
    const res = await get("/docs/guan2024");
    expect(res.status).toBe(200);
    const body = await res.text();
    const { corpus } = server.ctx.index!;
    for (const chunk of corpus.chunksOf("guan2024")) expect(body).toContain(`id="chunk-${chunk.id}"`);
    for (const ref of corpus.document("guan2024")!.references) expect(body).toContain(`id="ref-${ref.n}"`);
    expect(body).toContain('href="https://doi.org/10.3389/fimmu.2024.1492546"');
    // Citation markers in the text jump to their entries: "(48)" → #ref-48.
    expect(body).toContain('<a class="cite" href="#ref-48" aria-label="reference 48">48</a>');
    // 113 resolved citation numbers in Guan; a range "(70–72)" links its two printed ends.
    expect((body.match(/class="cite"/g) ?? []).length).toBeGreaterThan(100);
    // A health line under the title, with the document's warnings.
    expect(body).toMatch(/<section class="health muted" aria-label="Parse quality"><p class="meta">103 references, numbered 1–104 · missing reference numbers: 2 · \d+ citation markers \(parenthetical\), \d+\.\d% resolve to an entry/);
    expect(body).toContain("<li>Warning: 1 of 104 reference numbers have no entry</li>");
    // No script at all: the highlight is CSS (:target).
    expect(body).not.toMatch(/<script/i);
  });

  it("links superscript markers of the Verma review", async () => {
    const body = await (await get("/docs/verma2024")).text();
    expect(body).toMatch(/<a class="cite" href="#ref-1" aria-label="reference 1">¹<\/a>/);
  });

  it("is a 404 with the standard error body for an unknown id", async () => {
    const res = await get("/docs/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
