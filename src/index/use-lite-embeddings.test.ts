import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import { cosine } from "../retrieve/vector-math.ts";
import { createEmbeddings } from "./create-embeddings.ts";
import { USE_LITE_MODEL_ID, UseLiteEmbeddings } from "./use-lite-embeddings.ts";

const texts = [
  "Solid lipid nanoparticles loaded with docetaxel prevent lung metastasis.",
  "miR-21 targets PTEN and drives trastuzumab resistance.",
  "P-glycoprotein pumps doxorubicin out of resistant cells.",
];
const local = new UseLiteEmbeddings({ workers: 0 });
const pooled = new UseLiteEmbeddings({ workers: 2, batchSize: 1 });
afterAll(async () => {
  await Promise.all([local.close(), pooled.close()]);
});

describe("UseLiteEmbeddings", () => {
  it("embeds offline into 512 dimensions, with the same vectors on the worker pool", async () => {
    const [a, b] = await Promise.all([local.embedDocuments(texts), pooled.embedDocuments(texts)]);
    expect(a).toHaveLength(3);
    for (const [i, vector] of a.entries()) {
      expect(vector).toHaveLength(512);
      expect(cosine(vector, b[i]!)).toBeGreaterThan(0.9999);
    }
    // Related texts are closer than unrelated ones.
    const query = await local.embedQuery("Which protein pumps drugs out of cells?");
    expect(cosine(query, a[2]!)).toBeGreaterThan(cosine(query, a[0]!));
    expect(cosine(query, a[2]!)).toBeGreaterThan(cosine(query, a[1]!));
  });

  it("keeps each text's vector when texts of very different lengths are sorted into batches", async () => {
    const mixed = [
      texts[0]!,
      `${texts[1]} It is overexpressed in resistant tumours, and its inhibition restores sensitivity in xenografts.`,
      "Doxorubicin.",
      texts[2]!.repeat(8), // past the 128 tokens the model reads
      texts[1]!,
    ];
    const batched = new UseLiteEmbeddings({ workers: 0, batchSize: 2 });
    const [together, alone] = await Promise.all([
      batched.embedDocuments(mixed),
      Promise.all(mixed.map((text) => local.embedQuery(text))),
    ]);
    for (const [i, vector] of together.entries()) expect(cosine(vector, alone[i]!)).toBeGreaterThan(0.99999);
    expect(cosine(together[0]!, together[4]!)).toBeLessThan(0.99);
  });

  it("measures a text in the model's tokens, up to the 128 it reads", () => {
    const short = local.inputLength("Doxorubicin.");
    expect(short).toBeGreaterThan(1);
    expect(local.inputLength(texts[0]!)).toBeGreaterThan(short);
    expect(local.inputLength(texts[0]!.repeat(20))).toBe(128);
  });

  it("splits tensors on the WASM backend exactly as slicing does (the faster SplitV)", async () => {
    const require = createRequire(import.meta.url);
    const core = require.resolve("@energetic-ai/core", { paths: [require.resolve("@energetic-ai/embeddings")] });
    await local.embedQuery("load the runtime");
    interface Tensor { shape: number[]; dataSync(): Float32Array }
    const tf = require(core) as {
      randomNormal(shape: number[]): Tensor;
      split(x: Tensor, sizes: number[], axis: number): Tensor[];
      slice(x: Tensor, begin: number[], size: number[]): Tensor;
      dispose(tensors: Tensor[]): void;
    };
    const x = tf.randomNormal([3, 5, 12]);
    const parts = tf.split(x, [4, 6, 2], -1);
    expect(parts.map((part) => part.shape)).toEqual([[3, 5, 4], [3, 5, 6], [3, 5, 2]]);
    const sliced = [tf.slice(x, [0, 0, 0], [3, 5, 4]), tf.slice(x, [0, 0, 4], [3, 5, 6]), tf.slice(x, [0, 0, 10], [3, 5, 2])];
    for (const [i, part] of parts.entries()) expect(Array.from(part.dataSync())).toEqual(Array.from(sliced[i]!.dataSync()));
    // Along another axis the original kernel still answers.
    const rows = tf.split(x, [1, 2], 0);
    expect(Array.from(rows[1]!.dataSync())).toEqual(Array.from(tf.slice(x, [1, 0, 0], [2, 5, 12]).dataSync()));
    tf.dispose([x, ...parts, ...sliced, ...rows]);
  });

  it("handles empty input", async () => {
    expect(await local.embedDocuments([])).toEqual([]);
    expect(await local.embedQuery("   ")).toHaveLength(512);
  });
});

describe("createEmbeddings", () => {
  it("names each embedder by model", () => {
    expect(createEmbeddings({ provider: "use-lite", model: "ignored" }).modelId).toBe(USE_LITE_MODEL_ID);
    expect(
      createEmbeddings({ provider: "openai", model: "text-embedding-3-small", baseUrl: "http://127.0.0.1:9/v1" }).modelId,
    ).toBe("openai:text-embedding-3-small");
  });

  it("refuses OpenAI without a key or a server", () => {
    expect(() => createEmbeddings({ provider: "openai", model: "m" })).toThrow(/OPENAI_API_KEY/);
  });
});

describe("UseLiteEmbeddings workers: auto", () => {
  it("embeds a multi-batch input whether or not a core is spare", async () => {
    const auto = new UseLiteEmbeddings({ workers: "auto", batchSize: 1 });
    try {
      const [a, b] = await Promise.all([auto.embedDocuments(texts), local.embedDocuments(texts)]);
      for (const [i, vector] of a.entries()) expect(cosine(vector, b[i]!)).toBeGreaterThan(0.9999);
    } finally {
      await auto.close();
    }
  });
});
