import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Document } from "@langchain/core/documents";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChunkVectorMetadata } from "../index/vector-index.ts";
import { INDEX_FORMAT_VERSION, type IndexManifest, vectorsDir } from "./index-files.ts";
import { reuseLiveVectors } from "./reuse-live-vectors.ts";

let root: string;
let liveDir: string;
const window = (id: string, i: number, text: string) =>
  new Document<ChunkVectorMetadata>({ pageContent: text, metadata: { id, docId: id.split(":")[0]!, window: i } });
const liveWindows = [window("a2020:0000", 0, "First window."), window("a2020:0000", 1, "Second window."), window("b2021:0000", 0, "Other paper.")];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "reuse-live-vectors-"));
  liveDir = path.join(root, "live");
  await fs.mkdir(vectorsDir(liveDir), { recursive: true });
  const manifest: Partial<IndexManifest> = { formatVersion: INDEX_FORMAT_VERSION, files: [], embedder: { id: "model-a", dimensions: 3 } };
  await fs.writeFile(path.join(liveDir, "manifest.json"), JSON.stringify(manifest));
  // The layout LangChain's HNSWLib.save writes: labels "0".."n-1" in insertion order.
  await fs.writeFile(path.join(vectorsDir(liveDir), "docstore.json"), JSON.stringify(liveWindows.map((doc, i) => [String(i), doc])));
  await fs.writeFile(path.join(vectorsDir(liveDir), "args.json"), JSON.stringify({ space: "cosine", numDimensions: 3 }));
  await fs.writeFile(path.join(vectorsDir(liveDir), "hnswlib.index"), Buffer.from([1, 2, 3]));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe("reuseLiveVectors", () => {
  it("links the live build's vector files when they hold exactly the windows wanted", async () => {
    const target = path.join(root, "new", "vectors");
    expect(await reuseLiveVectors(liveDir, "model-a", liveWindows, target)).toEqual({ dimensions: 3 });
    for (const name of ["args.json", "docstore.json", "hnswlib.index"]) {
      const [a, b] = await Promise.all([fs.stat(path.join(vectorsDir(liveDir), name)), fs.stat(path.join(target, name))]);
      expect(b.ino).toBe(a.ino);
    }
  });

  it("builds anew (null) when a text, a chunk, the order, the count or the embedder differs", async () => {
    const target = path.join(root, "new", "vectors");
    const changedText = [liveWindows[0]!, window("a2020:0000", 1, "Second window, edited."), liveWindows[2]!];
    const renamedChunk = [liveWindows[0]!, liveWindows[1]!, window("b2021a:0000", 0, "Other paper.")];
    const reordered = [liveWindows[1]!, liveWindows[0]!, liveWindows[2]!];
    for (const wanted of [changedText, renamedChunk, reordered, liveWindows.slice(0, 2)]) {
      expect(await reuseLiveVectors(liveDir, "model-a", wanted, target)).toBeNull();
    }
    expect(await reuseLiveVectors(liveDir, "model-b", liveWindows, target)).toBeNull();
    expect(await reuseLiveVectors(null, "model-a", liveWindows, target)).toBeNull();
    expect(existsSync(target)).toBe(false);
  });
});
