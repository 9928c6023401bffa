import http from "node:http";
import { readFileSync } from "node:fs";
import { spawnServer } from "./test/support/server-process.ts";
const qs = readFileSync("bench/qa-dev.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).question as string);
const LEAD = ["", "Briefly, ", "According to the reviews, ", "In short: ", "Please explain: ", "Summarise the evidence: "];
let i = 0;
const server = await spawnServer({ RATE_LIMIT_MAX: "0" });
const url = new URL(server.url);
const lat: number[] = [];
let errors = 0;
const end = Date.now() + 40_000;
async function loop(id: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  while (Date.now() < end) {
    const body = JSON.stringify({ question: `${LEAD[i % 6]}${qs[Math.floor(i / 6) % qs.length]}` }); i++;
    const t = Date.now();
    await new Promise<void>((resolve) => {
      const req = http.request({ host: url.hostname, port: url.port, path: "/api/ask", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => { res.resume(); res.on("end", () => { lat.push(Date.now() - t); resolve(); }); });
      req.setTimeout(30000, () => { errors++; req.destroy(); resolve(); });
      req.on("error", () => { errors++; resolve(); });
      req.end(body);
    });
  }
  agent.destroy();
}
await Promise.all(Array.from({ length: 50 }, (_, k) => loop(k)));
lat.sort((a, b) => b - a);
const lines = server.output().stdout.split("\n").filter((l) => l.includes("request completed")).map((l) => JSON.parse(l));
console.log("total", lat.length, "errors", errors, "p50", lat[Math.floor(lat.length / 2)], "slowest", JSON.stringify(lat.slice(0, 8)), "server max", Math.max(...lines.map((l) => l.responseTime)));
server.child.kill("SIGTERM"); await server.exited;
