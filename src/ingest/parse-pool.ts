// Parse many files at once on worker threads: the PDF layout reader (pdf.js) is CPU-bound and
// single-threaded, so one thread per core parses a corpus that many times faster. Each thread is
// plain TypeScript run through tsx's loader, registered inside the thread (so it works the same
// under `node --import tsx`, vitest and the ingest child process).
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type ErrorCode, ReviewChatError, UnreadableDocumentError } from "../errors.ts";
import type { ParsedDocument } from "../types.ts";
import { parseDocumentFile } from "./parse-document.ts";
import type { ParseReply, ParseTask } from "./parse-worker.ts";

const require = createRequire(import.meta.url);
// tsx's ESM API (its CommonJS twin resolves its hooks relative to the caller, which eval code lacks).
const TSX_API = pathToFileURL(path.join(path.dirname(require.resolve("tsx/esm/api")), "index.mjs")).href;
const WORKER_URL = new URL("./parse-worker.ts", import.meta.url).href;
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then(({ register }) => {
  register();
  return import(workerData.workerUrl);
});
`;

/** One outcome per file, in the order the files were given. */
export type ParseOutcome = { file: string; document: ParsedDocument } | { file: string; error: Error };

export interface ParseManyOptions {
  /** Threads to use (default: one per core, never more than the files). 0 parses on the calling thread. */
  threads?: number;
  /** Called as each file finishes, in completion order. */
  onParsed?: (outcome: ParseOutcome, done: number) => void;
}

export function defaultParseThreads(files: number): number {
  return Math.max(0, Math.min(os.availableParallelism(), files));
}

function errorFromReply(reply: Extract<ParseReply, { ok: false }>, filePath: string): Error {
  const file = filePath.split(/[\\/]/).pop()!;
  if (reply.code === "unreadable_document") {
    // The thread's error already names the file; rebuilt so callers can tell it from a crash.
    const reason = reply.message.startsWith(`${file}: `) ? reply.message.slice(file.length + 2) : reply.message;
    return new UnreadableDocumentError(file, reason);
  }
  return new ReviewChatError(reply.code as ErrorCode, reply.message);
}

/** One parsing thread; `parse` queues behind the thread's current file. */
class ParseThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { filePath: string; resolve: (o: ParsedDocument) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: { tsxApi: TSX_API, workerUrl: WORKER_URL } });
    this.worker.on("message", (reply: ParseReply) => {
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.document);
      else job.reject(errorFromReply(reply, job.filePath));
    });
    const failAll = (error: Error) => {
      for (const job of this.pending.values()) job.reject(new ReviewChatError("internal", `Parsing thread failed: ${error.message}`, { cause: error }));
      this.pending.clear();
    };
    this.worker.on("error", failAll);
    this.worker.on("exit", (code) => failAll(new Error(`exited with code ${code}`)));
  }

  parse(filePath: string): Promise<ParsedDocument> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { filePath, resolve, reject });
      this.worker.postMessage({ id, filePath } satisfies ParseTask);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Parse files on a pool of threads; each thread takes the next file when it is done, so one long
 * PDF does not hold up the rest. Failures are outcomes, not exceptions.
 *
 * @example
 * const outcomes = await parseFiles(["corpus/a.pdf", "corpus/b.txt"], { onParsed: (o, n) => console.log(n, o.file) });
 */
export async function parseFiles(filePaths: string[], options: ParseManyOptions = {}): Promise<ParseOutcome[]> {
  const threads = Math.min(options.threads ?? defaultParseThreads(filePaths.length), filePaths.length);
  const outcomes: ParseOutcome[] = new Array(filePaths.length);
  let next = 0;
  let done = 0;
  const settle = (i: number, outcome: ParseOutcome) => {
    outcomes[i] = outcome;
    options.onParsed?.(outcome, ++done);
  };
  const file = (filePath: string) => filePath.split(/[\\/]/).pop()!;
  const drain = async (parse: (filePath: string) => Promise<ParsedDocument>) => {
    while (next < filePaths.length) {
      const i = next++;
      const filePath = filePaths[i]!;
      try {
        settle(i, { file: file(filePath), document: await parse(filePath) });
      } catch (error) {
        settle(i, { file: file(filePath), error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
  };
  if (threads <= 0) {
    await drain(parseDocumentFile);
    return outcomes;
  }
  const pool = Array.from({ length: threads }, () => new ParseThread());
  try {
    await Promise.all(pool.map((thread) => drain((filePath) => thread.parse(filePath))));
  } finally {
    await Promise.all(pool.map((thread) => thread.terminate()));
  }
  return outcomes;
}
