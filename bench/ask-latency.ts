// /api/ask latency over real HTTP, extractive mode (LLM settings in the environment are ignored):
// the real server on a loopback port, the real index, the QA questions asked one at a time.
// "cold" asks each question for the first time (its embedding is computed); "warm" asks them again
// (the engine's query-vector cache answers, so it measures everything but the embedding).
//
//   npm run bench:ask                    # the questions of both QA parts, cold then warm
//   npm run bench:ask -- --set test      # one part (tune | test | all | path/to/file.jsonl)
//   npm run bench:ask -- --rounds 3      # warm rounds to run
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { readQuestions, resolveQaSets } from "../src/eval/qa-sets.ts";
import { startServer } from "../src/server/start-server.ts";

const { values: args } = parseArgs({
  options: {
    set: { type: "string", default: "all" },
    rounds: { type: "string", default: "2" },
  },
});

const questions = resolveQaSets(args.set).flatMap(readQuestions);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const config = loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0", PORT: "0", HOST: "127.0.0.1", INDEX_DIR: process.env.INDEX_DIR ?? "" });
const server = await startServer(config, { ingestIfStale: false });

async function askOnce(body: unknown): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/api/ask answered ${res.status}`);
  return performance.now() - started;
}

function report(name: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${name.padEnd(6)} n=${String(times.length).padStart(4)}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  ` +
      `mean ${mean.toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`,
  );
}

try {
  // Load the embedding model and warm the JIT on a question outside the set.
  for (let i = 0; i < 5; i++) await askOnce({ question: `warm-up question ${i} about liposomes and doxorubicin` });
  const cold: number[] = [];
  for (const body of questions) cold.push(await askOnce(body));
  const warm: number[] = [];
  for (let round = 0; round < Number(args.rounds); round++) for (const body of questions) warm.push(await askOnce(body));
  console.log(`/api/ask over HTTP, extractive, ${questions.length} questions (--set ${args.set}), sequential`);
  report("cold", cold);
  report("warm", warm);
} finally {
  await server.close();
  process.exit(0);
}
