// GET /api/documents[/:id[/references[/:n]]] and GET /api/references over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerReference } from "../../src/answer/answer-payload.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { startTestServer } from "../support/test-server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const expectError = ({ status, body }: { status: number; body: Record<string, unknown> }, want: number, code: string) => {
  expect(status).toBe(want);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
};

describe("GET /api/documents", () => {
  it("lists both reviews with metadata and counts", async () => {
    const { status, body } = await get("/api/documents");
    expect(status).toBe(200);
    const documents = body.documents as { id: string; journal: string; doi: string; counts: { references: number; chunks: number } }[];
    expect(documents.map((d) => d.id).sort()).toEqual(["guan2024", "verma2024"]);
    const guan = documents.find((d) => d.id === "guan2024")!;
    expect(guan).toMatchObject({ journal: "Front. Immunol.", doi: "10.3389/fimmu.2024.1492546", year: 2024 });
    expect(guan.counts.references).toBeGreaterThan(100);
    expect(guan.counts.chunks).toBeGreaterThan(10);
    // Each document's health: the list, the citations and what they resolve to.
    const quality = (guan as unknown as { quality: { referenceStyle: string; references: { parsed: number }; citations: { found: number; resolvedRatio: number }; warnings: string[] } }).quality;
    expect(quality.referenceStyle).toBe("numbered");
    expect(quality.references.parsed).toBe(guan.counts.references);
    expect(quality.citations.found).toBeGreaterThan(100);
    expect(quality.citations.resolvedRatio).toBeGreaterThan(0.9);
    expect(quality.warnings).toEqual(["1 of 104 reference numbers have no entry"]);
  });

  it("describes one review with its sections", async () => {
    const { status, body } = await get("/api/documents/guan2024");
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: "guan2024", title: expect.stringMatching(/^Nanomaterials/) });
    const sections = body.sections as { title: string; number: string; chunks: number }[];
    expect(sections.some((s) => s.number === "3.1" && /Solid lipid nanoparticles/.test(s.title))).toBe(true);
    expect((body.counts as { missingReferenceNumbers: number[] }).missingReferenceNumbers).toContain(2);
    expect(body.citationStats).toMatchObject({ markers: expect.any(Number), resolvedRatio: expect.any(Number) });
    expect(body.quality).toMatchObject({ citations: { found: (body.citationStats as { markers: number }).markers } });
  });

  it("lists a review's references", async () => {
    const { status, body } = await get("/api/documents/verma2024/references");
    expect(status).toBe(200);
    const references = body.references as AnswerReference[];
    expect(references.length).toBeGreaterThan(100);
    expect(references.find((r) => r.n === 100)?.journal).toMatch(/Br\. J\. Cancer/);
  });

  it("resolves one reference with the passages citing it", async () => {
    const { status, body } = await get("/api/documents/guan2024/references/44");
    expect(status).toBe(200);
    expect(body.entry).toMatchObject({ n: 44, doi: "10.1016/j.ijpharm.2023.123163", url: "https://doi.org/10.1016/j.ijpharm.2023.123163" });
    const citedBy = body.citedBy as { chunkId: string; sentences: string[] }[];
    expect(citedBy.length).toBeGreaterThan(0);
    expect(citedBy[0]!.sentences.join(" ")).toContain("(44)");
    expect(Array.isArray(body.sameElsewhere)).toBe(true);
  });

  it("404s unknown documents and references, 400s malformed numbers", async () => {
    expectError(await get("/api/documents/nobody1999"), 404, "not_found");
    expectError(await get("/api/documents/nobody1999/references/1"), 404, "not_found");
    expectError(await get("/api/documents/guan2024/references/2"), 404, "not_found");
    expectError(await get("/api/documents/guan2024/references/9999"), 404, "not_found");
    expectError(await get("/api/documents/guan2024/references/abc"), 400, "bad_request");
    expectError(await get("/api/documents/guan2024/references/0"), 400, "bad_request");
  });
});

describe("GET /api/references", () => {
  const search = async (query: string) => {
    const { status, body } = await get(`/api/references?${query}`);
    return { status, results: (body.results ?? []) as (AnswerReference & { score: number })[], body };
  };

  it("finds entries by author", async () => {
    const { status, results } = await search("q=Granja");
    expect(status).toBe(200);
    expect(results[0]).toMatchObject({ docId: "guan2024", n: 43 });
  });

  it("finds entries by DOI, by journal and year, and by title words", async () => {
    expect((await search(`q=${encodeURIComponent("10.1016/j.ijpharm.2023.123163")}`)).results.map((r) => [r.docId, r.n])).toEqual([["guan2024", 44]]);
    const byJournal = await search(`q=${encodeURIComponent("Int J Pharm 2023")}`);
    expect(byJournal.results.some((r) => r.n === 44 && r.docId === "guan2024")).toBe(true);
    expect(byJournal.results.every((r) => r.year === 2023)).toBe(true);
    const byTitle = await search(`q=${encodeURIComponent("pterostilbene lipid nanoparticles")}`);
    expect(byTitle.results[0]).toMatchObject({ docId: "guan2024", n: 44 });
  });

  it("filters by document and limits the results", async () => {
    const { results } = await search("q=2022&docs=verma2024&limit=5");
    expect(results).toHaveLength(5);
    expect(results.every((r) => r.docId === "verma2024" && r.year === 2022)).toBe(true);
  });

  it("400s a missing query and 404s unknown documents", async () => {
    expectError(await get("/api/references"), 400, "bad_request");
    expectError(await get("/api/references?q="), 400, "bad_request");
    expectError(await get("/api/references?q=Granja&limit=0"), 400, "bad_request");
    expectError(await get("/api/references?q=Granja&docs=nobody1999"), 404, "not_found");
  });
});
