import { describe, expect, it } from "vitest";
import type { Chunk } from "../types.ts";
import { questionTerms } from "./question-terms.ts";
import { PREFIX_MATCH_CREDIT, SentenceIndex, rootForm } from "./sentence-index.ts";

function toyChunk(id: string, texts: string[]): Chunk {
  const sentences = texts.map((text, i) => ({ text, refs: [i + 1], start: i * 80, end: i * 80 + text.length }));
  const text = texts.join(" ");
  return { id, docId: "toy", section: "1 Toy", sectionId: "1", kind: "text", text, sentences, refs: sentences.map((s) => s.refs[0]!), start: 0, end: text.length };
}

const index = new SentenceIndex([
  toyChunk("toy:0001", ["Zorbin lowers P27 kip1 in resistant cells.", "Kip1 loss was seen with zorbin alone.", "Plain gelatin shells were inert."]),
]);
const [both, kipOnly, unrelated] = index.sentencesOf("toy:0001");

describe("SentenceIndex.coverage", () => {
  it("matches a name run together in the question with its two words in the text", () => {
    const terms = questionTerms("p27Kip1");
    expect(index.knows("p27kip1")).toBe(false);
    expect(index.coverage(terms, both!.terms)).toBeCloseTo(PREFIX_MATCH_CREDIT);
  });

  it("needs both parts: one of them alone is not the name", () => {
    expect(index.coverage(questionTerms("p27Kip1"), kipOnly!.terms)).toBe(0);
    expect(index.coverage(questionTerms("p27Kip1"), unrelated!.terms)).toBe(0);
  });

  it("never splits a term the corpus prints whole", () => {
    // "gelatin" is a corpus term; "gel" + "atin" would otherwise be tried.
    expect(index.coverage(questionTerms("gelatin"), unrelated!.terms)).toBe(1);
    expect(index.coverage(questionTerms("gelatin"), both!.terms)).toBe(0);
  });
});

describe("verbs meeting their nominalisations", () => {
  const corpus = new SentenceIndex([
    toyChunk("toy:0001", ["Zorbin blocked invasion and cell adhesion.", "Treatment failure followed.", "Zorbin was inactive on invertase."]),
  ]);
  const [invasion, failure, invertase] = corpus.sentencesOf("toy:0001");

  it("credits a question's verb found only as the noun built on its Latinate stem, as a variant", () => {
    expect(corpus.coverage(questionTerms("invade"), invasion!.terms)).toBeCloseTo(PREFIX_MATCH_CREDIT);
    expect(corpus.coverage(questionTerms("adhere"), invasion!.terms)).toBeCloseTo(PREFIX_MATCH_CREDIT);
    expect(corpus.coverage(questionTerms("fail"), failure!.terms)).toBeCloseTo(PREFIX_MATCH_CREDIT);
  });

  it("pairs only the stem forms of one root: words merely starting alike stay apart", () => {
    expect(corpus.coverage(questionTerms("invade"), invertase!.terms)).toBe(0);
    expect(corpus.coverage(questionTerms("invade"), failure!.terms)).toBe(0);
    const same: [string, string][] = [["invad", "invas"], ["decid", "decis"], ["extend", "extens"], ["adher", "adhes"], ["permit", "permiss"], ["failur", "fail"]];
    for (const [a, b] of same) expect(rootForm(a), a).toBe(rootForm(b));
    const apart: [string, string][] = [["invad", "invert"], ["lead", "leas"], ["cultur", "cell"]];
    for (const [a, b] of apart) expect(rootForm(a), a).not.toBe(rootForm(b));
  });
});

describe("SentenceIndex.chunksMentioning", () => {
  const corpus = new SentenceIndex([
    toyChunk("toy:0001", ["Zorbin lowers P27 kip1 in resistant cells."]),
    toyChunk("toy:0002", ["Liposomal carriers released the drug slowly."]),
    toyChunk("toy:0003", ["Kip1 loss alone was seen in other lines."]),
    toyChunk("toy:0004", ["Gelatin shells were inert."]),
  ]);
  const credited = (question: string) =>
    ["toy:0001", "toy:0002", "toy:0003", "toy:0004"].filter((id) => corpus.coverage(questionTerms(question), corpus.termsOfChunk(id)) > 0);

  it("holds exactly the chunks coverage can credit: the term, a spelling variant, or both halves of a run-together name", () => {
    for (const question of ["zorbin", "liposome", "p27Kip1", "kip1", "gelatin shells", "unheard"]) {
      expect([...corpus.chunksMentioning(questionTerms(question).keys())].sort(), question).toEqual(credited(question));
    }
  });

  it("finds a variant and a run-together name, and nothing for a word the corpus lacks", () => {
    expect([...corpus.chunksMentioning(questionTerms("liposome").keys())]).toEqual(["toy:0002"]);
    expect([...corpus.chunksMentioning(questionTerms("p27Kip1").keys())]).toEqual(["toy:0001"]);
    expect(corpus.chunksMentioning(questionTerms("unheard").keys()).size).toBe(0);
  });
});
