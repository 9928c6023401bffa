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
