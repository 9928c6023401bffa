// Thousands of random requests (fast-check) against the real server and index: random routes,
// methods, query strings, headers and bodies. None may get a 5xx; errors are JSON with a code;
// the server is still healthy at the end.
import http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { randomRequest, sendRequest } from "../support/random-requests.ts";

/** FUZZ_RUNS=20000 for a longer session; `npm run bench:fuzz` runs a bigger count against `npm start`. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

let server: RunningServer;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  server = await startServer(
    loadConfig({
      LOG_LEVEL: "silent",
      PORT: "0",
      HOST: "127.0.0.1",
      RATE_LIMIT_MAX: "0",
      ADMIN_TOKEN: "fuzz-admin-token-not-guessable-0123",
      WIDGET_ORIGINS: "https://blog.example.org",
    }),
    { ingestIfStale: false },
  );
});

afterAll(async () => {
  agent.destroy();
  await server?.close();
});

describe("API fuzzing", () => {
  it(`${RUNS} random requests: no 5xx, errors as {"error":{"code"}}, no crash`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(randomRequest, async (request) => {
        const res = await sendRequest(server.url, request, agent);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${request.method} ${request.path}`).toBeLessThan(500);
        if (res.status >= 400 && request.method !== "HEAD") {
          const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
          expect(typeof body.error?.code).toBe("string");
          expect(typeof body.error?.message).toBe("string");
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`fuzz-api: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    // The mix reached the answering code, not only the validators.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(RUNS / 20);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  }, 600_000);
});
