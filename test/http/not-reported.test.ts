// "Not reported" answers over real HTTP against the real index: a value the reviews never print about
// something they discuss is declined with a machine-readable reason, in /api/ask, in the /api/chat
// stream and in LLM mode (where the model is not even asked); a value they do print is answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerPayload } from "../../src/answer/answer-payload.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { ask, chat } from "../support/ask-client.ts";
import { type OpenAiStub, startOpenAiStub } from "../support/openai-stub.ts";
import { startTestServer } from "../support/test-server.ts";

// The Guan review describes DOX-TA-ICG particles (DTIG) with their diameter, never their surface charge.
const NOT_REPORTED = { question: "What was the zeta potential of the DOX-TA-ICG particles?" };
const REPORTED = { question: "What was the diameter of the DOX-TA-ICG particles?" };

let server: RunningServer;
let llmServer: RunningServer;
let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub(() => "DTIG particles were described [1].", { pieceDelayMs: 0 });
  [server, llmServer] = await Promise.all([
    startTestServer(),
    startTestServer({ LLM_BASE_URL: stub.baseUrl, LLM_MODEL: "answers", LLM_TIMEOUT_MS: "5000" }),
  ]);
});
afterAll(async () => {
  await Promise.all([server?.close(), llmServer?.close()]);
  await stub?.close();
});

const expectNotReported = (payload: AnswerPayload) => {
  expect(payload.refused).toBe(true);
  expect(payload.reason).toEqual({
    code: "value_not_reported",
    message: "The reviews discuss DOX-TA-ICG particles but do not report their zeta potential.",
    entity: "DOX-TA-ICG particles",
    valueKind: "zeta-potential",
  });
  expect(payload.answer).toContain(payload.reason!.message);
  expect(payload.references).toEqual([]);
  // The sources are the passages about the particles, numbered from 1.
  expect(payload.sources.length).toBeGreaterThan(0);
  expect(payload.sources.map((s) => s.n)).toEqual(payload.sources.map((_, i) => i + 1));
  expect(payload.sources[0]!.text).toMatch(/DOX-TA-ICG|DTIG/);
};

describe("value not reported", () => {
  it("declines over /api/ask with the reason and the passages about the entity", async () => {
    const { status, payload } = await ask(server.url, NOT_REPORTED);
    expect(status).toBe(200);
    expect(payload.mode).toBe("extractive");
    expectNotReported(payload);
  });

  it("answers when a sentence about the entity prints the value, quoting it", async () => {
    const { payload } = await ask(server.url, REPORTED);
    expect(payload.refused).toBe(false);
    expect(payload.reason).toBeUndefined();
    expect(payload.answer).toMatch(/\d\s*(?:nm|μm)/);
  });

  it("carries the reason in the streamed done event", async () => {
    const { events } = await chat(server.url, NOT_REPORTED);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expectNotReported(done.data as AnswerPayload);
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    expect(deltas.join("")).toBe((done.data as AnswerPayload).answer);
  });

  it("gives other refusals the not_covered reason", async () => {
    const { payload } = await ask(server.url, { question: "How do I configure a Kubernetes ingress controller with TLS?" });
    expect(payload.refused).toBe(true);
    expect(payload.reason?.code).toBe("not_covered");
  });

  it("declines in LLM mode before the model is asked", async () => {
    const before = stub.requests.length;
    const { payload } = await ask(llmServer.url, NOT_REPORTED);
    expectNotReported(payload);
    expect(stub.requests.length).toBe(before);
    // A value the reviews print still goes to the model.
    const reported = await ask(llmServer.url, REPORTED);
    expect(reported.payload).toMatchObject({ refused: false, mode: "llm" });
    expect(stub.requests.length).toBeGreaterThan(before);
  });
});
