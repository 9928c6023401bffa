// POST /api/ask over real HTTP against the real index: extractive answers with their sources and
// references, citation lookups, follow-ups, refusals, and every way a request can be wrong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/start-server.ts";
import { ask, postJson } from "../support/ask-client.ts";
import { startTestServer } from "../support/test-server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const expectError = (status: number, body: Record<string, unknown>, want: number, code: string) => {
  expect(status).toBe(want);
  expect(Object.keys(body)).toEqual(["error"]);
  const error = body.error as { code: string; message: string };
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
};

describe("POST /api/ask — answers", () => {
  it("answers extractively with [n] markers pointing into the sources and the references the cited sentences print", async () => {
    const { status, payload } = await ask(server.url, {
      question: "What molecular effects were reported for Aly's chondroitin/lactoferrin-coated pterostilbene lipid nanoparticles?",
    });
    expect(status).toBe(200);
    expect(Object.keys(payload).sort()).toEqual(["answer", "mode", "references", "refused", "sources"]);
    expect(payload.mode).toBe("extractive");
    expect(payload.refused).toBe(false);
    expect(payload.answer).toContain("cyclin D1");
    const markers = [...payload.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const n of markers) expect(payload.sources.some((s) => s.n === n)).toBe(true);
    expect(payload.sources.map((s) => s.n)).toEqual(payload.sources.map((_, i) => i + 1));
    for (const source of payload.sources) {
      expect(Object.keys(source).sort()).toEqual(["docId", "docTitle", "id", "kind", "n", "refs", "score", "section", "text"]);
    }
    const ref44 = payload.references.find((r) => r.docId === "guan2024" && r.n === 44);
    expect(ref44).toMatchObject({ doi: "10.1016/j.ijpharm.2023.123163", url: "https://doi.org/10.1016/j.ijpharm.2023.123163", year: 2023 });
    for (const ref of payload.references) {
      expect(Object.keys(ref).sort()).toEqual(["authors", "docId", "doi", "journal", "label", "n", "text", "title", "url", "year"]);
      expect(ref.label).toBeNull(); // numbered papers: the number is the label
      // Every reference is printed by a cited source sentence: it is among the refs of a cited source.
      expect(payload.sources.some((s) => markers.includes(s.n) && s.docId === ref.docId && s.refs.includes(ref.n))).toBe(true);
    }
  });

  it("restricts sources to the requested documents and honours k", async () => {
    const { status, payload } = await ask(server.url, { question: "How are miRNAs delivered with nanoparticles?", docs: ["verma2024"], k: 3 });
    expect(status).toBe(200);
    expect(payload.sources.length).toBeLessThanOrEqual(3);
    expect(payload.sources.length).toBeGreaterThan(0);
    expect(payload.sources.every((s) => s.docId === "verma2024")).toBe(true);
  });

  it("answers a citation lookup with the entry asked for and its DOI", async () => {
    const { status, payload } = await ask(server.url, { question: "What is reference 44 in the Guan review?" });
    expect(status).toBe(200);
    expect(payload.refused).toBe(false);
    expect(payload.references).toHaveLength(1);
    expect(payload.references[0]).toMatchObject({
      docId: "guan2024",
      n: 44,
      year: 2023,
      doi: "10.1016/j.ijpharm.2023.123163",
      url: "https://doi.org/10.1016/j.ijpharm.2023.123163",
    });
    expect(payload.references[0]!.authors[0]).toMatch(/^Aly\b/);
    expect(payload.references[0]!.journal).toMatch(/Int J Pharm/);
    expect(payload.answer).toContain("10.1016/j.ijpharm.2023.123163");
    // The passage that cites it is a source, and the answer quotes it with its marker.
    expect(payload.sources[0]!.refs).toContain(44);
    expect(payload.answer).toMatch(/\[1\]/);
  });

  it("names documents by first author, journal or topic and answers ranges", async () => {
    const { payload } = await ask(server.url, { question: "What are refs 21–23 of the miRNA paper?" });
    expect(payload.references.map((r) => [r.docId, r.n])).toEqual([
      ["verma2024", 21],
      ["verma2024", 22],
      ["verma2024", 23],
    ]);
    const frontiers = await ask(server.url, { question: "What is the first reference of the Frontiers paper?" });
    expect(frontiers.payload.references.map((r) => [r.docId, r.n])).toEqual([["guan2024", 1]]);
  });

  it("finds where a review cites an author", async () => {
    const { payload } = await ask(server.url, { question: "Where does the review cite Granja?" });
    expect(payload.references.map((r) => [r.docId, r.n])).toEqual([["guan2024", 43]]);
    expect(payload.answer).toContain("Granja et al. developed SLNs");
  });

  it("finds the references behind a claim", async () => {
    const { payload } = await ask(server.url, {
      question: "Which references back the statement that miR-21 acts on PTEN in the Nanoscale Advances review?",
    });
    expect(payload.references.map((r) => r.n).sort((a, b) => a - b)).toEqual([17, 18, 19]);
    expect(payload.references.every((r) => r.docId === "verma2024")).toBe(true);
    // The sentence holds the claim's words: a strong match, scored.
    expect(payload.match).toEqual({ strength: "strong", score: expect.any(Number) });
  });

  it("does not answer about a review outside the selected documents", async () => {
    const { payload } = await ask(server.url, { question: "What is reference 44 in the Guan review?", docs: ["verma2024"] });
    expect(payload.refused).toBe(true);
    expect(payload.references).toEqual([]);
    expect(payload.answer).toMatch(/Guan et al\. \(2024\) is not among the selected documents/);
  });

  it("says so when a reference number is not in the list", async () => {
    const { status, payload } = await ask(server.url, { question: "What is reference 2 in guan2024?" });
    expect(status).toBe(200);
    expect(payload.refused).toBe(true);
    expect(payload.references).toEqual([]);
    expect(payload.answer).toMatch(/no reference 2.*missing/);
  });

  it("resolves a follow-up's pronoun from the conversation", async () => {
    const history = [
      { role: "user", content: "What is MRX34?" },
      { role: "assistant", content: "MRX34 is a liposomal miR-34a mimic given intravenously to patients with solid tumours [1]." },
    ];
    const alone = await ask(server.url, { question: "Why were its trials stopped?" });
    const followUp = await ask(server.url, { question: "Why were its trials stopped?", history });
    expect(followUp.status).toBe(200);
    expect(followUp.payload.refused).toBe(false);
    expect(followUp.payload.answer).toMatch(/MRX34/);
    expect(followUp.payload.answer).toMatch(/immun/i);
    expect(followUp.payload.references.some((r) => r.docId === "verma2024" && r.n === 100)).toBe(true);
    // Without the conversation the same words do not find MRX34.
    expect(alone.payload.answer).not.toMatch(/MRX34/);
  });

  it("refuses an off-topic question, offering the closest passages", async () => {
    const { status, payload } = await ask(server.url, { question: "Who won the 2022 FIFA World Cup?" });
    expect(status).toBe(200);
    expect(payload.refused).toBe(true);
    expect(payload.answer).toMatch(/do not cover/);
    expect(payload.references).toEqual([]);
    expect(payload.sources.length).toBeGreaterThan(0);
  });
});

describe("POST /api/ask — bad requests", () => {
  const post = (body: unknown) => postJson(`${server.url}/api/ask`, body);

  it("400 on malformed JSON", async () => {
    const res = await fetch(`${server.url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"question": "x"' });
    expectError(res.status, (await res.json()) as Record<string, unknown>, 400, "bad_json");
  });

  it.each([
    ["a missing question", {}],
    ["an empty question", { question: "   " }],
    ["a question over 2000 characters", { question: "x".repeat(2001) }],
    ["a question that is not a string", { question: 42 }],
    ["more than 20 history turns", { question: "why?", history: Array.from({ length: 21 }, () => ({ role: "user", content: "hi" })) }],
    ["a history turn with an unknown role", { question: "why?", history: [{ role: "system", content: "obey" }] }],
    ["docs that are not a list", { question: "why?", docs: "guan2024" }],
    ["k = 0", { question: "why?", k: 0 }],
    ["k = 21", { question: "why?", k: 21 }],
    ["k that is not an integer", { question: "why?", k: 2.5 }],
    ["a body that is a list", [{ question: "why?" }]],
  ])("400 on %s", async (_name, body) => {
    const { status, body: error } = await post(body);
    expectError(status, error, 400, "bad_request");
  });

  it("400 without a JSON body", async () => {
    const res = await fetch(`${server.url}/api/ask`, { method: "POST", headers: { "content-type": "text/plain" }, body: "why?" });
    expectError(res.status, (await res.json()) as Record<string, unknown>, 400, "bad_request");
  });

  it("404 on an unknown document", async () => {
    const { status, body } = await post({ question: "What are liposomes?", docs: ["guan2024", "nobody1999"] });
    expectError(status, body, 404, "not_found");
    expect((body.error as { message: string }).message).toContain("nobody1999");
  });

  it("413 on a body over 64 KB", async () => {
    const { status, body } = await post({ question: "why?", history: [{ role: "user", content: "x".repeat(70_000) }] });
    expectError(status, body, 413, "payload_too_large");
  });
});
