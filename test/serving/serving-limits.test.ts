// Rate limits, body and time limits, CORS, security headers, request ids and /metrics, over real
// HTTP against the real index.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";

const servers: RunningServer[] = [];

async function start(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const server = await startServer(loadConfig({ LOG_LEVEL: "silent", ...env, PORT: "0", HOST: "127.0.0.1" }), {
    ingestIfStale: false,
  });
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const ask = (server: RunningServer, question: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ question }),
  });

interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
}

describe("rate limiting per client IP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ RATE_LIMIT_MAX: "3", RATE_LIMIT_WINDOW_MS: "60000" });
  });

  it("answers the first questions, then 429 rate_limited with Retry-After; /api/ask and /api/chat share the budget", async () => {
    const first = await ask(server, "Which nanocarriers deliver doxorubicin?");
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-policy")).toMatch(/^3;w=60/);
    const chat = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "What is P-glycoprotein?" }),
    });
    expect(chat.status).toBe(200);
    await chat.text();
    expect((await ask(server, "What do miRNAs regulate?")).status).toBe(200);

    const limited = await ask(server, "One question too many?");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as ErrorBody;
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.requestId).toBe(limited.headers.get("x-request-id"));

    const chatLimited = await fetch(`${server.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "And a chat?" }),
    });
    expect(chatLimited.status).toBe(429);
    expect(((await chatLimited.json()) as ErrorBody).error.code).toBe("rate_limited");
  });

  it("does not limit the other endpoints", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${server.url}/api/search?q=liposomes`)).status).toBe(200);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("ignores X-Forwarded-For without TRUST_PROXY (a client cannot claim a fresh address)", async () => {
    const res = await ask(server, "Spoofed?", { "x-forwarded-for": "203.0.113.9" });
    expect(res.status).toBe(429);
  });

  it("shows the refusals in /metrics", async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/review_chat_rate_limited_total\{route="\/api\/ask"\} [1-9]/);
    expect(text).toMatch(/review_chat_http_requests_total\{method="POST",route="\/api\/ask",status="429"\} [1-9]/);
  });
});

describe("TRUST_PROXY", () => {
  it("keys the limit on the forwarded client address behind a trusted proxy", async () => {
    const server = await start({ RATE_LIMIT_MAX: "1", TRUST_PROXY: "1" });
    const from = (ip: string) => ask(server, "What are exosomes?", { "x-forwarded-for": ip });
    expect((await from("198.51.100.1")).status).toBe(200);
    expect((await from("198.51.100.1")).status).toBe(429);
    expect((await from("198.51.100.2")).status).toBe(200);
  });
});

describe("body, time and method limits", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ RATE_LIMIT_MAX: "0", REQUEST_TIMEOUT_MS: "400" });
  });

  it("refuses a body over 64 KB with 413 payload_too_large", async () => {
    const res = await ask(server, "x".repeat(70 * 1024));
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 503 timeout with Retry-After when a response has not started by REQUEST_TIMEOUT_MS", async () => {
    // A slow client: headers, then a body that never completes.
    const { port } = new URL(server.url);
    const started = Date.now();
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write(
          "POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"question\":",
        );
      });
      let data = "";
      socket.on("data", (d) => (data += d));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    const elapsed = Date.now() - started;
    expect(response).toMatch(/^HTTP\/1\.1 503/);
    expect(response).toMatch(/retry-after: 5/i);
    expect(response).toContain('"code":"timeout"');
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("still answers questions that start in time", async () => {
    // The first question builds the answer lookups; the deadline cannot cut synchronous work short.
    await ask(server, "Which nanocarriers deliver doxorubicin?");
    expect((await ask(server, "What do miRNAs regulate?")).status).toBe(200);
  });
});

describe("request ids", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({});
  });

  it("sends X-Request-Id on every response and the same id in error bodies", async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await fetch(`${server.url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.code).toBe("bad_json");
    expect(body.error.requestId).toBe(bad.headers.get("x-request-id"));
  });

  it("keeps a caller's plain X-Request-Id and replaces an unsafe one", async () => {
    const kept = await fetch(`${server.url}/nowhere`, { headers: { "x-request-id": "lb-1234.abc" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234.abc");
    expect(((await kept.json()) as ErrorBody).error.requestId).toBe("lb-1234.abc");
    const replaced = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "evil\tid with spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("CORS for /api/* (WIDGET_ORIGINS)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ WIDGET_ORIGINS: "https://blog.example.org, http://localhost:5173" });
  });

  it("answers a preflight from a listed origin", async () => {
    const res = await fetch(`${server.url}/api/chat`, {
      method: "OPTIONS",
      headers: { origin: "https://blog.example.org", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://blog.example.org");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  it("lets a listed origin and the server's own origin read answers, and exposes Retry-After", async () => {
    for (const origin of ["http://localhost:5173", server.url]) {
      const res = await ask(server, "What is P-glycoprotein?", { origin });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("access-control-expose-headers")).toContain("Retry-After");
    }
  });

  it("recognises its own pages behind a TLS proxy (https origin, plain-http request)", async () => {
    const origin = server.url.replace("http:", "https:");
    const res = await ask(server, "What is P-glycoprotein?", { origin });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
  });

  it("refuses other origins with 403 forbidden before doing any work", async () => {
    const res = await ask(server, "What is P-glycoprotein?", { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(((await res.json()) as ErrorBody).error.code).toBe("forbidden");
    const preflight = await fetch(`${server.url}/api/ask`, {
      method: "OPTIONS",
      headers: { origin: "null", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
  });

  it("lets any origin in with WIDGET_ORIGINS=*", async () => {
    const open = await start({ WIDGET_ORIGINS: "*" });
    const res = await ask(open, "What is P-glycoprotein?", { origin: "https://anyone.example" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://anyone.example");
  });
});

describe("security headers", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ WIDGET_ORIGINS: "https://blog.example.org" });
  });

  it("sends a strict CSP and the helmet headers on pages, without breaking them", async () => {
    const res = await fetch(`${server.url}/chat`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self' https://blog.example.org");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
    // Every script the page loads is same-origin, so the CSP allows it.
    const html = await res.text();
    for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(src!.startsWith("/")).toBe(true);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("lets other sites load widget.js (Cross-Origin-Resource-Policy: cross-origin)", async () => {
    const res = await fetch(`${server.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
  });
});

describe("GET /metrics", () => {
  it("serves Prometheus text with per-route counts and latency histograms and answers by mode", async () => {
    const server = await start({});
    expect((await ask(server, "Which nanocarriers deliver doxorubicin?")).status).toBe(200);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/review_chat_http_requests_total\{method="POST",route="\/api\/ask",status="200"\} [1-9]/);
    expect(text).toMatch(/review_chat_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/api\/ask",status="200"\}/);
    expect(text).toMatch(/review_chat_answers_total\{mode="extractive",refused="(true|false)"\} [1-9]/);
    expect(text).toContain("# TYPE review_chat_llm_fallbacks_total counter");
    expect(text).toContain("process_resident_memory_bytes");
    // Unknown paths share one label, so crawlers cannot blow up the series count.
    await fetch(`${server.url}/random/${Math.random()}`);
    const after = await (await fetch(`${server.url}/metrics`)).text();
    expect(after).not.toMatch(/route="\/random/);
    expect(after).toMatch(/route="unmatched",status="404"/);
  });
});
