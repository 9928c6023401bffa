// Load on loopback (`npm run bench:load`): a real server process (`src/server/main.ts`, as
// `npm start` runs it) under autocannon, then waves of concurrent /api/chat streams of which a
// share hang up mid-stream. Prints the figures recorded in BENCHMARKS.md "Load and fuzzing".
//
//   npm run bench:load -- [--duration 60] [--connections 50] [--workers 1]
//                         [--streams 200] [--waves 5] [--disconnect 0.3] [--skip-ask] [--skip-chat]
//                         [--heap-cap MB]   (server runs with --max-old-space-size=MB: a leak would
//                                            then end in an out-of-memory crash, garbage does not)
//
// Phase 1, /api/ask (extractive): distinct questions (QA-set questions under varying lead-ins,
//   more of them than the query-vector cache holds), so every request embeds its question.
// Phase 2, /api/chat (LLM mode against a local OpenAI-protocol stub that streams an answer over
//   ~1 s): `--waves` waves of `--streams` concurrent streams; `--disconnect` of the clients hang
//   up after the first answer text. Open file descriptors, active handles, heap and RSS of the
//   server are compared before and after, and the stub reports whether cancelled streams were
//   cancelled upstream too.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { readQuestions, resolveQaSets } from "../src/eval/qa-sets.ts";
import { type FaultyOpenAiServer, startFaultyOpenAiServer } from "../test/support/faulty-openai-server.ts";
import { type ServerProcess, spawnServer } from "../test/support/server-process.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    workers: { type: "string", default: "1" },
    streams: { type: "string", default: "200" },
    waves: { type: "string", default: "5" },
    disconnect: { type: "string", default: "0.3" },
    "skip-ask": { type: "boolean", default: false },
    "skip-chat": { type: "boolean", default: false },
    "heap-cap": { type: "string" },
  },
});

const LEAD_INS = ["", "Briefly, ", "According to the reviews, ", "In short: ", "Please explain: ", "Summarise the evidence: "];

function qaQuestions(): string[] {
  return readQuestions(resolveQaSets("all")[0]!).map((q) => q.question);
}

/** The server and, under WORKERS=n, its workers. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

function processStats(root: number) {
  let rssKb = 0;
  let fds = 0;
  let sockets = 0;
  for (const pid of processTree(root)) {
    try {
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        fds += 1;
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith("socket:")) sockets += 1;
        } catch {
          // Closed meanwhile.
        }
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return { rssMb: Math.round(rssKb / 1024), fds, sockets };
}

/** One figure from /metrics, on a connection of its own that closes (no idle socket left to count). */
async function metric(url: string, name: string): Promise<number> {
  const text = await new Promise<string>((resolve, reject) => {
    http
      .get(`${url}/metrics`, { agent: false, headers: { connection: "close" } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+-]+)$`, "m").exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

async function snapshot(server: ServerProcess) {
  // Let closed sockets and finished timers settle before counting.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  return {
    ...processStats(server.child.pid!),
    handles: await metric(server.url, "nodejs_active_handles_total"),
    heapMb: Math.round((await metric(server.url, "nodejs_heap_size_used_bytes")) / 1024 / 1024),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function benchAsk(server: ServerProcess) {
  const questions = qaQuestions();
  let next = 0;
  const body = () => {
    const i = next++;
    const question = `${LEAD_INS[i % LEAD_INS.length]}${questions[Math.floor(i / LEAD_INS.length) % questions.length]}`;
    return JSON.stringify({ question });
  };
  const run = (duration: number, connections: number, latencies?: number[]) => {
    const instance = autocannon({
      url: server.url,
      connections,
      duration,
      timeout: 30,
      requests: [
        {
          method: "POST",
          path: "/api/ask",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => ({ ...request, body: body() }),
        },
      ],
    });
    if (latencies) instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    return instance;
  };

  console.log("warm-up: 10 s at 10 connections");
  await run(10, 10);
  const before = await snapshot(server);
  const connections = Number(args.connections);
  const duration = Number(args.duration);
  console.log(`/api/ask: ${connections} connections for ${duration} s`);
  const latencies: number[] = [];
  const trend: string[] = [];
  const sampler = setInterval(() => {
    void metric(server.url, "nodejs_heap_size_used_bytes").then((heap) =>
      trend.push(`${processStats(server.child.pid!).rssMb}/${Math.round(heap / 1024 / 1024)}`),
    );
  }, 10_000);
  const result = await run(duration, connections, latencies);
  clearInterval(sampler);
  const after = await snapshot(server);
  latencies.sort((a, b) => a - b);
  return {
    connections,
    duration,
    requests: result.requests.total,
    reqPerSec: Math.round((result.requests.total / result.duration) * 10) / 10,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1),
    before,
    after,
    /** RSS/heap used (MB) every 10 s. */
    trend,
    serverAlive: server.child.exitCode === null,
  };
}

interface StreamOutcome {
  completed: boolean;
  disconnected: boolean;
  failed?: string;
}

/** One /api/chat stream; hangs up after the first `delta` when `disconnect`. */
function chatStream(url: string, question: string, disconnect: boolean): Promise<StreamOutcome> {
  const body = JSON.stringify({ question });
  return new Promise((resolve) => {
    const req = http.request(
      `${url}/api/chat`,
      { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          if (disconnect && text.includes("event: delta")) {
            req.destroy();
            resolve({ completed: false, disconnected: true });
          }
        });
        res.on("end", () => resolve({ completed: /event: done\n/.test(text), disconnected: false, failed: res.statusCode === 200 ? undefined : `HTTP ${res.statusCode}` }));
        res.on("error", (error) => resolve({ completed: false, disconnected: disconnect, failed: disconnect ? undefined : String(error) }));
      },
    );
    req.on("error", (error) => resolve({ completed: false, disconnected: disconnect, failed: disconnect ? undefined : String(error) }));
    req.end(body);
  });
}

async function benchChat(server: ServerProcess, stub: FaultyOpenAiServer) {
  const questions = qaQuestions().slice(0, 40);
  const streams = Number(args.streams);
  const waves = Number(args.waves);
  const share = Number(args.disconnect);
  const wave = async (size: number) => {
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: size }, (_, i) => chatStream(server.url, questions[i % questions.length]!, i < Math.round(size * share))),
    );
    return { outcomes, ms: Date.now() - started };
  };
  console.log("warm-up: one wave of 20 streams");
  await wave(20);
  const before = await snapshot(server);
  const totals = { streams: 0, completed: 0, disconnected: 0, failed: 0, waveMs: [] as number[] };
  const failures: string[] = [];
  for (let i = 0; i < waves; i++) {
    const { outcomes, ms } = await wave(streams);
    totals.streams += outcomes.length;
    totals.completed += outcomes.filter((o) => o.completed).length;
    totals.disconnected += outcomes.filter((o) => o.disconnected).length;
    const failed = outcomes.filter((o) => !o.completed && !o.disconnected);
    totals.failed += failed.length;
    failures.push(...failed.map((o) => o.failed ?? "ended without done"));
    totals.waveMs.push(ms);
    console.log(`wave ${i + 1}/${waves}: ${streams} streams in ${ms} ms`);
  }
  const after = await snapshot(server);
  return {
    ...totals,
    failures: [...new Set(failures)].slice(0, 5),
    openStreamsAfter: await metric(server.url, "review_chat_open_streams"),
    inFlightAfter: await metric(server.url, "review_chat_in_flight_requests"),
    stubActiveResponses: stub.activeResponses(),
    before,
    after,
  };
}

const workers = Number(args.workers);
const common = {
  RATE_LIMIT_MAX: "0",
  WORKERS: String(workers),
  LOG_LEVEL: "info",
  ...(args["heap-cap"] ? { NODE_OPTIONS: `--max-old-space-size=${args["heap-cap"]}` } : {}),
};
const report: Record<string, unknown> = { node: process.version, workers, heapCapMb: args["heap-cap"] ?? null, loadAverage: os.loadavg() };

if (!args["skip-ask"]) {
  const server = await spawnServer(common);
  try {
    report.ask = await benchAsk(server);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

if (!args["skip-chat"]) {
  const stub = await startFaultyOpenAiServer();
  const server = await spawnServer({ ...common, LLM_BASE_URL: stub.baseUrl, LLM_MODEL: "slow", LLM_TIMEOUT_MS: "30000" });
  try {
    report.chat = await benchChat(server, stub);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    await stub.close();
  }
}

report.loadAverageAfter = os.loadavg();
console.log(JSON.stringify(report, null, 2));
