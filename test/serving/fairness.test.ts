// Under saturation, new clients are still served in turn: a server busy answering questions on
// kept-alive connections must accept and answer newcomers within seconds (without answer pacing,
// a Node process accepts one connection per loop turn and newcomers waited up to 40 s).
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, spawnServer } from "../support/server-process.ts";

let server: ServerProcess | undefined;
afterAll(() => server?.kill());

function ask(agent: http.Agent, question: string): Promise<{ status: number; ms: number }> {
  const url = new URL(server!.url);
  const body = JSON.stringify({ question });
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: "/api/ask", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("fairness under load", () => {
  it("answers new connections within seconds while 20 busy connections keep the server saturated", async () => {
    server = await spawnServer({ RATE_LIMIT_MAX: "0" });
    let busy = true;
    let n = 0;
    const busyLoops = Array.from({ length: 20 }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (busy) await ask(agent, `Briefly, how do nanocarriers overcome drug resistance? (${n++})`);
      agent.destroy();
    });
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const newcomers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const agent = new http.Agent({ keepAlive: false });
        return ask(agent, `What do miRNAs regulate in resistant tumours? (${i})`);
      }),
    );
    busy = false;
    await Promise.all(busyLoops);
    expect(newcomers.every((r) => r.status === 200)).toBe(true);
    const slowest = Math.max(...newcomers.map((r) => r.ms));
    // FIFO behind ~20 queued answers at a few tens of ms each, on a shared 2-core machine.
    expect(slowest).toBeLessThan(10_000);
  }, 120_000);
});
