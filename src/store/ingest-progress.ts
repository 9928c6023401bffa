// Per-document progress of the running (or last) ingest, in one small JSON file beside the builds
// (index/ingest-progress.json), so every process that serves the index (cluster workers, another
// server, `review-chat docs`) can show it: parsed → embedding n % → ready. Written by the ingest
// (atomically: temp file + rename), read on demand.
import fs from "node:fs/promises";
import path from "node:path";
import { type IndexManifest, isAlive } from "./index-files.ts";

/** parsing: not read yet; parsed: BM25-searchable, vectors pending; embedding: vectors being made; ready: searchable both ways. */
export type DocumentIngestState = "parsing" | "parsed" | "embedding" | "ready" | "failed";

export interface DocumentProgress {
  file: string;
  docId?: string;
  state: DocumentIngestState;
  /** Texts with vectors (sentence windows or chunks) out of the document's total. */
  vectors?: { done: number; total: number };
  error?: string;
}

export interface IngestProgress {
  pid: number;
  startedAt: string;
  updatedAt: string;
  /** False while the ingest runs; a file left unfinished by a process that is gone is stale. */
  finished: boolean;
  documents: DocumentProgress[];
}

export const progressFile = (indexDir: string) => path.join(indexDir, "ingest-progress.json");

/** "embedding 40 %" — how a state reads in the CLI, logs and the viewer. */
export function describeProgress(progress: Pick<DocumentProgress, "state" | "vectors">): string {
  if (progress.state === "embedding" && progress.vectors && progress.vectors.total > 0) {
    return `embedding ${Math.floor((100 * progress.vectors.done) / progress.vectors.total)} %`;
  }
  return progress.state;
}

/** The progress file, or null when there is none, it is unreadable, or its ingest died unfinished. */
export async function readIngestProgress(indexDir: string): Promise<IngestProgress | null> {
  try {
    const progress = JSON.parse(await fs.readFile(progressFile(indexDir), "utf8")) as IngestProgress;
    if (!Array.isArray(progress.documents)) return null;
    if (!progress.finished && !isAlive(progress.pid)) return null;
    return progress;
  } catch {
    return null;
  }
}

/** Minimum time between two writes of embedding percentages (state changes are written at once). */
const WRITE_INTERVAL_MS = 500;

/**
 * The ingest's side: holds every document's progress and writes the file on each state change,
 * and at most every 500 ms for percentages.
 *
 * @example
 * const recorder = new IngestProgressRecorder("index", ["a.pdf"]);
 * await recorder.set("a.pdf", { state: "parsed", docId: "smith2024" });
 */
export class IngestProgressRecorder {
  private readonly progress: IngestProgress;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly indexDir: string,
    files: string[],
  ) {
    const now = new Date().toISOString();
    this.progress = { pid: process.pid, startedAt: now, updatedAt: now, finished: false, documents: files.map((file) => ({ file, state: "parsing" })) };
  }

  get documents(): readonly DocumentProgress[] {
    return this.progress.documents;
  }

  /** Update one file's entry; percentages only (same state) are written at most every 500 ms. */
  set(file: string, update: Partial<Omit<DocumentProgress, "file">>): Promise<void> {
    const entry = this.progress.documents.find((doc) => doc.file === file);
    if (!entry) return Promise.resolve();
    const stateChanged = update.state !== undefined && update.state !== entry.state;
    Object.assign(entry, update);
    if (!stateChanged && Date.now() - this.lastWrite < WRITE_INTERVAL_MS) return this.writing;
    return this.write();
  }

  finish(): Promise<void> {
    this.progress.finished = true;
    return this.write();
  }

  /** Writes one after another, each a whole file renamed into place. */
  write(): Promise<void> {
    this.lastWrite = Date.now();
    this.progress.updatedAt = new Date().toISOString();
    const snapshot = JSON.stringify(this.progress);
    this.writing = this.writing.then(async () => {
      await fs.mkdir(this.indexDir, { recursive: true });
      const tmp = path.join(this.indexDir, `.ingest-progress.${process.pid}.tmp`);
      await fs.writeFile(tmp, snapshot);
      await fs.rename(tmp, progressFile(this.indexDir));
    });
    return this.writing;
  }
}

/** A document's state as served: what the served build holds, refined by the running ingest's file. */
export interface ServedDocumentState {
  state: DocumentIngestState;
  /** "embedding 40 %", "parsed", "ready". */
  label: string;
  vectors: { done: number; total: number } | null;
}

/**
 * Per document of the served build: "ready" when its vectors are in the build, else the ingest's
 * progress for it ("parsed", "embedding n %"). A document the ingest has finished but the server has
 * not swapped in yet reads "embedding 100 %": its vectors exist but are not searched yet.
 *
 * @example
 * servedDocumentStates(manifest, await readIngestProgress(indexDir)).get("smith2024"); // { state: "embedding", label: "embedding 40 %", … }
 */
export function servedDocumentStates(
  manifest: Pick<IndexManifest, "files" | "pendingDocuments">,
  progress: IngestProgress | null,
): Map<string, ServedDocumentState> {
  const pending = new Set(manifest.pendingDocuments ?? []);
  const byFile = new Map((progress?.documents ?? []).map((doc) => [doc.file, doc]));
  const states = new Map<string, ServedDocumentState>();
  for (const record of manifest.files) {
    if (record.docId === undefined) continue;
    const live = byFile.get(record.file);
    let entry: Pick<DocumentProgress, "state" | "vectors">;
    if (!pending.has(record.docId)) entry = { state: "ready", vectors: live?.state === "ready" ? live.vectors : undefined };
    else if (live && (live.state === "parsed" || live.state === "embedding")) entry = live;
    else {
      const total = live?.vectors?.total ?? 0;
      entry = live?.state === "ready" ? { state: "embedding", vectors: { done: total, total } } : { state: "parsed" };
    }
    states.set(record.docId, { state: entry.state, label: describeProgress(entry), vectors: entry.vectors ?? null });
  }
  return states;
}
