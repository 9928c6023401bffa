// The refusal signals gathered for one question, against the real index and USE-lite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { type LoadedIndex, loadIndex } from "../store/load-index.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";
import { type AnswerResources, createAnswerResources } from "./answer-resources.ts";
import { isEvidenceWeak } from "./evidence-check.ts";
import { scoreSentences } from "./extractive-answer.ts";
import { questionTerms } from "./question-terms.ts";
import { retrieveSources } from "./retrieve-sources.ts";

const embeddings = new CountingUseLite();
let loaded: LoadedIndex;
let res: AnswerResources;
beforeAll(async () => {
  loaded = await loadIndex(loadConfig({}).indexDir, embeddings);
  res = createAnswerResources(loaded.corpus, loaded.engine);
});
afterAll(() => embeddings.close());

async function weak(question: string): Promise<boolean> {
  const sources = await retrieveSources(res, question, { k: 6 });
  const terms = questionTerms(question);
  const scored = scoreSentences(question, terms, sources, res.sentences);
  return isEvidenceWeak(res, { question, searchText: question, terms, scored, docs: undefined });
}

describe("isEvidenceWeak", () => {
  it("finds support for a question the reviews answer, embedding none of its words on their own", async () => {
    const question = "How do solid lipid nanoparticles loaded with docetaxel act on tumour cells?";
    await retrieveSources(res, question, { k: 6 }); // the question's own vector is cached by this search
    // Word probes (foreign topic words, paraphrase) embed single words: none when one sentence holds the question.
    const before = embeddings.queries;
    expect(await weak(question)).toBe(false);
    expect(embeddings.queries).toBe(before);
  });

  it("declines a question about a drug the reviews never name, however much else it shares with them", async () => {
    expect(await weak("Does zanrelotinib reverse doxorubicin resistance in triple-negative breast cancer cells?")).toBe(true);
  });

  it("declines a question about another field", async () => {
    expect(await weak("Which load balancer settings keep Kubernetes pods available during upgrades?")).toBe(true);
  });
});
