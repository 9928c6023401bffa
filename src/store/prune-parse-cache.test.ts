import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parsedCacheFile } from "../ingest/parsed-cache.ts";
import { INDEX_FORMAT_VERSION, type IndexManifest, buildsDir, cacheDir } from "./index-files.ts";
import { pruneParseCache } from "./prune-parse-cache.ts";

let indexDir: string;

beforeEach(async () => {
  indexDir = await fs.mkdtemp(path.join(os.tmpdir(), "prune-parse-cache-"));
});

afterEach(async () => {
  await fs.rm(indexDir, { recursive: true, force: true });
});

async function writeBuild(name: string, files: { file: string; sha256: string }[]): Promise<void> {
  const dir = path.join(buildsDir(indexDir), name);
  await fs.mkdir(dir, { recursive: true });
  const manifest: IndexManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    corpusHash: name,
    files,
    embedder: { id: "test", dimensions: 3 },
    documentCount: files.length,
    chunkCount: 0,
  };
  await fs.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
}

async function cacheEntry(file: string, sha256: string): Promise<string> {
  const target = parsedCacheFile(cacheDir(indexDir), file, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, "{}");
  return target;
}

describe("pruneParseCache", () => {
  it("keeps the parses of every kept build (live and previous) and removes the rest", async () => {
    // The previous build had a.pdf v1 and b.md; the live one a.pdf v2 and b.md.
    await writeBuild("previous", [{ file: "a.pdf", sha256: "a1" }, { file: "b.md", sha256: "b1" }]);
    await writeBuild("live", [{ file: "a.pdf", sha256: "a2" }, { file: "b.md", sha256: "b1" }]);
    const kept = [await cacheEntry("a.pdf", "a1"), await cacheEntry("a.pdf", "a2"), await cacheEntry("b.md", "b1")];
    const orphans = [await cacheEntry("a.pdf", "a0"), await cacheEntry("removed.txt", "r1")];
    // A temp file of a writer that is gone, and one of a writer still running (this process).
    const deadTmp = `${orphans[0]}.999999999.tmp`;
    const liveTmp = `${orphans[0]}.${process.pid}.tmp`;
    await fs.writeFile(deadTmp, "{");
    await fs.writeFile(liveTmp, "{");

    expect(await pruneParseCache(indexDir, cacheDir(indexDir))).toEqual({ kept: 4, removed: 3 });
    for (const file of [...kept, liveTmp]) expect(existsSync(file), file).toBe(true);
    for (const file of [...orphans, deadTmp]) expect(existsSync(file), file).toBe(false);
  });

  it("removes nothing while a build is being written, or when a build's manifest cannot be read", async () => {
    await writeBuild("live", [{ file: "a.pdf", sha256: "a2" }]);
    const orphan = await cacheEntry("old.pdf", "o1");
    await fs.mkdir(path.join(buildsDir(indexDir), `.tmp-${process.pid}-abc`));
    expect(await pruneParseCache(indexDir, cacheDir(indexDir))).toEqual({ kept: 1, removed: 0 });
    await fs.rm(path.join(buildsDir(indexDir), `.tmp-${process.pid}-abc`), { recursive: true });
    await fs.mkdir(path.join(buildsDir(indexDir), "damaged"));
    expect(await pruneParseCache(indexDir, cacheDir(indexDir))).toEqual({ kept: 1, removed: 0 });
    expect(existsSync(orphan)).toBe(true);
    await fs.rm(path.join(buildsDir(indexDir), "damaged"), { recursive: true });
    expect(await pruneParseCache(indexDir, cacheDir(indexDir))).toEqual({ kept: 0, removed: 1 });
  });
});
