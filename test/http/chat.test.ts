// POST /api/chat over real HTTP: the event order (sources, deltas, done), the done payload being
// the /api/ask payload, errors before the stream as JSON, and a client that hangs up.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerPayload, AnswerSource } from "../../src/answer/answer-payload.ts";
import { createApp } from "../../src/server/app.ts";
import type { RunningServer } from "../../src/server/start-server.ts";
import { ask, chat } from "../support/ask-client.ts";
import { startTestServer } from "../support/test-server.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe("POST /api/chat", () => {
  it("streams sources first, then deltas, then done with the full /api/ask payload", async () => {
    const body = { question: "How do liposomes improve doxorubicin delivery to breast tumours?" };
    const { status, contentType, events } = await chat(server.url, body);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("sources");
    expect(names.at(-1)).toBe("done");
    expect(names.slice(1, -1).every((name) => name === "delta")).toBe(true);
    expect(names.filter((name) => name === "delta").length).toBeGreaterThan(0);

    const sources = (events[0]!.data as { sources: AnswerSource[] }).sources;
    const done = events.at(-1)!.data as AnswerPayload;
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text);
    expect(deltas.join("")).toBe(done.answer);
    expect(done.sources).toEqual(sources);
    // The same question over /api/ask gives the same payload.
    const { payload } = await ask(server.url, body);
    expect(done).toEqual(payload);
  });

  it("streams a citation lookup the same way", async () => {
    const { events } = await chat(server.url, { question: "What is reference 44 in the Guan review?" });
    expect(events.map((e) => e.event)).toEqual(["sources", "delta", "done"]);
    const done = events[2]!.data as AnswerPayload;
    expect(done.references.map((r) => r.doi)).toEqual(["10.1016/j.ijpharm.2023.123163"]);
  });

  it("streams a refusal", async () => {
    const { events } = await chat(server.url, { question: "How do I configure a Kubernetes ingress controller with TLS?" });
    expect(events[0]!.event).toBe("sources");
    const done = events.at(-1)!.data as AnswerPayload;
    expect(done.refused).toBe(true);
  });

  it("refuses bad requests before the stream starts, as JSON errors", async () => {
    const bad = await fetch(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: "" }) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");

    const unknown = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "What are liposomes?", docs: ["nobody1999"] }),
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");

    const malformed = await fetch(`${server.url}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("bad_json");
  });

  it("survives a client that hangs up mid-stream", async () => {
    const { port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, path: "/api/chat", method: "POST", headers: { "content-type": "application/json" } },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.once("data", () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.once("error", (error) => (req.destroyed ? undefined : reject(error)));
      req.end(JSON.stringify({ question: "What are the advantages of solid lipid nanoparticles?" }));
    });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const { status } = await ask(server.url, { question: "What are the advantages of solid lipid nanoparticles?" });
    expect(status).toBe(200);
  });

  it("ends with an `error` event when answering fails after the stream began", async () => {
    // The same index, but a search engine that breaks: the request is valid, the failure comes mid-stream.
    const index = server.ctx.index!;
    const broken = Object.create(index.engine, {
      search: { value: () => Promise.reject(new Error("disk on fire")) },
    }) as typeof index.engine;
    const app = createApp({ ...server.ctx, index: { ...index, engine: broken } });
    const listener = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      const { status, events } = await chat(url, { question: "How do liposomes improve doxorubicin delivery?" });
      expect(status).toBe(200);
      expect(events).toEqual([{ event: "error", data: { error: { code: "internal", message: "Internal error" } } }]);
      const { status: askStatus } = await ask(url, { question: "How do liposomes improve doxorubicin delivery?" });
      expect(askStatus).toBe(500);
    } finally {
      listener.closeAllConnections();
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});
