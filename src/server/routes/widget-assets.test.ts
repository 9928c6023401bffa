import { type Server, get } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { createEmbeddings } from "../../index/create-embeddings.ts";
import { createApp } from "../app.ts";

// /widget.js needs no index: serve the real app with none loaded.
let server: Server;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ WIDGET_ORIGINS: "http://blog.example.org, https://other.example" });
  const app = createApp({ config, embeddings: createEmbeddings(config.embeddings), index: null });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("GET /widget.js", () => {
  it("serves the bundle as JavaScript with an ETag and caching headers", async () => {
    const response = await fetch(`${base}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(response.headers.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("cross-origin-resource-policy")).not.toBe("same-origin");
    expect(await response.text()).toContain("review-chat");
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const etag = (await fetch(`${base}/widget.js`)).headers.get("etag")!;
    // node:http, not fetch: fetch adds "Cache-Control: no-cache" to conditional requests, as browsers do on reload.
    const { status, body } = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      get(`${base}/widget.js`, { headers: { "If-None-Match": etag } }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      }).on("error", reject);
    });
    expect(status).toBe(304);
    expect(body).toBe("");
  });

  it("allows CORS for WIDGET_ORIGINS and its own origin, and no one else", async () => {
    const allowed = await fetch(`${base}/widget.js`, { headers: { Origin: "http://blog.example.org" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://blog.example.org");
    expect(allowed.headers.get("vary")).toMatch(/origin/i);
    const own = await fetch(`${base}/widget.js`, { headers: { Origin: base } });
    expect(own.headers.get("access-control-allow-origin")).toBe(base);
    const stranger = await fetch(`${base}/widget.js`, { headers: { Origin: "https://evil.example" } });
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${base}/widget.js`, {
      method: "OPTIONS",
      headers: { Origin: "https://other.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://other.example");
  });

  it("is served for HEAD too", async () => {
    const response = await fetch(`${base}/widget.js`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
  });
});
