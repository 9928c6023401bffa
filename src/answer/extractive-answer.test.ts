import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Corpus } from "../store/corpus.ts";
import { loadCorpus } from "../store/load-index.ts";
import { DocumentAbbreviations } from "./abbreviations.ts";
import { sourceFromChunk } from "./answer-payload.ts";
import { EXTRACTIVE_DEFAULTS, type ScoredSentence, answerReferences, composeExtractiveAnswer, scoreSentences, withMarker } from "./extractive-answer.ts";
import { questionTerms } from "./question-terms.ts";
import { SentenceIndex } from "./sentence-index.ts";
import type { Chunk } from "../types.ts";

let corpus: Corpus;
let sentences: SentenceIndex;
beforeAll(async () => {
  corpus = await loadCorpus(loadConfig({}).indexDir);
  sentences = new SentenceIndex(corpus.chunks, new DocumentAbbreviations(corpus.documents.map((d) => ({ id: d.meta.id, text: d.text }))));
});

// A made-up passage for mechanism tests: sentences with the references they print.
const ZORBIUM: [string, number[]] = ["Zorbium carriers were assembled from gelatin shells.", [1]];
const GELATIN: [string, number[]] = ["Gelatin shells also appear in food chemistry.", [3]];
const ZORBIUM_QUESTION = "What did zorbium carriers do to tumour volume in mice?";
function toyChunk(id: string, sentences: [text: string, refs: number[]][]): Chunk {
  const list = sentences.map(([text, refs], i) => ({ text, refs, start: i * 60, end: i * 60 + text.length }));
  const text = sentences.map(([sentence]) => sentence).join(" ");
  return { id, docId: "toy", section: "1 Toy", sectionId: "1", kind: "text", text, sentences: list, refs: [...new Set(list.flatMap((s) => s.refs))].sort(), start: 0, end: text.length };
}

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
    const answering = toyChunk("toy:0001", [ZORBIUM, ["They lowered tumour volume in mice by half.", [2]], GELATIN]);
    const unrelated = toyChunk("toy:0002", [ZORBIUM, ["They were stored at room temperature.", [2]], GELATIN]);
    const index = new SentenceIndex([answering, unrelated]);
    // Passage coverage left out: it differs between the two passages by design.
    const scoreOf = (chunk: Chunk) => {
      const scored = scoreSentences(ZORBIUM_QUESTION, questionTerms(ZORBIUM_QUESTION), [sourceFromChunk(chunk, 1, 1, "Toy")], index, { passageWeight: 0 });
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

describe("scoreSentences: a sentence continuing the one before", () => {
  it("counts part of the subject the previous sentence names as its own, a sentence opening on its own subject not", () => {
    const question = "How do zorbium carriers shrink tumours?";
    const chunk = toyChunk("toy:0001", [
      ["Zorbium carriers are a promising new system.", [1]],
      ["They shrink tumours by starving their blood supply.", [2]],
      ["Gelatin shells shrink tumours in other studies.", [3]],
    ]);
    const index = new SentenceIndex([chunk]);
    const scoreOf = (continuationShare: number, at: number) =>
      scoreSentences(question, questionTerms(question), [sourceFromChunk(chunk, 1, 1, "Toy")], index, { continuationShare }).find((s) => s.sentence.index === at)!.score;
    // "They …" names no carrier itself; with the subject counted it outranks the sentence that only names it.
    expect(scoreOf(0.3, 1)).toBeGreaterThan(scoreOf(0, 1));
    expect(scoreOf(0.3, 1)).toBeGreaterThan(scoreOf(0.3, 0));
    // "Gelatin shells …" opens on a subject of its own: read with the sentence before only as context.
    expect(scoreOf(0.3, 2)).toBeCloseTo(scoreOf(0, 2), 9);
  });
});

describe("scoreSentences: a sentence the next one continues", () => {
  const question = "What were zorbium carriers assembled from?";
  const followOnOf = (second: [string, number[]]) => {
    const chunk = toyChunk("toy:0001", [ZORBIUM, second, GELATIN]);
    const scored = scoreSentences(question, questionTerms(question), [sourceFromChunk(chunk, 1, 1, "Toy")], new SentenceIndex([chunk]));
    return scored.find((s) => s.sentence.index === 0)!.followOn?.map((s) => s.sentence.text);
  };

  it("brings the continuation along with the citation it prints", () => {
    expect(followOnOf(["They lowered tumour volume in mice by half.", [2]])).toEqual(["They lowered tumour volume in mice by half."]);
  });

  it("leaves a next sentence alone that opens a subject of its own or prints no citation", () => {
    expect(followOnOf(["Mice given placebo kept their tumours.", [2]])).toBeUndefined();
    expect(followOnOf(["The study by Ozaki et al. used gelatin too.", [2]])).toBeUndefined();
    expect(followOnOf(["They lowered tumour volume in mice by half.", []])).toBeUndefined();
  });
});

describe("scoreSentences: by meaning as well as words", () => {
  // Two sentences that share the question's words equally; the embedding finds the second closer in meaning.
  const chunk = toyChunk("toy:0001", [
    ["Zorbium carriers were studied in mice.", [1]],
    ["In mice, zorbium carriers halved tumour volume.", [2]],
  ]);
  const question = "What did zorbium carriers do in mice?";
  const windows = new Map([["toy:0001", chunk.sentences.map((s, i) => ({ text: s.text, similarity: [0.2, 0.6][i]! }))]]);
  const scoresOf = (options: { windowSimilarities?: typeof windows; similarityWeight?: number }, source = sourceFromChunk(chunk, 1, 1, "Toy")) =>
    scoreSentences(question, questionTerms(question), [source], new SentenceIndex([chunk]), { passageWeight: 0, ...options });

  it("keeps the score of the sentence in the window closest to the question and lowers the others by the gap", () => {
    const words = scoresOf({});
    const both = scoresOf({ windowSimilarities: windows, similarityWeight: 2 });
    const scoreOf = (list: ScoredSentence[], at: number) => list.find((s) => s.sentence.index === at)!.score;
    expect(scoreOf(both, 1)).toBeCloseTo(scoreOf(words, 1), 9);
    expect(scoreOf(both, 0)).toBeCloseTo(scoreOf(words, 0) * Math.exp(-2 * 0.4), 9);
    expect(both[0]!.sentence.index).toBe(1);
  });

  it("leaves table rows, and sentences no window holds, alone", () => {
    const asTable = { ...sourceFromChunk(chunk, 1, 1, "Toy"), kind: "table" as const };
    expect(scoresOf({ windowSimilarities: windows }, asTable).map((s) => s.score)).toEqual(scoresOf({}, asTable).map((s) => s.score));
    const elsewhere = new Map([["toy:0001", [{ text: "Another passage altogether.", similarity: 0.9 }]]]);
    expect(scoresOf({ windowSimilarities: elsewhere }).map((s) => s.score)).toEqual(scoresOf({}).map((s) => s.score));
  });
});

describe("scoreSentences: table rows and why/how questions", () => {
  // A made-up table: a caption and header line, then one row per carrier.
  const rows = ["Zorbium carriers\tShrink tumours\tLow toxicity\t4", "Gelatin shells\tSlow release\tFragile\t5"];
  const header = "Table 1 Carriers that shrink tumours\nCarrier\tEffect\tDrawback\tReferences\n";
  const text = header + rows.join("\n");
  const sentences = rows.map((row, i) => ({ text: row, refs: [4 + i], start: text.indexOf(row), end: text.indexOf(row) + row.length }));
  const table: Chunk = { id: "toy:0009", docId: "toy", section: "Table 1", sectionId: "t1", kind: "table", text, sentences, refs: [4, 5], start: 0, end: text.length };
  const index = new SentenceIndex([table]);
  const rowScore = (question: string, explanationRowFactor: number) =>
    scoreSentences(question, questionTerms(question), [sourceFromChunk(table, 1, 1, "Toy")], index, { explanationRowFactor }).find((s) => s.sentence.index === 0)!.score;

  it("discounts a row for a why/how question, whose explanation a row of values rarely holds", () => {
    expect(rowScore("Why do zorbium carriers shrink tumours?", 0.7)).toBeCloseTo(0.7 * rowScore("Why do zorbium carriers shrink tumours?", 1), 9);
    expect(rowScore("How do zorbium carriers shrink tumours?", 0.7)).toBeLessThan(rowScore("How do zorbium carriers shrink tumours?", 1));
  });

  it("leaves a row alone for a question asking for a value or a thing", () => {
    for (const question of ["How many tumours did zorbium carriers shrink?", "Which carriers shrink tumours?", "What drawback do zorbium carriers have?"]) {
      expect(rowScore(question, 0.7)).toBeCloseTo(rowScore(question, 1), 9);
    }
  });
});

describe("answerReferences", () => {
  const answerWith = (chunk: Chunk) =>
    composeExtractiveAnswer(ZORBIUM_QUESTION, questionTerms(ZORBIUM_QUESTION), [sourceFromChunk(chunk, 1, 1, "Toy")], new SentenceIndex([chunk]), { maxSpans: 1 });

  it("cites the answer's own references, not those of a lead-in quoted for context", () => {
    const { chosen, parts } = answerWith(toyChunk("toy:0001", [ZORBIUM, ["They lowered tumour volume in mice by half.", [2]], GELATIN]));
    expect(parts[0]).toMatch(/^Zorbium carriers/);
    expect(answerReferences(chosen)).toEqual([{ docId: "toy", n: 2 }]);
  });

  it("cites the lead-in's references when the answer prints none of its own", () => {
    const { chosen } = answerWith(toyChunk("toy:0001", [ZORBIUM, ["They lowered tumour volume in mice by half.", []], GELATIN]));
    expect(answerReferences(chosen)).toEqual([{ docId: "toy", n: 1 }]);
  });
});
