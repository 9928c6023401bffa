// The server's side of the long-lived ingest process (ingest-worker.ts): started ahead of the first
// upload (so pdf.js and the ingest code are loaded before anyone waits on them), sent one job at a
// time, watched for crashes and hangs. A worker that exits mid-job, or sends no heartbeat for
// `stallMs` (its event loop is stuck), fails that job with a clear error and is replaced; the
// server itself never goes down with it, and the last published build stays live.
import { type ChildProcess, spawn } from "node:child_process";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../config.ts";
import { ReviewChatError } from "../errors.ts";
import type { IngestJob, IngestJobResult } from "./ingest-job.ts";
import type { IngestWorkerMessage, IngestWorkerRequest } from "./ingest-worker.ts";

const WORKER_SCRIPT = fileURLToPath(new URL("./ingest-worker.ts", import.meta.url));
/** Crashes within CRASH_WINDOW_MS after which the worker is no longer restarted ahead of need. */
const MAX_EAGER_RESTARTS = 3;
const CRASH_WINDOW_MS = 60_000;
/**
 * Silence allowed outside a job: starting (tsx, the ingest code, pdf.js) takes tens of seconds on a
 * loaded machine before the first heartbeat, and no upload waits on an idle worker's heartbeats.
 */
const IDLE_SILENCE_MS = 300_000;
/** Last lines of the worker's stderr kept to explain a failed start. */
const STDERR_LINES = 20;

export interface IngestWorkerOptions {
  /** No heartbeat for this long while running a job: the worker is hung and is killed (read per job). */
  stallMs: () => number;
  /** Lines the worker prints on stderr outside a job (its start, a crash's stack). */
  log: (line: string) => void;
}

interface RunningJob {
  id: number;
  job: IngestJob;
  log: (line: string) => void;
  onParsedBuild: (buildDir: string) => Promise<void>;
  swapping: Promise<void>;
  resolve: (result: IngestJobResult) => void;
  reject: (error: Error) => void;
}

/**
 * @example
 * const worker = new IngestWorkerProcess({ stallMs: () => 120_000, log: console.error });
 * worker.start(); // warm it now
 * const result = await worker.run(job, console.error, async (buildDir) => swapIn(buildDir));
 */
export class IngestWorkerProcess {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private current: RunningJob | undefined;
  private nextJobId = 1;
  private lastSign = 0;
  private watchdog: NodeJS.Timeout | undefined;
  private stopped = false;
  private busy = false;
  /** The stall limit of the running job. */
  private stallMs = 0;
  /** The watchdog killed the worker after this much silence: its exit is a hang, not a crash. */
  private hungAfterMs: number | null = null;
  private readonly crashes: number[] = [];
  private stderrTail: string[] = [];

  constructor(private readonly options: IngestWorkerOptions) {}

  /** The worker's process id while it runs (for operators and tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Start the worker unless it runs already; resolves once it has loaded and warmed up. */
  start(): Promise<void> {
    this.stopped = false;
    this.ready ??= this.spawn();
    return this.ready;
  }

  /** Run one job (the caller runs one at a time); `onParsedBuild` is told of the BM25-searchable publish. */
  async run(job: IngestJob, log: (line: string) => void, onParsedBuild: (buildDir: string) => Promise<void>): Promise<IngestJobResult> {
    if (this.current || this.busy) throw new ReviewChatError("conflict", "An ingest is already running; try again when it has finished");
    // Someone waits on the worker now: it keeps this process alive until the job is over.
    this.setBusy(true);
    try {
      await this.start();
      return await this.send(job, log, onParsedBuild);
    } finally {
      this.setBusy(false);
    }
  }

  /** An idle worker never keeps this process alive; a busy one does (a CLI or script waits on it). */
  private setBusy(busy: boolean): void {
    this.busy = busy;
    const child = this.child;
    if (!child) return;
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  }

  private send(job: IngestJob, log: (line: string) => void, onParsedBuild: (buildDir: string) => Promise<void>): Promise<IngestJobResult> {
    const child = this.child;
    if (!child?.connected) throw new ReviewChatError("internal", "The ingest worker is not running; try again");
    return new Promise<IngestJobResult>((resolve, reject) => {
      const id = this.nextJobId++;
      this.current = { id, job, log, onParsedBuild, swapping: Promise.resolve(), resolve, reject };
      // Its silence is measured from the job's start, not from the last idle heartbeat.
      this.lastSign = Date.now();
      this.stallMs = this.options.stallMs();
      child.send({ type: "run", jobId: id, job } satisfies IngestWorkerRequest);
    });
  }

  /** Stop the worker (a job still running fails); a later `run` or `start` starts a new one. */
  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  private spawn(): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER_SCRIPT], {
      cwd: PROJECT_ROOT,
      env: process.env,
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.child = child;
    this.stderrTail = [];
    this.lastSign = Date.now();
    // The server may exit while the worker idles: the worker leaves when its IPC channel closes.
    this.setBusy(this.busy);
    let pending = "";
    child.stderr!.setEncoding("utf8").on("data", (data: string) => {
      pending += data;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines.filter((l) => l.trim())) {
        this.stderrTail = [...this.stderrTail, line].slice(-STDERR_LINES);
        (this.current?.log ?? this.options.log)(line);
      }
    });
    (child.stderr as Socket).unref();
    this.armWatchdog(child);

    return new Promise<void>((resolve, reject) => {
      let started = false;
      child.on("message", (message: IngestWorkerMessage) => {
        this.lastSign = Date.now();
        if (message.type === "ready") {
          started = true;
          resolve();
        } else this.receive(message);
      });
      child.once("error", (cause) => {
        if (!started) reject(new ReviewChatError("internal", `Could not start the ingest worker: ${cause.message}`, { cause }));
      });
      child.once("exit", (code, signal) => {
        this.disarmWatchdog();
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
        const how = this.hungAfterMs !== null
          ? `no heartbeat for ${Math.round(this.hungAfterMs / 1000)} s: hung, killed`
          : signal
            ? `signal ${signal}`
            : `code ${code}`;
        this.hungAfterMs = null;
        if (!started) {
          const tail = this.stderrTail.slice(-5).join(" | ");
          reject(new ReviewChatError("internal", `The ingest worker exited while starting (${how})${tail ? `: ${tail}` : ""}`));
        }
        this.onExit(how, started);
      });
    });
  }

  private receive(message: IngestWorkerMessage): void {
    const job = this.current;
    if (message.type === "alive" || !job || !("jobId" in message) || message.jobId !== job.id) return;
    if (message.type === "log") job.log(message.line);
    else if (message.type === "parsed") {
      job.swapping = job.onParsedBuild(message.buildDir).catch((error: unknown) =>
        job.log(`The BM25-searchable build could not be served: ${error instanceof Error ? error.message : String(error)}`),
      );
    } else if (message.type === "done") {
      this.current = undefined;
      const { output } = message;
      // The first swap finishes before the final one can be asked for.
      if (output.ok) void job.swapping.then(() => job.resolve(output.result));
      else job.reject(new ReviewChatError(output.error.code, output.error.message));
    }
  }

  private onExit(how: string, started: boolean): void {
    const job = this.current;
    this.current = undefined;
    if (job) {
      const what = job.job.upload ? `ingesting ${job.job.upload.fileName}` : "re-scanning the corpus";
      job.reject(
        new ReviewChatError("ingest_failed", `The ingest worker stopped (${how}) while ${what}; it has been restarted, and the index published before is still served`),
      );
    }
    if (this.stopped || !started) return;
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && this.crashes[0]! < now - CRASH_WINDOW_MS) this.crashes.shift();
    this.options.log(`The ingest worker stopped (${how}); starting another`);
    // Warm again for the next upload, unless it keeps dying: then the next job starts it (and reports why).
    if (this.crashes.length <= MAX_EAGER_RESTARTS) this.start().catch((error: unknown) => this.options.log(String(error)));
  }

  private armWatchdog(child: ChildProcess): void {
    this.disarmWatchdog();
    this.watchdog = setInterval(() => {
      const limit = this.current ? this.stallMs : Math.max(this.stallMs, IDLE_SILENCE_MS);
      if (Date.now() - this.lastSign <= limit) return;
      this.options.log(`The ingest worker sent no heartbeat for ${Math.round(limit / 1000)} s; killing it`);
      this.disarmWatchdog();
      this.hungAfterMs = limit;
      child.kill("SIGKILL");
    }, Math.min(1_000, this.stallMs));
    this.watchdog.unref();
  }

  private disarmWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}
