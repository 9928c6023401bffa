// LLM mode against a misbehaving OpenAI-protocol server: 500s, 429 with Retry-After, malformed
// JSON, a stream cut mid-answer, no answer at all. Every question still gets an answer (the
// extractive one, with a warning) within the LLM timeout, on /api/ask and /api/chat alike, and
// the fallbacks are counted in /metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { type FaultyOpenAiServer, type StubMode, startFaultyOpenAiServer } from "../support/faulty-openai-server.ts";

/** The deadline for the faulty modes; a well-behaved provider gets a generous one (CI machines are busy). */
const LLM_TIMEOUT_MS = 3_000;
const HEALTHY_LLM_TIMEOUT_MS = 30_000;
const QUESTION = "How do miRNAs overcome drug resistance in breast cancer?";

let stub: FaultyOpenAiServer;
const servers = new Map<StubMode, RunningServer>();

async function serverFor(mode: StubMode): Promise<RunningServer> {
  let server = servers.get(mode);
  if (!server) {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      PORT: "0",
      HOST: "127.0.0.1",
      LLM_BASE_URL: stub.baseUrl,
      LLM_MODEL: mode,
      LLM_TIMEOUT_MS: String(mode === "ok" ? HEALTHY_LLM_TIMEOUT_MS : LLM_TIMEOUT_MS),
      RATE_LIMIT_MAX: "0",
    });
    server = await startServer(config, { ingestIfStale: false });
    servers.set(mode, server);
    // Load the embedding model now, so the timings below measure answering, not start-up.
    await fetch(`${server.url}/api/search?q=warm`);
  }
  return server;
}

beforeAll(async () => {
  stub = await startFaultyOpenAiServer();
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  await stub?.close();
});

interface Payload {
  answer: string;
  mode: string;
  refused: boolean;
  warnings?: string[];
  sources: unknown[];
}

async function ask(server: RunningServer) {
  const started = Date.now();
  const res = await fetch(`${server.url}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: QUESTION }),
  });
  return { status: res.status, body: (await res.json()) as Payload, ms: Date.now() - started };
}

async function chat(server: RunningServer) {
  const started = Date.now();
  const res = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: QUESTION }),
  });
  const text = await res.text();
  const events = text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null") as unknown,
    }));
  return { status: res.status, events, ms: Date.now() - started };
}

describe("the stub speaks the protocol", () => {
  it("gives an LLM answer when it behaves", async () => {
    const server = await serverFor("ok");
    const { status, body } = await ask(server);
    expect(status).toBe(200);
    expect(body.mode).toBe("llm");
    expect(body.answer).toContain("MicroRNAs restore drug sensitivity");
    expect(body.warnings ?? []).toEqual([]);
  });
});

// The registry is per process, shared by the servers of this file: fallbacks add up across modes.
let expectedFallbacks = 0;
const fallbacksByReason = async (server: RunningServer) => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const [, reason, n] of text.matchAll(/^review_chat_llm_fallbacks_total\{reason="([^"]+)"\} (\d+)/gm)) counts.set(reason!, Number(n));
  return { text, counts, total: [...counts.values()].reduce((a, b) => a + b, 0) };
};

describe.each<[StubMode]>([["error-500"], ["rate-429"], ["malformed"], ["cut"], ["hang"]])("LLM provider fault: %s", (mode) => {
  it("/api/ask answers extractively with a warning, within the timeout", async () => {
    const server = await serverFor(mode);
    const { status, body, ms } = await ask(server);
    expect(status).toBe(200);
    expectedFallbacks += 1;
    expect(body.mode).toBe("extractive");
    expect(body.refused).toBe(false);
    expect(body.answer).toMatch(/\[\d+\]/);
    expect(body.warnings?.some((w) => w.endsWith("answered extractively instead"))).toBe(true);
    expect(ms).toBeLessThan(LLM_TIMEOUT_MS + 3_000);
  });

  it("/api/chat ends with `done` carrying the extractive answer and the warning", async () => {
    const server = await serverFor(mode);
    const { status, events, ms } = await chat(server);
    expect(status).toBe(200);
    expectedFallbacks += 1;
    expect(events[0]?.event).toBe("sources");
    const last = events.at(-1)!;
    expect(last.event).toBe("done");
    const payload = last.data as Payload;
    expect(payload.mode).toBe("extractive");
    expect(payload.warnings?.some((w) => w.endsWith("answered extractively instead"))).toBe(true);
    expect(events.some((e) => e.event === "error")).toBe(false);
    expect(ms).toBeLessThan(LLM_TIMEOUT_MS + 3_000);
  });

  it("counts the fallbacks in /metrics", async () => {
    const server = await serverFor(mode);
    expect(stub.requests.get(mode) ?? 0).toBeGreaterThan(0);
    const { text, counts, total } = await fallbacksByReason(server);
    expect(total).toBe(expectedFallbacks);
    // Reasons: a provider that never answers is a timeout; the others fail fast (or, retried, time out).
    if (mode === "hang") expect(counts.get("timeout")).toBeGreaterThanOrEqual(2);
    // The reason comes from the failure itself (HTTP 429 from the provider), not from warning text.
    if (mode === "rate-429") expect(counts.get("rate_limited")).toBe(2);
    expect([...counts.keys()].every((reason) => ["timeout", "error", "rate_limited"].includes(reason))).toBe(true);
    expect(text).toMatch(/review_chat_answers_total\{mode="extractive",refused="false"\} [1-9]/);
  });
});
