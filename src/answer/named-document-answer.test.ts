import { describe, expect, it } from "vitest";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import type { ScoredSentence } from "./extractive-answer.ts";
import { answerFromNamedDocuments } from "./named-document-answer.ts";
import { questionTerms } from "./question-terms.ts";
import { SentenceIndex } from "./sentence-index.ts";

function chunk(docId: string, n: number, texts: string[]): Chunk {
  const sentences = texts.map((text, i) => ({ text, refs: [], start: i * 100, end: i * 100 + text.length }));
  const text = texts.join(" ");
  return { id: `${docId}:000${n}`, docId, section: "1 Body", sectionId: "1", kind: "text", text, sentences, refs: [], start: 0, end: text.length };
}

// Ito names ferritin once, in passing; Ray explains it. Kim never names it.
const chunks = [
  chunk("ito2020", 0, ["Iron stores matter in tumours.", "Ferritin was raised in two of our cohorts."]),
  chunk("ray2021", 0, ["Ferritin stores iron and releases it when cells need it."]),
  chunk("kim2022", 0, ["Iron uptake rises in dividing cells."]),
];
const documents = ["ito2020", "ray2021", "kim2022"].map((id) => ({ meta: { id, title: id, authors: [`${id.slice(0, 3)} A`], year: 2020 }, references: [] }) as unknown as StoredDocument);
const sentences = new SentenceIndex(chunks);
const res = { corpus: new Corpus({ documents, chunks, links: [] }), sentences };

const scoredOf = (chunkIndex: number, sentenceIndex: number, score: number): ScoredSentence => ({
  source: sourceFromChunk(chunks[chunkIndex]!, chunkIndex + 1, score, chunks[chunkIndex]!.docId),
  sentence: sentences.sentencesOf(chunks[chunkIndex]!.id)[sentenceIndex]!,
  coverage: score,
  score,
});
const topic = "What does say about ferritin?";
const terms = questionTerms(topic);
const rayBest = scoredOf(1, 0, 1);
const itoAside = scoredOf(0, 1, 0.5);
const kimIron = scoredOf(2, 0, 0.4);
const decide = (named: string[], scored: ScoredSentence[], weak = false) =>
  answerFromNamedDocuments({ named, chosen: [scored[0]!], scored, topic, terms, res, isWeak: async () => weak });

describe("answerFromNamedDocuments", () => {
  it("keeps an answer quoting the named paper, and any answer when no paper is named", async () => {
    expect(await decide(["ray2021"], [rayBest, itoAside])).toEqual({ kind: "as-chosen" });
    expect(await decide([], [rayBest, itoAside])).toEqual({ kind: "as-chosen" });
  });

  it("quotes the named paper's own sentences when it names the topic and they pass the refusal check", async () => {
    const outcome = await decide(["ito2020"], [rayBest, itoAside]);
    expect(outcome.kind).toBe("from-named");
    expect(outcome.kind === "from-named" && outcome.chosen.map((item) => item.sentence.sentence.text)).toEqual(["Ferritin was raised in two of our cohorts."]);
  });

  it("says the named paper does not discuss it when it never names the topic, or its sentences are too weak", async () => {
    const never = await decide(["kim2022"], [rayBest, kimIron]);
    expect(never).toEqual({
      kind: "not-in-named",
      lead: "Kim et al. (2020) does not discuss this. Ray et al. (2020) does:",
      reason: { code: "not_covered", message: "Kim et al. (2020) does not discuss this." },
    });
    expect((await decide(["ito2020"], [rayBest, itoAside], true)).kind).toBe("not-in-named");
  });
});
