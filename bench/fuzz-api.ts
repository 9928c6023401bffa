// API fuzzing at a larger count than the test (`npm run bench:fuzz -- [--runs 20000] [--seed N]`):
// random requests (test/support/random-requests.ts) against a real server process, 8 at a time.
// Fails (exit 1) on any 5xx, a non-JSON error body or a server crash; prints the status mix.
import http from "node:http";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { type FuzzResponse, type RandomRequest, randomRequest, sendRequest } from "../test/support/random-requests.ts";
import { spawnServer } from "../test/support/server-process.ts";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "20000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    concurrency: { type: "string", default: "8" },
  },
});
const runs = Number(args.runs);
const seed = Number(args.seed);

const server = await spawnServer({
  RATE_LIMIT_MAX: "0",
  ADMIN_TOKEN: "fuzz-admin-token-not-guessable-0123",
  WIDGET_ORIGINS: "https://blog.example.org",
});
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(args.concurrency) });
const requests = fc.sample(randomRequest, { numRuns: runs, seed });
const statuses = new Map<number, number>();
const problems: { request: RandomRequest; response?: FuzzResponse; error?: string }[] = [];
const started = Date.now();
let next = 0;

async function worker() {
  while (next < requests.length) {
    const request = requests[next++]!;
    try {
      const response = await sendRequest(server.url, request, agent);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      let jsonError = true;
      if (response.status >= 400 && request.method !== "HEAD") {
        try {
          jsonError = typeof (JSON.parse(response.body) as { error?: { code?: unknown } }).error?.code === "string";
        } catch {
          jsonError = false;
        }
      }
      if (response.status >= 500 || !jsonError) problems.push({ request, response });
    } catch (error) {
      problems.push({ request, error: String(error) });
    }
  }
}

await Promise.all(Array.from({ length: Number(args.concurrency) }, worker));
const seconds = (Date.now() - started) / 1000;
const alive = server.child.exitCode === null && (await fetch(`${server.url}/healthz`).then((r) => r.status === 200, () => false));
server.child.kill("SIGTERM");
await server.exited;
agent.destroy();

console.log(
  JSON.stringify(
    {
      runs,
      seed,
      seconds: Math.round(seconds),
      requestsPerSecond: Math.round(runs / seconds),
      statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      problems: problems.length,
      serverAliveAtEnd: alive,
    },
    null,
    2,
  ),
);
for (const problem of problems.slice(0, 5)) console.error(JSON.stringify(problem).slice(0, 600));
process.exit(problems.length === 0 && alive ? 0 : 1);
