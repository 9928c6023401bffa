// Files vs PostgreSQL at scale: `npm run bench:store` (options: --chunks 20000, --modes files,postgres,
// --no-settle).
// A synthetic build of --chunks chunks (real sentences recombined, pseudo document vectors: see
// synthetic-corpus.ts; queries are embedded by the real model) is served by one server process per
// mode — from its index folder ("files"), or published to a throwaway PostgreSQL 15 cluster and
// loaded from there ("postgres": in-memory search over the database's build; the server has no
// pgvector) — and timed over real HTTP: GET /api/search and POST /api/ask for each dev question,
// first time (query embedded) and again (query vector cached); plus publish and load times and the
// server's RSS. Rankings on this corpus are meaningless; only timings and sizes are reported.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT, loadConfig } from "../src/config.ts";
import { readQuestions, resolveQaSets } from "../src/eval/qa-sets.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { buildVectorIndex } from "../src/index/vector-index.ts";
import { INDEX_FORMAT_VERSION, type IndexManifest, type StoredDocument, readIndexFiles, writeJson } from "../src/store/index-files.ts";
import { openDatabase } from "../src/store/postgres/database.ts";
import { migrate } from "../src/store/postgres/migrate.ts";
import { publishBuildToDatabase } from "../src/store/postgres/publish-build.ts";
import { startPostgresCluster } from "../test/support/postgres-cluster.ts";
import { PseudoDocumentEmbeddings, generateSyntheticChunks, loadCorpusSentences } from "./synthetic-corpus.ts";

const { values: args } = parseArgs({
  options: {
    chunks: { type: "string", default: "20000" },
    modes: { type: "string", default: "files,postgres" },
    // After the publish, VACUUM ANALYZE and CHECKPOINT, so the database's own catch-up work on the new
    // rows does not run during the timing (--no-settle times the instance right after the publish).
    settle: { type: "boolean", default: true },
  },
  allowNegative: true,
});
const total = Number(args.chunks);
const modes = args.modes!.split(",");

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

function questions(): string[] {
  return readQuestions(resolveQaSets("all")[0]!).map((q) => q.question);
}

/** A build folder of the usual layout holding the synthetic corpus (documents cloned from a real review). */
async function writeSyntheticBuild(indexDir: string): Promise<string> {
  const config = loadConfig({});
  const chunks = generateSyntheticChunks(await loadCorpusSentences(config.corpusDir), { chunks: total });
  const queryEmbeddings = createEmbeddings(config.embeddings);
  const embeddings = new PseudoDocumentEmbeddings(queryEmbeddings);
  const real = await readIndexFiles(path.join(config.indexDir, "builds", (await fs.readFile(path.join(config.indexDir, "CURRENT"), "utf8")).trim()));
  const template = real.documents[0]!;
  const docIds = [...new Set(chunks.map((c) => c.docId))];
  const documents: StoredDocument[] = docIds.map((id) => ({ ...template, meta: { ...template.meta, id, file: `${id}.txt`, title: `Synthetic review ${id}` } }));
  const name = "synthetic";
  const buildDir = path.join(indexDir, "builds", name);
  await fs.mkdir(buildDir, { recursive: true });
  const { dimensions } = await buildVectorIndex(chunks, embeddings, path.join(buildDir, "vectors"), { cacheDir: path.join(indexDir, "cache-synthetic") });
  await fs.rm(path.join(indexDir, "cache-synthetic"), { recursive: true, force: true });
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    corpusHash: `synthetic-${total}`,
    files: documents.map((d) => ({ file: d.meta.file, sha256: "0", docId: d.meta.id })),
    // The real query model's id: queries are embedded by it, and the server checks the build against it.
    embedder: { id: queryEmbeddings.modelId, dimensions },
    documentCount: documents.length,
    chunkCount: chunks.length,
  };
  await writeJson(path.join(buildDir, "documents.json"), documents);
  await writeJson(path.join(buildDir, "chunks.json"), chunks);
  await writeJson(path.join(buildDir, "links.json"), []);
  await writeJson(path.join(buildDir, "manifest.json"), manifest);
  await fs.writeFile(path.join(indexDir, "CURRENT"), `${name}\n`);
  return buildDir;
}

/** One server process (src/server/instance-for-bench below): resolves with its URL once it listens. */
function startInstance(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "bench/store-latency-instance.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", RATE_LIMIT_MAX: "0", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, startMs: performance.now() - started });
    });
    child.once("exit", (code) => reject(new Error(`instance exited (${code}) before listening`)));
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function time(url: string, init?: RequestInit): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

async function measure(url: string, qs: string[]) {
  const rows: Record<string, number | string>[] = [];
  for (const pass of ["first", "again"]) {
    const search: number[] = [];
    for (const q of qs) search.push(await time(`${url}/api/search?q=${encodeURIComponent(q)}&k=8`));
    const askMs: number[] = [];
    for (const q of qs) {
      askMs.push(await time(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: q }) }));
    }
    for (const [what, list] of [["search", search], ["ask", askMs]] as const) {
      const sorted = [...list].sort((a, b) => a - b);
      rows.push({ what, pass, n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) });
    }
  }
  return rows;
}

const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-store-"));
const results: Record<string, unknown> = { chunks: total, loadBefore: os.loadavg().map(round) };
const cluster = modes.includes("postgres") ? await startPostgresCluster() : null;
try {
  const indexDir = path.join(root, "files-index");
  let t = performance.now();
  const buildDir = await writeSyntheticBuild(indexDir);
  results.buildSyntheticSeconds = round((performance.now() - t) / 1000);
  const qs = questions();
  for (const mode of modes) {
    const env: NodeJS.ProcessEnv = { INDEX_DIR: indexDir, CORPUS_DIR: path.join(root, "no-corpus") };
    if (mode === "postgres") {
      if (!cluster) throw new Error("PostgreSQL server binaries not found");
      const url = await cluster.createDatabase();
      const db = openDatabase(url);
      await migrate(db);
      const files = await readIndexFiles(buildDir);
      t = performance.now();
      await publishBuildToDatabase(db, { files, embeddings: createEmbeddings(loadConfig({}).embeddings), corpus: [] });
      results.publishSeconds = round((performance.now() - t) / 1000);
      const { rows } = await db.query("SELECT pg_database_size(current_database()) AS bytes, (SELECT count(*) FROM window_vectors)::int AS vectors");
      results.databaseMiB = round(Number(rows[0].bytes) / 2 ** 20);
      results.vectors = rows[0].vectors;
      if (args.settle) {
        t = performance.now();
        await db.query("VACUUM ANALYZE");
        await db.query("CHECKPOINT");
        results.settleSeconds = round((performance.now() - t) / 1000);
      }
      await db.end();
      env.DATABASE_URL = url;
      env.INDEX_DIR = path.join(root, "db-instance-index");
    }
    const instance = await startInstance(env);
    try {
      const latency = await measure(instance.url, qs);
      results[mode] = { startToListeningSeconds: round(instance.startMs / 1000), rssMiB: rssMiB(instance.child.pid!), latency };
    } finally {
      instance.child.kill("SIGKILL");
    }
  }
  results.loadAfter = os.loadavg().map(round);
  console.log(JSON.stringify(results, null, 2));
} finally {
  await cluster?.stop();
  await fs.rm(root, { recursive: true, force: true });
}
