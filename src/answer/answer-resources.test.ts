// The answer-side lookups reuse what the loaded search engine already built, and build their own
// when the retriever knows other documents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type LoadedIndex, loadIndex } from "../store/load-index.ts";
import { Corpus } from "../store/corpus.ts";
import { createAnswerResources } from "./answer-resources.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";

const embeddings = new CountingUseLite({ workers: 0 });
let loaded: LoadedIndex;
beforeAll(async () => {
  loaded = await loadIndex(loadConfig({}).indexDir, embeddings);
});
afterAll(() => embeddings.close());

describe("createAnswerResources", () => {
  it("shares the search engine's document recogniser instead of building a second", () => {
    const res = createAnswerResources(loaded.corpus, loaded.engine);
    expect(res.mentions).toBe(loaded.engine.mentions);
    expect(res.mentions.find("What does the Verma review say about exosomes?")).toEqual(["verma2024"]);
  });

  it("builds its own when the engine knows other documents", () => {
    const one = loaded.files.documents.filter((doc) => doc.meta.id === "guan2024");
    const corpus = new Corpus({ documents: one, chunks: loaded.files.chunks.filter((chunk) => chunk.docId === "guan2024"), links: [] });
    const res = createAnswerResources(corpus, loaded.engine);
    expect(res.mentions).not.toBe(loaded.engine.mentions);
    expect(res.mentions.find("What do Guan et al. and the Verma review say?")).toEqual(["guan2024"]);
  });
});
