// LLM mode over real HTTP against a local OpenAI-protocol stub (test/support/openai-stub.ts):
// streamed answers with valid [n] citations, a model citing a source that does not exist, a model
// that errors, one that hangs past the timeout, and the condense prompt for follow-ups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerPayload } from "../../src/answer/answer-payload.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { ask, chat } from "../support/ask-client.ts";
import { type OpenAiStub, type StubRequest, startOpenAiStub } from "../support/openai-stub.ts";
import { startTestServer } from "../support/test-server.ts";

/** The hanging model's server gives up after this; it is what the timeout test measures. */
const LLM_TIMEOUT_MS = 1_500;
/**
 * Every other model answers at once, but a loaded CI machine can stretch a streamed answer past 1.5 s
 * (a marker test once fell back to extractive that way): their servers wait longer.
 */
const ANSWERING_LLM_TIMEOUT_MS = 30_000;
const GUAN_QUESTION = { question: "How do solid lipid nanoparticles help deliver anticancer drugs?", docs: ["guan2024"] };

/** The text of passage [n] as the answer prompt lists it. */
function passage(request: StubRequest, n: number): string {
  const user = request.messages.find((m) => m.role === "user")?.content ?? "";
  return new RegExp(String.raw`\[${n}\][^\n]*:\n([\s\S]*?)(?:\n\n\[\d+\]|\n\nQuestion:)`).exec(user)?.[1] ?? "";
}

/** The first sentence of the passages that prints a Guan-style citation "(43)", without the citation, and its passage number. */
function citedSentence(request: StubRequest): { n: number; claim: string; refs: number[] } {
  let n = 0;
  let sentence: string | undefined;
  while (!sentence && n < 20) {
    n += 1;
    sentence = passage(request, n)
      .split(/(?<=[.!?])\s+/)
      .find((s) => /\w{4,}.*\(\d+(?:\s*[,–-]\s*\d+)*\)\.?$/.test(s) && !s.includes("\t"));
  }
  if (!sentence) throw new Error("no passage prints a citation");
  const numbers = /\((\d+(?:\s*[,–-]\s*\d+)*)\)\.?$/.exec(sentence)![1]!;
  const refs = numbers.split(/\s*,\s*/).flatMap((part) => {
    const [from, to] = part.split(/[–-]/).map(Number);
    return to ? Array.from({ length: to - from! + 1 }, (_, i) => from! + i) : [from!];
  });
  return { n, claim: sentence.replace(/\s*\([\d,\s–-]+\)\.?$/, ""), refs };
}

const isCondense = (request: StubRequest) => request.messages.some((m) => m.content.includes("Standalone question:"));

let stub: OpenAiStub;
const servers = new Map<string, RunningServer>();
const serverFor = async (model: string) => {
  let server = servers.get(model);
  if (!server) {
    const timeoutMs = model === "hang" ? LLM_TIMEOUT_MS : ANSWERING_LLM_TIMEOUT_MS;
    server = await startTestServer({ LLM_BASE_URL: stub.baseUrl, LLM_MODEL: model, LLM_TIMEOUT_MS: String(timeoutMs) });
    servers.set(model, server);
  }
  return server;
};

beforeAll(async () => {
  stub = await startOpenAiStub((request) => {
    switch (request.model) {
      case "cites": {
        if (isCondense(request)) return "Why were the MRX34 clinical trials stopped?";
        const { n, claim } = citedSentence(request);
        return `${claim} [${n}]. An unrelated paper is listed as (999) [${n}].`;
      }
      case "cites-nine": {
        const { n, claim } = citedSentence(request);
        return `${claim} [${n}][9]. Something from nowhere [9].`;
      }
      case "refuses":
        return "The reviews do not cover this.";
      case "error":
        return { status: 500, message: "The server had an error" };
      default:
        return "hang";
    }
    // No pause between streamed pieces: a loaded CI machine stretched even 2 ms pauses past the
    // LLM timeout (pieces are still written one by one).
  }, { pieceDelayMs: 0 });
});
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()));
  await stub?.close();
});

const answerRequests = (model: string) => stub.requests.filter((r) => r.model === model && !isCondense(r));

describe("LLM mode", () => {
  it("answers with the model's text, its valid markers, and references taken from the cited passage's sentences", async () => {
    const server = await serverFor("cites");
    const { status, payload } = await ask(server.url, GUAN_QUESTION);
    expect(status).toBe(200);
    expect(payload.mode).toBe("llm");
    expect(payload.refused).toBe(false);
    expect(payload.warnings).toBeUndefined();
    const request = answerRequests("cites").at(-1)!;
    expect(request.stream).toBe(true);
    // Passages go in numbered, the system prompt demands [n] citations.
    expect(request.messages[0]!.content).toMatch(/\[n\]/);
    expect(passage(request, 1)).toBe(payload.sources[0]!.text.trim());
    const { n, claim, refs } = citedSentence(request);
    expect(payload.answer.startsWith(`${claim} [${n}].`)).toBe(true);
    expect(payload.references.map((r) => r.n).sort((a, b) => a - b)).toEqual(refs);
    expect(payload.references.every((r) => r.docId === "guan2024")).toBe(true);
    // A number in the model's own text is never taken as a reference.
    expect(payload.references.some((r) => r.n === 999)).toBe(false);
  });

  it("streams the model's tokens to /api/chat", async () => {
    const server = await serverFor("cites");
    const { events } = await chat(server.url, GUAN_QUESTION);
    expect(events[0]!.event).toBe("sources");
    expect(events.at(-1)!.event).toBe("done");
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    // The stub sends ~4 characters per chunk: the answer arrives in many deltas, not one.
    expect(deltas.length).toBeGreaterThan(10);
    const done = events.at(-1)!.data as AnswerPayload;
    expect(done.mode).toBe("llm");
    expect(deltas.join("")).toBe(done.answer);
  });

  it("rewrites a follow-up with the condense prompt before retrieval", async () => {
    const server = await serverFor("cites");
    const history = [
      { role: "user", content: "What is MRX34?" },
      { role: "assistant", content: "MRX34 is a liposomal miR-34a mimic [1]." },
    ];
    const { payload } = await ask(server.url, { question: "Why were its trials stopped?", history });
    const condense = stub.requests.filter((r) => r.model === "cites" && isCondense(r)).at(-1)!;
    expect(condense.messages[0]!.content).toContain("Follow-up question: Why were its trials stopped?");
    expect(condense.messages[0]!.content).toContain("User: What is MRX34?");
    expect(answerRequests("cites").at(-1)!.messages.at(-1)!.content).toContain("Question: Why were the MRX34 clinical trials stopped?");
    expect(payload.sources.some((s) => s.text.includes("MRX34"))).toBe(true);
  });

  it("removes a marker that points at no source and says so", async () => {
    const server = await serverFor("cites-nine");
    const { payload } = await ask(server.url, GUAN_QUESTION);
    expect(payload.mode).toBe("llm");
    expect(payload.answer).not.toContain("[9]");
    expect(payload.answer).toMatch(/\[\d+\]\. Something from nowhere\.$/);
    expect(payload.warnings).toEqual([expect.stringMatching(/Removed citation marker \[9\]/)]);
    // The streamed text is filtered too.
    const { events } = await chat(server.url, GUAN_QUESTION);
    const streamed = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text).join("");
    expect(streamed).not.toContain("[9]");
  });

  it("passes on the model's refusal", async () => {
    const server = await serverFor("refuses");
    const { payload } = await ask(server.url, GUAN_QUESTION);
    expect(payload).toMatchObject({ refused: true, mode: "llm", references: [] });
    expect(payload.sources.length).toBeGreaterThan(0);
  });

  it("falls back to the extractive answer with a warning when the model errors", async () => {
    const server = await serverFor("error");
    const { status, payload } = await ask(server.url, GUAN_QUESTION);
    expect(status).toBe(200);
    expect(payload.mode).toBe("extractive");
    expect(payload.refused).toBe(false);
    expect(payload.answer).toMatch(/\[\d+\]/);
    expect(payload.warnings).toEqual([expect.stringMatching(/^The language model failed: .*; answered extractively instead$/)]);
  });

  it("falls back within the timeout when the model hangs, and a client hanging up stops the model call", async () => {
    const server = await serverFor("hang");
    // Load the embedding model first, so the time measured is the model call's.
    await fetch(`${server.url}/api/search?q=warm`);
    const { payload, ms } = await ask(server.url, GUAN_QUESTION);
    expect(payload.mode).toBe("extractive");
    expect(payload.warnings).toEqual([`The language model did not finish within ${LLM_TIMEOUT_MS} ms; answered extractively instead`]);
    expect(ms).toBeGreaterThanOrEqual(LLM_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(LLM_TIMEOUT_MS + 1_000);

    const closedBefore = stub.closedByClient();
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(GUAN_QUESTION),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // the sources event: the model call is under way
    const hungUp = Date.now();
    controller.abort();
    while (stub.closedByClient() === closedBefore && Date.now() - hungUp < LLM_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stub.closedByClient()).toBe(closedBefore + 1);
    expect(Date.now() - hungUp).toBeLessThan(LLM_TIMEOUT_MS / 2);
  });
});
