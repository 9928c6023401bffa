// Serve papers from ../shared on loopback for the graders in ../shared/tools: copy them into a
// temporary corpus (they are test data and never enter the repository), ingest with the real
// embedder (its cache persists under the system temp folder, so a re-run embeds only changed
// chunks; BENCH_WORK_DIR names another work folder, e.g. a fresh one for cold timings), start the
// real server, run the grader against it, stop. Used by eval-structure.ts and eval-litqa.ts.
import { spawn } from "node:child_process";
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { createEmbeddings, ingestThreads } from "../src/index/create-embeddings.ts";
import { startServer } from "../src/server/start-server.ts";
import { buildIndex } from "../src/store/build-index.ts";

export const SHARED_DIR = path.resolve(import.meta.dirname, "../../shared");

export interface GraderRun {
  /** Name of the work folder under the system temp folder. */
  name: string;
  /** Files to copy into the corpus. */
  files: string[];
  /** python3 script and arguments; "{base}" is replaced by the server's URL. */
  grader: string[];
}

async function runGrader(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("python3", args, { stdio: "inherit" });
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

export async function serveAndGrade(run: GraderRun): Promise<number> {
  const work = process.env.BENCH_WORK_DIR ?? path.join(os.tmpdir(), `review-chat-${run.name}`);
  const corpusDir = path.join(work, "corpus");
  const indexDir = path.join(work, "index");
  await rm(corpusDir, { recursive: true, force: true });
  await mkdir(corpusDir, { recursive: true });
  for (const file of run.files) await copyFile(file, path.join(corpusDir, path.basename(file)));

  const config = loadConfig({ ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, PORT: "0", RATE_LIMIT_MAX: "0", LOG_LEVEL: "warn" });
  const threads = ingestThreads();
  const embeddings = createEmbeddings(config.embeddings, { workers: threads });
  const started = performance.now();
  const result = await buildIndex({ corpusDir, indexDir, embeddings, parseThreads: threads, force: true, log: (line) => console.log(line) });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `ingested ${result.manifest.documentCount} documents, ${result.manifest.chunkCount} chunks in ${seconds.toFixed(1)} s ` +
      `(load ${os.loadavg()[0]!.toFixed(2)}); skipped: ${result.skipped.map((s) => `${s.file} (${s.reason})`).join(", ") || "none"}`,
  );
  const server = await startServer(config, { ingestIfStale: false });
  try {
    return await runGrader(run.grader.map((arg) => arg.replace("{base}", server.url)));
  } finally {
    await server.close();
    await rm(corpusDir, { recursive: true, force: true });
  }
}

export async function filesIn(dir: string, extensions: string[]): Promise<string[]> {
  const names = await readdir(dir);
  // The folders' README files describe the data; they are not papers.
  const papers = names.filter((name) => extensions.includes(path.extname(name).toLowerCase()) && !/^readme\b/i.test(name));
  return papers.sort().map((name) => path.join(dir, name));
}
