import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type DocumentProgress,
  type IngestProgress,
  IngestProgressRecorder,
  describeProgress,   progressFile,
  readIngestProgress,
  servedDocumentStates,
} from "./ingest-progress.ts";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "ingest-progress-test-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("IngestProgressRecorder", () => {
  it("writes each document's state where readers find it, and marks the run finished", async () => {
    const recorder = new IngestProgressRecorder(dir, ["a.pdf", "b.txt"]);
    await recorder.set("a.pdf", { state: "parsed", docId: "smith2024" });
    await recorder.set("a.pdf", { state: "embedding", vectors: { done: 2, total: 5 } });
    let read = await readIngestProgress(dir);
    expect(read?.finished).toBe(false);
    expect(read?.documents).toEqual([
      { file: "a.pdf", state: "embedding", docId: "smith2024", vectors: { done: 2, total: 5 } },
      { file: "b.txt", state: "parsing" },
    ]);
    await recorder.finish();
    read = await readIngestProgress(dir);
    expect(read?.finished).toBe(true);
  });

  it("ignores the file of an ingest that died unfinished, and a garbled one", async () => {
    const dead = { pid: 2 ** 22 + 12345, startedAt: "", updatedAt: "", finished: false, documents: [] };
    await fs.writeFile(progressFile(dir), JSON.stringify(dead));
    expect(await readIngestProgress(dir)).toBeNull();
    await fs.writeFile(progressFile(dir), "{not json");
    expect(await readIngestProgress(dir)).toBeNull();
  });
});

const progressOf = (finished: boolean, documents: DocumentProgress[]): IngestProgress => ({
  pid: process.pid,
  startedAt: "",
  updatedAt: "",
  finished,
  documents,
});

describe("servedDocumentStates", () => {
  const manifest = {
    files: [
      { file: "old.txt", sha256: "", docId: "old2020" },
      { file: "new.pdf", sha256: "", docId: "new2024" },
      { file: "bad.pdf", sha256: "", error: "no text" },
    ],
    pendingDocuments: ["new2024"],
  };

  it("reads ready for documents with vectors and the ingest's progress for the others", () => {
    const progress = progressOf(false, [{ file: "new.pdf", docId: "new2024", state: "embedding", vectors: { done: 4, total: 10 } }]);
    const states = servedDocumentStates(manifest, progress);
    expect(states.get("old2020")?.label).toBe("ready");
    expect(states.get("new2024")).toEqual({ state: "embedding", label: "embedding 40 %", vectors: { done: 4, total: 10 } });
    expect(states.size).toBe(2);
  });

  it("says parsed for a document without vectors when no ingest reports on it", () => {
    expect(servedDocumentStates(manifest, null).get("new2024")?.label).toBe("parsed");
  });

  it("does not call a document ready before the build with its vectors is served", () => {
    const progress = progressOf(true, [{ file: "new.pdf", docId: "new2024", state: "ready", vectors: { done: 10, total: 10 } }]);
    expect(servedDocumentStates(manifest, progress).get("new2024")?.label).toBe("embedding 100 %");
  });
});

describe("describeProgress", () => {
  it("gives a percentage only while embedding", () => {
    expect(describeProgress({ state: "embedding", vectors: { done: 1, total: 3 } })).toBe("embedding 33 %");
    expect(describeProgress({ state: "parsed" })).toBe("parsed");
  });
});
