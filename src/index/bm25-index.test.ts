import { describe, expect, it } from "vitest";
import { Bm25Index, referenceNumbersIn, refTerm, topK } from "./bm25-index.ts";
import { tokenize } from "./tokenize.ts";

const doc = (text: string, extra: { docId?: string; refs?: number[]; section?: string } = {}) => ({
  text,
  section: extra.section ?? "",
  docId: extra.docId ?? "a",
  refs: extra.refs ?? [],
});

describe("Bm25Index", () => {
  const chunks = [
    doc("Liposomes carry doxorubicin into resistant tumor cells."),
    doc("P-gp pumps doxorubicin out of resistant cells; silencing ABCB1 restores sensitivity."),
    doc("Gold nanoparticles enable photothermal therapy of breast tumors."),
    doc("Exosomes transfer miR-21 between cells."),
  ];
  const bm25 = Bm25Index.build(chunks, { k1: 1.2, b: 0.75 });

  it("scores with Lucene's BM25 formula", () => {
    // "gold" occurs once, in document 2.
    const terms = bm25.queryTerms("gold");
    const { scores, touched } = bm25.scoreAll(terms);
    const idf = Math.log(1 + (4 - 1 + 0.5) / (1 + 0.5));
    const lengths = chunks.map((c) => tokenize(c.text).length);
    expect(lengths).toEqual([6, 10, 7, 6]);
    const avg = lengths.reduce((a, b) => a + b) / 4;
    const expected = (idf * 1 * 2.2) / (1 + 1.2 * (1 - 0.75 + (0.75 * 7) / avg));
    expect(touched).toEqual([2]);
    expect(scores[2]).toBeCloseTo(expected, 5);
    expect(bm25.idf("gold")).toBeCloseTo(idf, 10);
    expect(bm25.documentFrequency("doxorubicin")).toBe(2);
  });

  it("ranks rarer matches higher and only touches documents holding a query term", () => {
    const hits = bm25.search("How does ABCB1 pump doxorubicin?", 10);
    expect(hits.map((h) => h.index)).toEqual([1, 0]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("respects the allowed mask", () => {
    const allowed = Uint8Array.from([1, 0, 1, 1]);
    expect(bm25.search("doxorubicin", 10, allowed).map((h) => h.index)).toEqual([0]);
  });

  it("returns nothing for a query without indexed terms", () => {
    expect(bm25.search("the of and", 5)).toEqual([]);
    expect(bm25.search("unseenword", 5)).toEqual([]);
  });

  it("weights section headings only when asked", () => {
    const withHeading = [doc("Drugs were given.", { section: "3.2 Liposomes" }), doc("Liposomes were given.")];
    expect(Bm25Index.build(withHeading, { sectionWeight: 0 }).search("liposomes", 5).map((h) => h.index)).toEqual([1]);
    expect(Bm25Index.build(withHeading, { sectionWeight: 2 }).search("liposomes", 5).map((h) => h.index)).toContain(0);
  });

  it("indexes a document's abbreviations under both forms, within that document only", () => {
    const corpus = [
      doc("Triple-negative breast cancer (TNBC) lacks receptors.", { docId: "a" }),
      doc("TNBC responds to platinum.", { docId: "a" }),
      doc("TNBC responds to platinum.", { docId: "b" }),
    ];
    const plain = Bm25Index.build(corpus, { abbreviationWeight: 0 });
    const expanded = Bm25Index.build(corpus, { abbreviationWeight: 1 });
    const query = "Does triple-negative disease respond to platinum?";
    expect(plain.search(query, 3)[0]!.index).not.toBe(1);
    expect(expanded.search(query, 3)[0]!.index).toBe(1);
    // Document b never defines TNBC, so its identical chunk gains nothing.
    const { scores } = expanded.scoreAll(expanded.queryTerms(query));
    expect(scores[1]).toBeGreaterThan(scores[2]!);
  });

  it("matches reference numbers named in the question to the chunks citing them", () => {
    const corpus = [doc("DNA repair restores lesions.", { refs: [21, 22] }), doc("DNA repair is complex.", { refs: [5] })];
    const index = Bm25Index.build(corpus, { refNumberWeight: 1 });
    expect(index.queryTerms("what are refs 21–23 about?").get(refTerm(22))).toBe(1);
    expect(index.search("DNA repair in refs 21–23", 2)[0]!.index).toBe(0);
    expect(Bm25Index.build(corpus, { refNumberWeight: 0 }).queryTerms("refs 21–23").has(refTerm(21))).toBe(false);
  });
});

describe("referenceNumbersIn", () => {
  it("reads single numbers, lists and ranges after ref/reference/citation", () => {
    expect(referenceNumbersIn("What is reference 45?")).toEqual([45]);
    expect(referenceNumbersIn("refs 21–23 of the paper")).toEqual([21, 22, 23]);
    expect(referenceNumbersIn("references 70 to 72")).toEqual([70, 71, 72]);
    expect(referenceNumbersIn("ref. 51 and 52")).toEqual([51, 52]);
    expect(referenceNumbersIn("citations 3, 4")).toEqual([3, 4]);
  });

  it("ignores numbers that are not reference numbers", () => {
    expect(referenceNumbersIn("What happened in 2023 to 50% of patients?")).toEqual([]);
    // An implausible range is not expanded.
    expect(referenceNumbersIn("refs 1–5000")).toEqual([]);
  });
});

describe("topK", () => {
  it("breaks ties by index and handles k beyond the candidates", () => {
    expect(topK([3, 1, 2], [0, 5, 5, 9], 5)).toEqual([
      { index: 3, score: 9 },
      { index: 1, score: 5 },
      { index: 2, score: 5 },
    ]);
    expect(topK([1], [0, 1], 0)).toEqual([]);
  });
});
