// Search-speed benchmark: `npm run bench:search` (options: --chunks 30000, --phases ingest,reviews,synthetic,
// --k 8, --profile, --json). Each phase runs in its own child process so its RSS figure is its own.
//   ingest     embedding throughput (calling thread vs worker pool) and SearchEngine.fromChunks over
//              the two reviews' chunks with a cold and then a warm embedding cache
//   reviews    search latency over the QA questions (tuning and test parts) on the live two-review index (index/)
//   synthetic  search latency on ≥ 30,000 chunks recombined from real sentences (see synthetic-corpus.ts)
import { execFile } from "node:child_process";
import { Session } from "node:inspector/promises";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadConfig } from "../src/config.ts";
import { readQuestions, resolveQaSets } from "../src/eval/qa-sets.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { UseLiteEmbeddings } from "../src/index/use-lite-embeddings.ts";
import { buildVectorIndex } from "../src/index/vector-index.ts";
import { defaultWindowWords, sentenceWindows } from "../src/index/sentence-windows.ts";
import { resolveFusionConfig } from "../src/retrieve/fusion.ts";
import { SearchEngine, type SearchMode } from "../src/retrieve/search-engine.ts";
import { currentBuildDir, readIndexFiles } from "../src/store/index-files.ts";
import { loadIndex } from "../src/store/load-index.ts";
import type { Chunk } from "../src/types.ts";
import { PseudoDocumentEmbeddings, generateSyntheticChunks, loadCorpusSentences } from "./synthetic-corpus.ts";

const PHASES = ["ingest", "reviews", "synthetic"] as const;
type Phase = (typeof PHASES)[number];
const MODES: SearchMode[] = ["bm25", "dense", "hybrid"];

// Used only when the QA sets (bench/qa-tune.jsonl, bench/qa-test.jsonl) are absent: researcher-style questions over both reviews.
const FALLBACK_QUESTIONS = [
  "How do nanoparticles get around P-glycoprotein efflux in resistant breast cancer cells?",
  "Which microRNAs make tumours resistant to tamoxifen?",
  "What does miR-21 do in trastuzumab resistance?",
  "Can solid lipid nanoparticles carry docetaxel into resistant cells?",
  "How does hypoxia contribute to chemotherapy failure?",
  "What role do cancer stem cells play in relapse after chemotherapy?",
  "Which nanocarriers release their drug in response to acidic pH?",
  "Are there clinical trials of nanomedicines for breast cancer?",
  "How is miR-34a delivered to triple-negative tumours?",
  "What is the effect of TGF-beta on epithelial-mesenchymal transition and resistance?",
  "Can magnetic iron oxide nanoparticles be used against resistant tumours?",
  "Why do HER2-positive tumours stop responding to targeted therapy?",
  "Which efflux transporters besides P-gp cause multidrug resistance?",
  "How do exosomes spread drug resistance between cells?",
  "What are the advantages of liposomal doxorubicin?",
  "How does autophagy protect cancer cells from treatment?",
  "Which genes are silenced by siRNA to reverse resistance?",
  "What limits the clinical translation of nanoparticle drugs?",
  "How do gold nanoparticles enable photothermal therapy?",
  "What is the IC50 change when curcumin is combined with paclitaxel?",
];

async function loadQuestions(): Promise<{ questions: string[]; source: string }> {
  const all = resolveQaSets("all")[0]!;
  if (!all.files.every((file) => existsSync(file))) return { questions: FALLBACK_QUESTIONS, source: "built-in list (QA sets absent)" };
  const questions = readQuestions(all).map((q) => q.question.trim());
  return { questions, source: `bench/qa-tune.jsonl + bench/qa-test.jsonl (${questions.length} questions)` };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Latency {
  mode: SearchMode;
  pass: "first" | "repeat";
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

function summarize(mode: SearchMode, pass: Latency["pass"], ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    mode,
    pass,
    n: ms.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(ms.reduce((a, b) => a + b, 0) / ms.length),
  };
}

/**
 * Time every question in every mode, twice. The first pass is a question's first time in the engine
 * (its query vector is not cached yet); the repeat pass asks the same questions again.
 */
async function measureLatency(engine: SearchEngine, questions: string[], k: number): Promise<Latency[]> {
  const out: Latency[] = [];
  // Warm-up: JIT, lazy model load, first HNSW page-in. Not counted.
  for (const q of ["warm-up question about nanoparticles", "second warm-up about miRNA"]) {
    for (const mode of MODES) await engine.search(q, { k, mode });
  }
  for (const mode of MODES) {
    const asked = questions.map((q) => askedFor(q, mode));
    for (const pass of ["first", "repeat"] as const) {
      const ms: number[] = [];
      for (const q of asked) {
        const t0 = performance.now();
        await engine.search(q, { k, mode });
        ms.push(performance.now() - t0);
      }
      out.push(summarize(mode, pass, ms));
    }
  }
  return out;
}

// The engine caches query vectors by text for all modes, so the hybrid pass (which runs after the
// dense one) would reuse the dense pass's vectors. Hybrid asks each question with one more "?" — the
// same words for BM25 and practically the same input for the encoder, but a text not seen before.
function askedFor(question: string, mode: SearchMode): string {
  return mode === "hybrid" ? `${question}?` : question;
}

/** Time the bare query embedding (the floor under dense and hybrid latency). */
async function measureQueryEmbedding(engine: SearchEngine, questions: string[]): Promise<Omit<Latency, "mode" | "pass">> {
  const ms: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    await engine.embedQuery(`${q}??`);
    ms.push(performance.now() - t0);
  }
  const { mode: _m, pass: _p, ...rest } = summarize("dense", "first", ms);
  return rest;
}

/**
 * CPU profile of hybrid searches with query vectors already cached (so the model is out of the
 * picture): self time per function, largest first. Shows where the engine's own time goes.
 */
async function profileHybrid(engine: SearchEngine, questions: string[], k: number): Promise<{ fn: string; ms: number; share: number }[]> {
  for (const q of questions) await engine.embedQuery(q);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  for (let round = 0; round < 3; round++) for (const q of questions) await engine.search(q, { k, mode: "hybrid" });
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [i, id] of samples.entries()) {
    const frame = nodes.get(id)!.callFrame;
    const where = frame.url ? ` ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"}${where}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000 / (3 * questions.length) * 100) / 100, share: Math.round((us / total) * 1000) / 10 }));
}

async function diskSize(target: string): Promise<number> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const entry of await fs.readdir(target)) total += await diskSize(path.join(target, entry));
  return total;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const rssMiB = () => mib(process.memoryUsage().rss);

async function phaseIngest(): Promise<Record<string, unknown>> {
  const config = loadConfig({});
  const buildDir = await currentBuildDir(config.indexDir);
  if (!buildDir) throw new Error(`no index in ${config.indexDir}: run \`npx review-chat ingest\` first`);
  const { chunks } = await readIndexFiles(buildDir);

  // Raw model throughput on the same 64 chunks: calling thread vs a 2-worker pool.
  const sample = chunks.slice(0, 64).map((c) => c.text);
  const throughput: Record<string, number> = {};
  for (const workers of [0, 2]) {
    const model = new UseLiteEmbeddings({ workers });
    await model.embedDocuments(sample.slice(0, 2)); // load the model (and workers) outside the timing
    const t0 = performance.now();
    await model.embedDocuments(sample);
    throughput[`workers${workers}`] = Math.round((sample.length / ((performance.now() - t0) / 1000)) * 10) / 10;
    await model.close();
  }

  // The whole in-memory build (embed + HNSW + BM25) through the engine, cold then cached.
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-embed-cache-"));
  try {
    const embeddings = createEmbeddings(config.embeddings);
    const timeBuild = async () => {
      const t0 = performance.now();
      await SearchEngine.fromChunks(chunks, embeddings, { cacheDir });
      return (performance.now() - t0) / 1000;
    };
    const cold = await timeBuild();
    const cached = await timeBuild();
    return {
      chunks: chunks.length,
      meanWords: Math.round(chunks.reduce((n, c) => n + c.text.split(/\s+/).length, 0) / chunks.length),
      embedChunksPerSecond: throughput,
      coldSeconds: Math.round(cold * 10) / 10,
      coldChunksPerSecond: Math.round((chunks.length / cold) * 10) / 10,
      cachedSeconds: Math.round(cached * 100) / 100,
      cachedChunksPerSecond: Math.round(chunks.length / cached),
      cacheMiB: mib(await diskSize(cacheDir)),
      rssMiB: rssMiB(),
      loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    };
  } finally {
    await fs.rm(cacheDir, { recursive: true, force: true });
  }
}

async function phaseReviews(k: number): Promise<Record<string, unknown>> {
  const config = loadConfig({});
  const embeddings = createEmbeddings(config.embeddings);
  const t0 = performance.now();
  const { files, engine } = await loadIndex(config.indexDir, embeddings);
  const loadSeconds = (performance.now() - t0) / 1000;
  const rssAfterLoad = rssMiB();
  const { questions, source } = await loadQuestions();
  const latency = await measureLatency(engine, questions, k);
  const queryEmbedding = await measureQueryEmbedding(engine, questions);
  return {
    chunks: files.chunks.length,
    vectors: sentenceWindowCount(files.chunks, embeddings.modelId),
    questions: source,
    loadSeconds: Math.round(loadSeconds * 100) / 100,
    indexMiB: mib(await diskSize(files.buildDir)),
    rssAfterLoadMiB: rssAfterLoad,
    rssMiB: rssMiB(),
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    queryEmbedding,
    latency,
  };
}

/** Dense vectors an index of these chunks holds (one per sentence window under the model's policy). */
function sentenceWindowCount(chunks: Chunk[], modelId: string): number {
  const words = defaultWindowWords(modelId);
  return chunks.reduce((n, chunk) => n + sentenceWindows(chunk, words).length, 0);
}

async function phaseSynthetic(total: number, k: number, profile: boolean): Promise<Record<string, unknown>> {
  const config = loadConfig({});
  const sentences = await loadCorpusSentences(config.corpusDir);
  const chunks: Chunk[] = generateSyntheticChunks(sentences, { chunks: total });
  const queryEmbeddings = createEmbeddings(config.embeddings);
  const embeddings = new PseudoDocumentEmbeddings(queryEmbeddings);
  const t0 = performance.now();
  // The real model's fusion settings, not the defaults for an unknown embedder id.
  const engine = await SearchEngine.fromChunks(chunks, embeddings, { config: resolveFusionConfig(queryEmbeddings.modelId) });
  const vectors = sentenceWindowCount(chunks, embeddings.modelId);
  const buildSeconds = (performance.now() - t0) / 1000;
  const rssAfterBuild = rssMiB();
  const { questions, source } = await loadQuestions();
  const latency = await measureLatency(engine, questions, k);
  const queryEmbedding = await measureQueryEmbedding(engine, questions);
  const hybridProfile = profile ? await profileHybrid(engine, questions, k) : undefined;

  // Size on disk: the same files an ingest writes (HNSW vectors + chunks.json).
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-synthetic-index-"));
  try {
    await buildVectorIndex(chunks, embeddings, path.join(dir, "vectors"), { cacheDir: path.join(dir, "cache") });
    await fs.rm(path.join(dir, "cache"), { recursive: true, force: true });
    await fs.writeFile(path.join(dir, "chunks.json"), JSON.stringify(chunks));
    return {
      chunks: chunks.length,
      vectors,
      documents: new Set(chunks.map((c) => c.docId)).size,
      meanWords: Math.round(chunks.reduce((n, c) => n + c.text.split(/\s+/).length, 0) / chunks.length),
      questions: source,
      buildSeconds: Math.round(buildSeconds * 10) / 10,
      indexMiB: mib(await diskSize(dir)),
      rssAfterBuildMiB: rssAfterBuild,
      rssMiB: rssMiB(),
      loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
      queryEmbedding,
      latency,
      hybridProfile,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

interface Args {
  phases: Phase[];
  chunks: number;
  k: number;
  json: boolean;
  child: boolean;
  profile: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { phases: [...PHASES], chunks: 30_000, k: 8, json: false, child: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--phases") {
      const phases = value().split(",");
      const bad = phases.filter((p) => !PHASES.includes(p as Phase));
      if (bad.length) throw new Error(`unknown phase(s) ${bad.join(", ")}; expected ${PHASES.join(", ")}`);
      args.phases = phases as Phase[];
    } else if (flag === "--chunks") args.chunks = Number(value());
    else if (flag === "--k") args.k = Number(value());
    else if (flag === "--json") args.json = true;
    else if (flag === "--child") args.child = true;
    else if (flag === "--profile") args.profile = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!Number.isInteger(args.chunks) || args.chunks < 1) throw new Error("--chunks must be a positive integer");
  if (!Number.isInteger(args.k) || args.k < 1) throw new Error("--k must be a positive integer");
  return args;
}

async function runPhase(phase: Phase, args: Args): Promise<Record<string, unknown>> {
  if (phase === "ingest") return phaseIngest();
  if (phase === "reviews") return phaseReviews(args.k);
  return phaseSynthetic(args.chunks, args.k, args.profile);
}

function latencyTable(latency: Latency[], embed: Omit<Latency, "mode" | "pass">): string {
  const rows = latency.map((l) => `| ${l.mode} | ${l.pass} | ${l.n} | ${l.p50} | ${l.p95} | ${l.max} |`);
  rows.push(`| (query embedding alone) | first | ${embed.n} | ${embed.p50} | ${embed.p95} | ${embed.max} |`);
  return ["| mode | pass | queries | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

function report(results: Partial<Record<Phase, Record<string, unknown>>>, args: Args): string {
  const lines: string[] = [];
  const { ingest, reviews, synthetic } = results;
  if (ingest) {
    const rate = ingest.embedChunksPerSecond as Record<string, number>;
    lines.push(`Ingest (${ingest.chunks} chunks of the two reviews, ~${ingest.meanWords} words each):`);
    lines.push("| measure | value |", "|---|---|");
    lines.push(`| USE-lite embedding, calling thread (64 chunks) | ${rate.workers0} chunks/s |`);
    lines.push(`| USE-lite embedding, 2 worker threads (64 chunks) | ${rate.workers2} chunks/s |`);
    lines.push(`| SearchEngine.fromChunks, cold cache | ${ingest.coldSeconds} s = ${ingest.coldChunksPerSecond} chunks/s |`);
    lines.push(`| SearchEngine.fromChunks, warm cache | ${ingest.cachedSeconds} s = ${ingest.cachedChunksPerSecond} chunks/s |`);
    lines.push(`| embedding cache on disk | ${ingest.cacheMiB} MiB |`);
    lines.push(`| process RSS | ${ingest.rssMiB} MiB (load average ${String(ingest.loadAverage)}) |`);
  }
  if (reviews) {
    lines.push(`Two-review index (${reviews.chunks} chunks, k=${args.k}, questions: ${reviews.questions}):`);
    lines.push(latencyTable(reviews.latency as Latency[], reviews.queryEmbedding as Latency));
    const { latency: _l, queryEmbedding: _e, ...rest } = reviews;
    lines.push(`  ${JSON.stringify(rest)}`);
  }
  if (synthetic) {
    lines.push(`Synthetic index (${synthetic.chunks} chunks, k=${args.k}, questions: ${synthetic.questions}):`);
    lines.push(latencyTable(synthetic.latency as Latency[], synthetic.queryEmbedding as Latency));
    const { latency: _l, queryEmbedding: _e, hybridProfile, ...rest } = synthetic;
    lines.push(`  ${JSON.stringify(rest)}`);
    if (Array.isArray(hybridProfile)) {
      lines.push("Hybrid search self time with cached query vectors (ms per query, share):");
      for (const row of hybridProfile as { fn: string; ms: number; share: number }[]) {
        lines.push(`  ${row.ms.toFixed(2)} ms  ${row.share}%  ${row.fn}`);
      }
    }
  }
  return lines.join("\n");
}

const execFileAsync = promisify(execFile);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    const [phase] = args.phases;
    process.stdout.write(JSON.stringify(await runPhase(phase!, args)));
    return;
  }
  const results: Partial<Record<Phase, Record<string, unknown>>> = {};
  for (const phase of args.phases) {
    console.error(`bench:search — phase ${phase}…`);
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1]!,
        ...["--child", "--phases", phase, "--chunks", String(args.chunks), "--k", String(args.k)],
        ...(args.profile ? ["--profile"] : []),
      ],
      { maxBuffer: 64 * 2 ** 20 },
    );
    results[phase] = JSON.parse(stdout) as Record<string, unknown>;
  }
  console.log(args.json ? JSON.stringify(results, null, 2) : report(results, args));
}

await main();
