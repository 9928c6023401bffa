// SIGTERM on a real server process: it stops accepting connections, lets the in-flight /api/ask
// and the open /api/chat stream finish, and exits 0 within SHUTDOWN_TIMEOUT_MS; what cannot
// finish in time is ended cleanly (an SSE `error` event, a 503 shutting_down) before the bound.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultyOpenAiServer, startFaultyOpenAiServer } from "../support/faulty-openai-server.ts";
import { type ServerProcess, spawnServer } from "../support/server-process.ts";

const QUESTION = "How do miRNAs overcome drug resistance in breast cancer?";
let stub: FaultyOpenAiServer;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  stub = await startFaultyOpenAiServer();
});
afterAll(async () => {
  for (const p of processes) p.kill();
  await stub?.close();
});

async function start(env: NodeJS.ProcessEnv) {
  const server = await spawnServer({ LLM_BASE_URL: stub.baseUrl, RATE_LIMIT_MAX: "0", ...env });
  processes.push(server);
  return server;
}

const ask = (url: string) =>
  fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: QUESTION }) });

interface SseEvent {
  event: string;
  data: unknown;
}

/** Open /api/chat; resolves once `until` events have arrived, with the promise of the rest. */
async function openChat(url: string, until: (events: SseEvent[]) => boolean) {
  const res = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question: QUESTION }),
  });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = "";
  const pump = async (stop: () => boolean) => {
    while (!stop()) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        events.push({ event: /^event: (.+)$/m.exec(block)?.[1] ?? "", data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null") });
      }
    }
    return false;
  };
  await pump(() => until(events));
  return { events, rest: pump(() => false).then(() => events) };
}

describe("SIGTERM", () => {
  it("finishes the open chat stream and the in-flight answer, refuses new connections, exits 0 within the bound", async () => {
    const server = await start({ LLM_MODEL: "slow", LLM_TIMEOUT_MS: "20000", SHUTDOWN_TIMEOUT_MS: "8000" });
    expect((await ask(server.url)).status).toBe(200); // warm: model loaded, answer lookups built

    const chat = await openChat(server.url, (events) => events.some((e) => e.event === "delta"));
    const inFlight = ask(server.url);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await fetch(`${server.url}/healthz`).then(
      (res) => res.status,
      (error: unknown) => String((error as Error).cause ?? error),
    );
    expect(String(refused)).toMatch(/ECONNREFUSED|503/);

    const events = await chat.rest;
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect((done.data as { mode: string; answer: string }).mode).toBe("llm");
    expect((done.data as { answer: string }).answer).toContain("anti-apoptotic genes [1]");
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { mode: string }).mode).toBe("llm");

    const exit = await server.exited;
    const took = Date.now() - signalled;
    expect(exit.code).toBe(0);
    expect(took).toBeLessThan(8_000);
    const log = server.output().stdout;
    expect(log).toContain("shutting down: draining in-flight requests");
    expect(log).toMatch(/"forced":0[,}].*drained; exiting/);
    expect(server.output().stderr).toBe("");
  }, 120_000);

  it("ends a stream that cannot finish with an `error` event, answers 503 shutting_down, and exits within SHUTDOWN_TIMEOUT_MS", async () => {
    const server = await start({ LLM_MODEL: "hang", LLM_TIMEOUT_MS: "60000", SHUTDOWN_TIMEOUT_MS: "2500" });
    await fetch(`${server.url}/api/search?q=warm`);
    const chat = await openChat(server.url, (events) => events.some((e) => e.event === "sources"));
    const inFlight = ask(server.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    server.child.kill("SIGTERM");

    const events = await chat.rest;
    const last = events.at(-1)!;
    expect(last.event).toBe("error");
    expect(last.data).toMatchObject({ error: { code: "shutting_down" } });
    const answered = await inFlight;
    expect(answered.status).toBe(503);
    expect(((await answered.json()) as { error: { code: string } }).error.code).toBe("shutting_down");

    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(2_500 + 1_000);
    expect(server.output().stdout).toMatch(/"forced":2[,}]/);
  }, 120_000);
});
