import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Corpus } from "../store/corpus.ts";
import { loadCorpus } from "../store/load-index.ts";
import { abbreviationTerms } from "./abbreviations.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import { EXTRACTIVE_DEFAULTS, composeExtractiveAnswer, scoreSentences, withMarker } from "./extractive-answer.ts";
import { questionTerms } from "./question-terms.ts";
import { SentenceIndex } from "./sentence-index.ts";
import type { Chunk } from "../types.ts";

let corpus: Corpus;
let sentences: SentenceIndex;
beforeAll(async () => {
  corpus = await loadCorpus(loadConfig({}).indexDir);
  sentences = new SentenceIndex(corpus.chunks, abbreviationTerms(corpus.documents.map((d) => d.text)));
});

describe("withMarker", () => {
  it("puts the marker before the final punctuation and flattens table rows", () => {
    expect(withMarker("Liposomes release drugs slowly (47).", 2)).toBe("Liposomes release drugs slowly (47) [2].");
    expect(withMarker("Is it safe?", 1)).toBe("Is it safe [1]?");
    expect(withMarker("MRX34\tmiR-34a\tmiRNA mimic\t146", 3)).toBe("MRX34; miR-34a; miRNA mimic; 146 [3].");
  });
});

describe("composeExtractiveAnswer", () => {
  it("quotes the sentence that answers, with its lead-in and the citation that closes its run", () => {
    const question = "What molecular effects were reported for Aly's chondroitin/lactoferrin-coated pterostilbene lipid nanoparticles?";
    const chunks = corpus.chunksOf("guan2024").filter((chunk) => /Solid lipid|Liposomes/.test(chunk.section));
    const sources = chunks.map((chunk, i) => sourceFromChunk(chunk, i + 1, 1, "Guan"));
    const { parts, chosen } = composeExtractiveAnswer(question, questionTerms(question), sources, sentences);
    const answer = parts.join(" ");
    expect(answer).toContain("CS/Lf/PTS-SLNs, prepared by Aly et al.");
    // The review's own marker "(44)" gives way to the source marker; ref 44 is what the answer lists.
    expect(answer).toMatch(/upregulating caspase-3 and BAX \[\d\]\./);
    expect(chosen.flatMap((item) => item.sentence.sentence.refs)).toContain(44);
    expect(chosen.length).toBeLessThanOrEqual(5);
    // Near-duplicates never both make it.
    expect(new Set(parts).size).toBe(parts.length);
  });

  it("quotes a sentence that names its study with the citation closing it, not the previous study's", () => {
    const question = "Has miR-34a been combined with photodynamic therapy?";
    const chunk = corpus.chunksOf("verma2024").find((c) => c.text.includes("Yixue Hu"))!;
    const { chosen } = composeExtractiveAnswer(question, questionTerms(question), [sourceFromChunk(chunk, 1, 1, "Verma")], sentences, { maxSpans: 1 });
    const refs = chosen.flatMap((item) => item.sentence.sentence.refs);
    expect(chosen[0]!.sentence.sentence.text).toMatch(/^The study by Yixue Hu et al\./);
    expect(refs).toContain(144);
    expect(refs).not.toContain(131);
  });

  it("reads an abbreviation as its long form", () => {
    const question = "What do docetaxel-loaded solid lipid nanoparticles do to the cell cycle?";
    const sources = corpus.chunksOf("guan2024").map((chunk, i) => sourceFromChunk(chunk, i + 1, 1, "Guan"));
    const { parts } = composeExtractiveAnswer(question, questionTerms(question), sources, sentences);
    expect(parts.join(" ")).toContain("SLN-DTX developed by da Rocha et al.");
  });
});

describe("scoreSentences", () => {
  it("prefers a sentence of a higher-ranked passage when the words match equally", () => {
    const question = "How do liposomes release drugs?";
    const chunk = corpus.chunksOf("guan2024").find((c) => /Liposomes/.test(c.section))!;
    const sources = [sourceFromChunk(chunk, 1, 1, "Guan"), sourceFromChunk(chunk, 2, 0.5, "Guan")];
    const scored = scoreSentences(question, questionTerms(question), sources, sentences);
    const first = scored.find((s) => s.source.n === 1)!;
    const twin = scored.find((s) => s.source.n === 2 && s.sentence === first.sentence)!;
    expect(first.score).toBeGreaterThan(twin.score);
    expect(scoreSentences(question, questionTerms(question), sources, sentences, { rankWeight: 0 }).find((s) => s.source.n === 1)!.score).toBeLessThan(
      first.score,
    );
  });

  it("discounts sentences of other reviews when the question names one", () => {
    const question = "What toxicity concerns does the nanomaterials review raise about nanoparticles?";
    const sources = ["guan2024", "verma2024"].map((docId) => corpus.chunksOf(docId).find((chunk) => /toxicity/.test(chunk.text))!).map((chunk, i) => sourceFromChunk(chunk, i + 1, 1, chunk.docId));
    const plain = scoreSentences(question, questionTerms(question), sources, sentences);
    const named = scoreSentences(question, questionTerms(question), sources, sentences, { namedDocuments: ["guan2024"] });
    const scoreOf = (list: typeof plain, docId: string) => list.filter((s) => s.source.docId === docId).map((s) => s.score);
    expect(scoreOf(named, "guan2024")).toEqual(scoreOf(plain, "guan2024"));
    const verma = scoreOf(plain, "verma2024");
    expect(verma.length).toBeGreaterThan(0);
    expect(scoreOf(named, "verma2024")).toEqual(verma.map((score) => score * EXTRACTIVE_DEFAULTS.otherDocumentFactor));
  });

  it("reads a sentence with the one before it, not the one after", () => {
    // A made-up passage: the answer is the second sentence; the first only names the carrier.
    const chunkOf = (second: string, id: string): Chunk => {
      const texts = ["Zorbium carriers were assembled from gelatin shells.", second, "Gelatin shells also appear in food chemistry."];
      const list = texts.map((text, i) => ({ text, refs: [i + 1], start: i * 60, end: i * 60 + text.length }));
      return { id, docId: "toy", section: "1 Toy", sectionId: "1", kind: "text", text: texts.join(" "), sentences: list, refs: [1, 2, 3], start: 0, end: 180 };
    };
    const question = "What did zorbium carriers do to tumour volume in mice?";
    const answering = chunkOf("They lowered tumour volume in mice by half.", "toy:0001");
    const unrelated = chunkOf("They were stored at room temperature.", "toy:0002");
    const index = new SentenceIndex([answering, unrelated]);
    // Passage coverage left out: it differs between the two passages by design.
    const scoreOf = (chunk: Chunk) => {
      const scored = scoreSentences(question, questionTerms(question), [sourceFromChunk(chunk, 1, 1, "Toy")], index, { passageWeight: 0 });
      return { first: scored.find((s) => s.sentence.index === 0)!, answer: scored.find((s) => s.sentence.index === 1)! };
    };
    const { first, answer } = scoreOf(answering);
    expect(answer.score).toBeGreaterThan(first.score);
    // The answer brings the first sentence along as its lead-in.
    expect(answer.leadIn?.index).toBe(0);
    // The first sentence scores the same whatever follows it.
    expect(scoreOf(unrelated).first.score).toBeCloseTo(first.score, 6);
  });
});
