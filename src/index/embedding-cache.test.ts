import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosine } from "../retrieve/vector-math.ts";
import { EmbeddingCache, cacheFile, embedWithCache, fillCache, hashText } from "./embedding-cache.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";

let dir: string;
const embeddings = new CountingUseLite();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "embedding-cache-test-"));
});
afterAll(async () => {
  await embeddings.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("fillCache", () => {
  it("embeds the longest texts first, in groups of similar length, each vector under its own text", async () => {
    const texts = [
      "Short.",
      "Paclitaxel-loaded micelles overcome multidrug resistance by bypassing efflux pumps in resistant cells.",
      "Exosomes transfer miR-221.",
      "Hypoxia induces HIF-1α, which raises P-glycoprotein expression and lowers the uptake of anthracyclines in tumours.",
    ];
    const groups: string[][] = [];
    const recording = new (class extends CountingUseLite {
      override async embedDocuments(group: string[]) {
        groups.push(group);
        return super.embedDocuments(group);
      }
    })();
    try {
      const cache = EmbeddingCache.inMemory();
      await fillCache(cache, texts, recording, { groupSize: 2 });
      expect(groups.map((group) => new Set(group))).toEqual([new Set([texts[3], texts[1]]), new Set([texts[2], texts[0]])]);
      for (const text of texts) {
        expect(cosine(Array.from(cache.get(hashText(text))!), await embeddings.embedQuery(text))).toBeGreaterThan(0.99999);
      }
    } finally {
      await recording.close();
    }
  });
});

describe("embedWithCache", () => {
  it("embeds each distinct text once and serves repeats from the cache file", async () => {
    const texts = ["Liposomes carry doxorubicin.", "P-gp pumps drugs out.", "Liposomes carry doxorubicin."];
    const progress: [number, number][] = [];
    const first = await embedWithCache(texts, embeddings, { cacheDir: dir, onProgress: (d, t) => progress.push([d, t]) });
    expect(first.embedded).toBe(2);
    expect(first.vectors).toHaveLength(3);
    expect(first.vectors[0]).toHaveLength(512);
    expect(first.vectors[2]).toEqual(first.vectors[0]);
    expect(progress.at(-1)).toEqual([3, 3]);

    const before = embeddings.embeddedTexts;
    const second = await embedWithCache(texts, embeddings, { cacheDir: dir });
    expect(second.embedded).toBe(0);
    expect(second.cached).toBe(3);
    expect(embeddings.embeddedTexts).toBe(before);
    // float32 storage: equal to the first run's vectors to float precision.
    for (const [i, vector] of second.vectors.entries()) {
      for (const [j, x] of vector.entries()) expect(x).toBeCloseTo(first.vectors[i]![j]!, 6);
    }
  });

  it("survives a torn record at the end of the file", async () => {
    const file = cacheFile(dir, embeddings.modelId);
    const size = (await fs.stat(file)).size;
    await fs.appendFile(file, Buffer.from(hashText("half-written"), "hex"));
    const cache = await EmbeddingCache.open(dir, embeddings.modelId);
    expect(cache.size).toBe(2);
    expect(cache.get(hashText("P-gp pumps drugs out."))).toHaveLength(512);
    expect((await fs.stat(file)).size).toBeGreaterThan(size);
  });

  it("keeps one file per model", () => {
    expect(cacheFile(dir, "use-lite-512")).not.toBe(cacheFile(dir, "openai:text-embedding-3-small"));
    expect(path.basename(cacheFile(dir, "openai:text-embedding-3-small"))).toMatch(/^openai_text-embedding-3-small-[0-9a-f]{8}\.vec$/);
  });
});
