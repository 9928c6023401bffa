// The CI quality gate: the answer and retrieval evaluations on the held-out test part
// (bench/qa-test.jsonl), extractive mode, with the real index and embedding model. A figure below its
// floor (or above its ceiling) in bench/quality-thresholds.json fails the run. After a change meant to
// move them, set the thresholds at the new level with
//   npm run eval:answers -- --set test --write-thresholds
//   npm run eval:retrieval -- --set test --write-thresholds
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../src/answer/answer-question.ts";
import { createAnswerResources } from "../src/answer/answer-resources.ts";
import { loadConfig } from "../src/config.ts";
import type { DevItem } from "../src/eval/dev-set.ts";
import { answerItems, summarizeAnswers } from "../src/eval/evaluate-answers.ts";
import { type RetrievalEvaluation, evaluateRetrieval, locateItems, retrievalFigures } from "../src/eval/evaluate-retrieval.ts";
import { loadQaSelection, resolveQaSets } from "../src/eval/qa-sets.ts";
import { checkThresholds, readThresholds } from "../src/eval/quality-thresholds.ts";
import { createEmbeddings } from "../src/index/create-embeddings.ts";
import { SEARCH_MODES } from "../src/retrieve/search-engine.ts";
import { type LoadedIndex, loadIndex } from "../src/store/load-index.ts";

// Extractive mode whatever the environment says, as the thresholds were measured.
const config = loadConfig({});
const embeddings = createEmbeddings(config.embeddings);
const thresholds = readThresholds();
let index: LoadedIndex;
let items: DevItem[];

beforeAll(async () => {
  index = await loadIndex(config.indexDir, embeddings);
  items = await loadQaSelection(resolveQaSets(thresholds.set)[0]!);
});
afterAll(async () => {
  if ("close" in embeddings && typeof embeddings.close === "function") await embeddings.close();
});

describe("quality gate on the test part", () => {
  it("holds thresholds measured on the test part", () => {
    expect(thresholds.set).toBe("test");
    expect(Object.keys(thresholds.answers.min).length).toBeGreaterThan(0);
    expect(Object.keys(thresholds.retrieval.min).length).toBeGreaterThan(0);
  });

  // Retrieval first: it embeds every question, and answering then finds the query vectors cached.
  it("retrieval: hit@1, hit@5 and MRR@10 per mode hold their floors", { timeout: 240_000 }, async () => {
    const { located } = locateItems(items, index.engine.chunks);
    const results: RetrievalEvaluation[] = [];
    for (const mode of SEARCH_MODES) results.push(await evaluateRetrieval(index.engine, located, mode));
    expect(checkThresholds(retrievalFigures(results), thresholds.retrieval)).toEqual([]);
  });

  it("answers: keywords, references, refusals, claims and cross-review answers hold their thresholds", { timeout: 240_000 }, async () => {
    const answerer = new Answerer(createAnswerResources(index.corpus, index.engine), {});
    const summary = summarizeAnswers(await answerItems(answerer, items));
    expect(checkThresholds(summary, thresholds.answers)).toEqual([]);
  });
});
