// Against the real index of the real corpus (built by the test setup), with the real USE-lite model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type LoadedIndex, loadIndex } from "../store/load-index.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";
import { answerResourcesFor } from "./answerer-for.ts";
import { warmUpIndex } from "./warm-up.ts";

const embeddings = new CountingUseLite();
let index: LoadedIndex;

beforeAll(async () => {
  index = await loadIndex(loadConfig({}).indexDir, embeddings);
});
afterAll(() => embeddings.close());

describe("warmUpIndex", () => {
  it("builds the answer lookups that the index's first question then reuses", async () => {
    const resources = await warmUpIndex(index);
    expect(answerResourcesFor(index)).toBe(resources);
    expect(resources.sentences).toBeDefined();
    expect(embeddings.queries).toBe(0);
  });

  it("embeds one query when asked to, so the model is loaded before the first question", async () => {
    await warmUpIndex(index, { embedQuery: true });
    expect(embeddings.queries).toBe(1);
    // The first real question embeds only itself.
    await index.engine.search("How do liposomes carry doxorubicin?", { k: 3 });
    expect(embeddings.queries).toBe(2);
  });
});
