// The long-lived ingest process (started by ingest-worker-process.ts): loads the ingest code and
// pdf.js once, parses a tiny PDF to warm them, then runs the ingests it is sent over IPC, one at a
// time, for as long as its parent lives. Starting a process and loading pdf.js took most of the
// seconds between an upload and its first search hit when every ingest had a process of its own.
// It sends a heartbeat every second, so a parent can tell a hang (a blocked loop) from slow work,
// and exits when its parent goes.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IngestJob, IngestJobOutput } from "./ingest-job.ts";

/** Parent → worker. */
export type IngestWorkerRequest = { type: "run"; jobId: number; job: IngestJob };

/** Worker → parent. */
export type IngestWorkerMessage =
  | { type: "alive" }
  | { type: "ready" }
  | { type: "log"; jobId: number; line: string }
  /** A staged build's first (BM25-searchable) publish is done. */
  | { type: "parsed"; jobId: number; buildDir: string }
  | { type: "done"; jobId: number; output: IngestJobOutput };

export const HEARTBEAT_MS = 1_000;

const send = (message: IngestWorkerMessage) => process.send?.(message);

/**
 * A one-page PDF with a line of text, built with correct byte offsets: parsing it loads pdf.js and
 * runs the layout reader once, so the first real upload does not pay for either.
 */
export function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

async function warmUp(): Promise<void> {
  // The vector store's native module, which every build's publish opens.
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  await HNSWLib.imports();
  const { parseDocumentFile } = await import("../ingest/parse-document.ts");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "review-chat-warm-"));
  try {
    const file = path.join(dir, "warm-up.pdf");
    await fs.writeFile(file, minimalPdf("Warm-up of the ingest worker: the layout reader reads this line."));
    // Its result does not matter (one line is no paper): only that the code ran once.
    await parseDocumentFile(file).catch(() => undefined);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Before the heavy imports: the parent times the start by these too.
  const heartbeat = setInterval(() => send({ type: "alive" }), HEARTBEAT_MS);
  process.on("disconnect", () => process.exit(0));
  const { runIngestJob, jobOutputOf } = await import("./ingest-job.ts");
  // The server's ingest leaves a core to answering (queries are embedded on the server's thread).
  const { ingestThreads } = await import("../index/create-embeddings.ts");
  process.env.INGEST_THREADS ||= String(ingestThreads(process.env, { serving: true }));
  await warmUp();
  let queue: Promise<void> = Promise.resolve();
  process.on("message", (request: IngestWorkerRequest) => {
    if (request?.type !== "run") return;
    const { jobId, job } = request;
    const log = (line: string) => send({ type: "log", jobId, line });
    queue = queue.then(async () => {
      const onParsedBuild = async (buildDir: string) => void send({ type: "parsed", jobId, buildDir });
      const output = await jobOutputOf(
        async () =>
          job.database
            ? (await import("../store/postgres/ingest-into-database.ts")).ingestIntoDatabase(runIngestJob, job, job.database, log, onParsedBuild)
            : runIngestJob(job, log, onParsedBuild),
        log,
      );
      send({ type: "done", jobId, output });
    });
  });
  send({ type: "ready" });
  heartbeat.ref();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
