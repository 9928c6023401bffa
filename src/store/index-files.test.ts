import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexError } from "../errors.ts";
import { INDEX_FORMAT_VERSION, buildsDir, currentBuildDir, publishBuild, readIndexFiles, writeJson } from "./index-files.ts";

let indexDir: string;
beforeEach(async () => {
  indexDir = await fs.mkdtemp(path.join(os.tmpdir(), "rc-index-"));
});
afterEach(async () => {
  await fs.rm(indexDir, { recursive: true, force: true });
});

async function writeMinimalBuild(dir: string, chunkCount = 0) {
  await writeJson(path.join(dir, "documents.json"), []);
  await writeJson(path.join(dir, "chunks.json"), Array.from({ length: chunkCount }, (_, i) => ({ id: `x:${i}` })));
  await writeJson(path.join(dir, "links.json"), []);
  await writeJson(path.join(dir, "manifest.json"), {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    corpusHash: "h",
    files: [],
    embedder: { id: "test", dimensions: 3 },
    documentCount: 0,
    chunkCount,
  });
}

describe("publishBuild", () => {
  it("publishes a complete build and points CURRENT at it", async () => {
    const dir = await publishBuild(indexDir, (tmp) => writeMinimalBuild(tmp, 2));
    expect(await currentBuildDir(indexDir)).toBe(dir);
    expect((await readIndexFiles(dir)).chunks).toHaveLength(2);
  });

  it("leaves the previous build live when writing fails midway", async () => {
    const first = await publishBuild(indexDir, (tmp) => writeMinimalBuild(tmp, 1));
    await expect(
      publishBuild(indexDir, async (tmp) => {
        await fs.writeFile(path.join(tmp, "documents.json"), "[");
        throw new Error("interrupted");
      }),
    ).rejects.toThrow("interrupted");
    expect(await currentBuildDir(indexDir)).toBe(first);
    expect((await readIndexFiles(first)).chunks).toHaveLength(1);
    const leftovers = (await fs.readdir(buildsDir(indexDir))).filter((name) => name.startsWith(".tmp-"));
    expect(leftovers).toEqual([]);
  });

  it("keeps the previous build for readers and prunes older ones", async () => {
    const a = await publishBuild(indexDir, (tmp) => writeMinimalBuild(tmp));
    const b = await publishBuild(indexDir, (tmp) => writeMinimalBuild(tmp));
    const c = await publishBuild(indexDir, (tmp) => writeMinimalBuild(tmp));
    const names = await fs.readdir(buildsDir(indexDir));
    expect(names.sort()).toEqual([path.basename(b), path.basename(c)].sort());
    expect(names).not.toContain(path.basename(a));
  });
});

describe("readIndexFiles", () => {
  it("names the truncated file and the rebuild command", async () => {
    const dir = await publishBuild(indexDir, (tmp) => writeMinimalBuild(tmp, 3));
    const file = path.join(dir, "chunks.json");
    const raw = await fs.readFile(file, "utf8");
    await fs.writeFile(file, raw.slice(0, raw.length / 2));
    const error = await readIndexFiles(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexError);
    expect((error as IndexError).message).toContain(file);
    expect((error as IndexError).message).toContain("review-chat ingest");
  });

  it("reports no index when CURRENT is absent", async () => {
    expect(await currentBuildDir(indexDir)).toBeNull();
  });
});
