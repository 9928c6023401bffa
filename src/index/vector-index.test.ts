import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { IndexError } from "../errors.ts";
import { currentBuildDir, readIndexFiles } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import { buildVectorIndex, loadVectorStore } from "./vector-index.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";

let dir: string;
let chunks: Chunk[];
const embeddings = new CountingUseLite();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "vector-index-test-"));
  const buildDir = await currentBuildDir(loadConfig({}).indexDir);
  if (!buildDir) throw new Error("no index: run `npx review-chat ingest` (the test setup builds it)");
  chunks = (await readIndexFiles(buildDir)).chunks.slice(0, 3);
});
afterAll(async () => {
  await embeddings.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("buildVectorIndex", () => {
  it("embeds nothing the second time the same chunks are indexed", async () => {
    const cacheDir = path.join(dir, "cache");
    const first = await buildVectorIndex(chunks, embeddings, path.join(dir, "v1"), { cacheDir });
    expect(first.dimensions).toBe(512);
    expect(first.embedded).toBeGreaterThan(0);
    expect(first.vectors).toBeGreaterThanOrEqual(chunks.length);

    const before = embeddings.embeddedTexts;
    const progress: number[] = [];
    const second = await buildVectorIndex(chunks, embeddings, path.join(dir, "v2"), {
      cacheDir,
      onProgress: (done, total) => {
        expect(total).toBe(chunks.length);
        progress.push(done);
      },
    });
    expect(second.embedded).toBe(0);
    expect(second.cached).toBe(first.vectors);
    expect(embeddings.embeddedTexts).toBe(before);
    expect(progress.at(-1)).toBe(chunks.length);
    expect(await fs.readdir(path.join(dir, "v2"))).toEqual(expect.arrayContaining(["hnswlib.index", "docstore.json", "args.json"]));
  });

  it("stores one vector per sentence window, each tagged with its chunk id", async () => {
    const store = await loadVectorStore(path.join(dir, "v1"), embeddings);
    const count = store.index.getCurrentCount();
    const ids = new Set<string>();
    for (let label = 0; label < count; label++) {
      const doc = store.docstore.search(String(label));
      if (typeof doc !== "string") ids.add(doc.metadata.id as string);
    }
    expect(ids).toEqual(new Set(chunks.map((c) => c.id)));
  });

  it("indexes an empty corpus into a valid empty index", async () => {
    const stats = await buildVectorIndex([], embeddings, path.join(dir, "empty"), { cacheDir: path.join(dir, "cache") });
    expect(stats).toMatchObject({ dimensions: 512, vectors: 0 });
    expect((await loadVectorStore(path.join(dir, "empty"), embeddings)).index.getCurrentCount()).toBe(0);
  });
});

describe("loadVectorStore", () => {
  it("reports a missing or unreadable index with a rebuild hint", async () => {
    const missing = await loadVectorStore(path.join(dir, "nope"), embeddings).catch((e: unknown) => e);
    expect((missing as IndexError).code).toBe("index_missing");
    const broken = path.join(dir, "broken");
    await fs.mkdir(broken);
    await fs.writeFile(path.join(broken, "hnswlib.index"), "not an index");
    const corrupt = await loadVectorStore(broken, embeddings).catch((e: unknown) => e);
    expect(corrupt).toBeInstanceOf(IndexError);
    expect((corrupt as IndexError).code).toBe("index_corrupt");
    expect((corrupt as IndexError).message).toContain("review-chat ingest");
  });
});
