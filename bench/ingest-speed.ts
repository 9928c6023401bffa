// `npm run bench:ingest [-- --limit N] [--threads 1,2] [--dir DIR] [--no-upload] [--upload-only] [--uploads N] [--json]`:
// cold ingest speed and time to searchable.
//   cold      the PDFs of ../shared/litqa (or --dir) ingested into a fresh index folder (fresh embedding
//             and parse caches) once per thread count: 1 = everything on the calling thread, N = parse
//             and embed on N threads (default: 1 and every core). Prints wall and CPU seconds (all threads;
//             split at the start of embedding), chunks/s, s/page and texts embedded, with the load average.
//   upload    a real server on a copy of the live two-review index (index/); one of those PDFs uploaded
//             through POST /api/admin/ingest: seconds from the upload's last byte sent to /api/search
//             finding it (BM25, vectors pending) and to the response (vectors made and served), once the
//             server's ingest process is warm (its start is timed apart), with that process's CPU seconds;
//             --uploads N posts the first N PDFs one after another (the later ones find a worker that has run a job).
// The machine's load decides much of these figures: they are printed with `uptime`.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PDFDocument } from "pdf-lib";
import { loadConfig } from "../src/config.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { warmIngestWorker } from "../src/server/ingest-runner.ts";
import { startServer } from "../src/server/start-server.ts";
import { buildIndex } from "../src/store/build-index.ts";
import { cacheDir } from "../src/store/index-files.ts";
import { copyLiveIndex } from "../test/support/copy-live-index.ts";
import { SHARED_DIR, filesIn } from "./serve-shared-papers.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: path.join(SHARED_DIR, "litqa") },
    limit: { type: "string", default: "0" },
    threads: { type: "string", default: `1,${os.availableParallelism()}` },
    "no-upload": { type: "boolean", default: false },
    "upload-only": { type: "boolean", default: false },
    uploads: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});

const uptime = () => execFileSync("uptime").toString().trim();
const load = () => os.loadavg()[0]!.toFixed(2);
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function countPages(file: string): Promise<number> {
  const pdf = await PDFDocument.load(await fs.readFile(file), { ignoreEncryption: true, updateMetadata: false });
  return pdf.getPageCount();
}

interface ColdRun {
  threads: number;
  files: number;
  pages: number;
  chunks: number;
  seconds: number;
  cpuSeconds: number;
  /** CPU seconds (every thread) up to the embedding phase (parse, chunk, ids, links), and from there on. */
  parseCpuSeconds: number;
  embedCpuSeconds: number;
  /** Texts embedded (sentence windows or chunks). */
  texts: number;
  chunksPerSecond: number;
  secondsPerPage: number;
  loadBefore: string;
  loadAfter: string;
}

/** One cold ingest in a fresh folder: nothing cached, so every file is parsed and every window embedded. */
async function coldIngest(files: string[], threads: number, pages: number): Promise<ColdRun> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-ingest-"));
  try {
    const corpusDir = path.join(root, "corpus");
    await fs.mkdir(corpusDir);
    for (const file of files) await fs.copyFile(file, path.join(corpusDir, path.basename(file)));
    // 1 thread = the calling thread does it all (no pool), the single-thread baseline.
    const pool = threads <= 1 ? 0 : threads;
    const embeddings = createEmbeddings(loadConfig({}).embeddings, { workers: pool });
    const loadBefore = load();
    const cpu = process.cpuUsage();
    let embedFrom: NodeJS.CpuUsage | null = null;
    let texts = 0;
    const progress = {
      start: (phase: "parse" | "embed", total: number) => {
        if (phase !== "embed") return;
        embedFrom = process.cpuUsage();
        texts = total;
      },
      update: () => {},
      stop: () => {},
    };
    const started = performance.now();
    const result = await buildIndex({ corpusDir, indexDir: path.join(root, "index"), embeddings, parseThreads: pool, force: true, progress });
    const embedCpu = embedFrom ? cpuSeconds(embedFrom) : 0;
    const seconds = (performance.now() - started) / 1000;
    if ("close" in embeddings && typeof embeddings.close === "function") await embeddings.close();
    const chunks = result.manifest.chunkCount;
    return {
      threads,
      files: files.length,
      pages,
      chunks,
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds(cpu)),
      parseCpuSeconds: round(cpuSeconds(cpu) - embedCpu),
      embedCpuSeconds: round(embedCpu),
      texts,
      chunksPerSecond: round(chunks / seconds, 2),
      secondsPerPage: round(seconds / pages, 3),
      loadBefore,
      loadAfter: load(),
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** User + system CPU seconds of another process so far (Linux /proc), or null where unreadable. */
function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return round((Number(fields[11]) + Number(fields[12])) / 100, 2);
  } catch {
    return null;
  }
}

const cpuSince = (pid: number | undefined, before: number | null) => {
  const now = processCpuSeconds(pid);
  return now === null || before === null ? null : round(now - before, 2);
};

/** POST the file as multipart over node:http; resolves when the last byte is sent, and again with the response. */
function uploadFile(base: string, token: string, file: string, bytes: Buffer) {
  const boundary = `bench${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: application/pdf\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  let sentResolve!: (at: number) => void;
  const sent = new Promise<number>((resolve) => (sentResolve = resolve));
  const response = new Promise<{ status: number; at: number }>((resolve, reject) => {
    const req = http.request(new URL("/api/admin/ingest", base), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": body.length },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, at: performance.now() }));
    });
    req.on("error", reject);
    req.on("finish", () => sentResolve(performance.now()));
    req.end(body);
  });
  return { sent, response };
}

/** Upload one PDF to a real server: seconds to BM25-searchable and to fully embedded and served. */
async function uploadToSearchable(uploads: string[]) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "bench-upload-"));
  const token = "bench-admin-token-0123456789abcdef";
  try {
    const corpusDir = path.join(root, "corpus");
    const indexDir = path.join(root, "index");
    await fs.mkdir(corpusDir, { recursive: true });
    const config = loadConfig({ ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ADMIN_TOKEN: token, PORT: "0", RATE_LIMIT_MAX: "0", LOG_LEVEL: "warn" });
    // The two reviews' build and their vectors: the upload is the one new paper.
    for (const name of await fs.readdir(loadConfig({}).corpusDir)) await fs.copyFile(path.join(loadConfig({}).corpusDir, name), path.join(corpusDir, name));
    await copyLiveIndex(indexDir);
    await fs.cp(cacheDir(loadConfig({}).indexDir), cacheDir(indexDir), { recursive: true });
    const server = await startServer(config, { ingestIfStale: false });
    try {
      // The server starts its ingest process at once (ADMIN_TOKEN is set); an upload finds it warm.
      const warmStarted = performance.now();
      const workerPid = await warmIngestWorker(indexDir);
      const warmUpSeconds = round((performance.now() - warmStarted) / 1000, 2);
      const warmUpCpu = processCpuSeconds(workerPid);
      const runs = [];
      // One after another on the same server: the first finds a worker that has run no job yet.
      for (const file of uploads) runs.push(await uploadOne(file));
      return runs;

      async function uploadOne(file: string) {
        const cpuBefore = processCpuSeconds(workerPid);
        const before = new Set(((await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string }[] }).documents.map((d) => d.id));
        // A phrase from the paper's own text (its title's words): what a user would search for.
        const { parseDocumentFile } = await import("../src/ingest/parse-document.ts");
        const query = (await parseDocumentFile(file)).meta.title || path.basename(file, ".pdf");
        const loadBefore = load();
        const serverCpu = process.cpuUsage();
        const { sent, response } = uploadFile(server.url, token, file, await fs.readFile(file));
        const sentAt = await sent;
        let searchableCpu: { worker: number | null; server: number } | null = null;
        let searchableAt: number | null = null;
        let done: { status: number; at: number } | null = null;
        void response.then((r) => (done = r));
        while (searchableAt === null && done === null) {
          const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(query)}&k=10&mode=bm25`);
          const { results } = (await res.json()) as { results: { docId: string }[] };
          if (results.some((hit) => !before.has(hit.docId))) {
            searchableAt = performance.now();
            searchableCpu = { worker: cpuSince(workerPid, cpuBefore), server: round(cpuSeconds(serverCpu), 2) };
          }
          else await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const finished = await response;
        return {
          file: path.basename(file),
          status: finished.status,
          warmUpSeconds,
          warmUpCpuSeconds: warmUpCpu,
          toSearchableSeconds: searchableAt === null ? null : round((searchableAt - sentAt) / 1000, 2),
          /** CPU seconds until searchable: the ingest process's, and this process's (server and polling). */
          toSearchableCpu: searchableCpu,
          toReadySeconds: round((finished.at - sentAt) / 1000, 2),
          toReadyCpu: { worker: cpuSince(workerPid, cpuBefore), server: round(cpuSeconds(serverCpu), 2) },
          loadBefore,
          loadAfter: load(),
        };
      }
    } finally {
      await server.close();
    }
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

const limit = Number(values.limit);
const all = await filesIn(values.dir!, [".pdf"]);
const files = limit > 0 ? all.slice(0, limit) : all;
let pages = 0;
for (const file of files) pages += await countPages(file);
console.log(uptime());
console.log(`${files.length} PDFs, ${pages} pages from ${values.dir}; ${os.availableParallelism()} cores. Other jobs on the machine change these figures.`);

const cold: ColdRun[] = [];
for (const threads of values["upload-only"] ? [] : values.threads!.split(",").map(Number)) {
  const run = await coldIngest(files, threads, pages);
  cold.push(run);
  console.log(
    `cold, ${threads} thread(s): ${run.seconds} s (CPU ${run.cpuSeconds} s: ${run.parseCpuSeconds} to parse, ${run.embedCpuSeconds} to embed ` +
      `${run.texts} texts), ${run.chunks} chunks → ${run.chunksPerSecond} chunks/s, ` +
      `${run.secondsPerPage} s/page (load ${run.loadBefore} → ${run.loadAfter})`,
  );
}
const uploads = values["no-upload"] ? [] : await uploadToSearchable(files.slice(0, Math.max(1, Number(values.uploads))));
for (const upload of uploads) {
  console.log(
    `upload ${upload.file}: BM25-searchable ${upload.toSearchableSeconds ?? "never (the ingest ended first)"} s after its last byte, ` +
      `embedded and served ${upload.toReadySeconds} s after (HTTP ${upload.status}; load ${upload.loadBefore} → ${upload.loadAfter}); ` +
      `CPU to searchable: ingest process ${upload.toSearchableCpu?.worker ?? "?"} s, server ${upload.toSearchableCpu?.server ?? "?"} s; ` +
      `to ready: ${upload.toReadyCpu.worker ?? "?"} s, ${upload.toReadyCpu.server} s; ` +
      `ingest process warm-up before it ${upload.warmUpSeconds} s (CPU ${upload.warmUpCpuSeconds ?? "?"} s)`,
  );
}
console.log(uptime());
if (values.json) console.log(JSON.stringify({ cold, uploads }, null, 2));
process.exit(0);
