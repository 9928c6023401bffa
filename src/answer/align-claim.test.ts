// Claim → references by meaning, on a small review written here (plant drought biology, numbered
// citations), searched by the real engine with the real USE-lite model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessQuality } from "../ingest/assess-quality.ts";
import { SearchEngine } from "../retrieve/search-engine.ts";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { Chunk, ReferenceEntry } from "../types.ts";
import { CountingUseLite } from "../../test/support/counting-use-lite.ts";
import { ALIGNMENT, alignClaim, alignmentScore, layTerms } from "./align-claim.ts";
import { type AnswerResources, createAnswerResources } from "./answer-resources.ts";
import { CLAIM_MAX_PASSAGE_RANK, CLAIM_MIN_ALIGNMENT, CLAIM_MIN_COVERAGE, CLAIM_STRONG_ALIGNMENT, answerCitationLookup } from "./citation-lookup.ts";
import { parseCitationLookup } from "./citation-lookup-intent.ts";
import { questionTerms } from "./question-terms.ts";

const DOC = "field2023";
// Each paragraph is one chunk; a trailing "(n)" is the sentence's citation.
const PARAGRAPHS = [
  [
    "Stomatal closure under water deficit is triggered by abscisic acid signalling in guard cells (1).",
    "Guard cells respond within minutes once the hormone reaches them (2).",
  ],
  [
    "Deep root systems allow maize to draw water from lower soil layers during prolonged dry periods (3).",
    "Root hairs add little to this in compacted soils (4).",
  ],
  [
    "Heat shock proteins stabilise misfolded enzymes when leaf temperature rises during a heatwave (5).",
    "Cuticular wax on the leaf surface limits water loss at night (6).",
  ],
  [
    "Crop yield losses from drought are expected to grow over the coming decades.",
    "Drought-tolerant cultivars were bred by crossing local landraces with elite lines.",
    "This raised grain yields by a fifth in rain-fed field trials (7).",
  ],
];

function buildDocument(): { doc: StoredDocument; chunks: Chunk[] } {
  let offset = 0;
  const chunks: Chunk[] = PARAGRAPHS.map((paragraph, i) => {
    const start = offset;
    const sentences = paragraph.map((text) => {
      const refs = [...text.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
      const sentence = { text, refs, start: offset, end: offset + text.length };
      offset += text.length + 1;
      return sentence;
    });
    const text = paragraph.join(" ");
    const refs = sentences.flatMap((s) => s.refs);
    return { id: `${DOC}:${String(i).padStart(4, "0")}`, docId: DOC, section: "2 Drought responses", sectionId: "s2", kind: "text", text, sentences, refs, start, end: offset - 1 };
  });
  const text = PARAGRAPHS.flat().join(" ");
  const references: ReferenceEntry[] = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    n,
    text: `Author${n} A. Study number ${n} of drought in crops. J Plant Sci. 20${10 + n};${n}:1-10.`,
    authors: [`Author${n} A`],
    year: 2010 + n,
    paperKey: `key${n}`,
  }));
  const citationStats = { markers: 7, resolved: 7, resolvedRatio: 1 };
  const quality = assessQuality({
    citationStyle: "parenthetical",
    referenceStyle: "numbered",
    references,
    missingReferenceNumbers: [],
    citationStats,
    chunks,
    extractedChars: text.length,
    keptChars: text.length,
  });
  const doc: StoredDocument = {
    meta: { id: DOC, file: `${DOC}.md`, title: "Plant responses to drought", authors: [], year: 2023 },
    text,
    sections: [{ id: "s2", number: "2", title: "Drought responses", level: 1, start: 0, end: text.length }],
    references,
    missingReferenceNumbers: [],
    citationStats,
    quality,
  };
  return { doc, chunks };
}

const embeddings = new CountingUseLite({ workers: 0 });
let res: AnswerResources;

beforeAll(async () => {
  const { doc, chunks } = buildDocument();
  const engine = await SearchEngine.fromChunks(chunks, embeddings, { documents: [doc] });
  res = createAnswerResources(new Corpus({ documents: [doc], chunks, links: [] }), engine);
});
afterAll(() => embeddings.close());

async function askClaim(claim: string) {
  const question = `Which references support the claim that ${claim}?`;
  const intent = parseCitationLookup(question);
  expect(intent?.kind, question).toBe("claim");
  return (await answerCitationLookup(intent!, question, res, { k: 4 }))!;
}

describe("alignClaim", () => {
  it("ranks first the sentence a paraphrase means, lifted above the literal threshold by the embedding", async () => {
    const claim = "breeding with traditional varieties made harvests bigger in rain-fed trials";
    const aligned = await alignClaim(res, claim, questionTerms(claim), await res.search.search(claim, { k: 4 }));
    expect(aligned[0]!.sentence.sentence.text).toMatch(/^This raised grain yields/);
    // Too few shared words for the literal rule; the window's similarity carries it.
    expect(aligned[0]!.coverage).toBeLessThan(CLAIM_MIN_COVERAGE);
    expect(aligned[0]!.score).toBeGreaterThanOrEqual(CLAIM_MIN_ALIGNMENT);
    expect(alignmentScore(aligned[0]!.coverage, aligned[0]!.reverseCoverage)).toBeLessThan(CLAIM_MIN_ALIGNMENT);
  });

  it("returns every sentence of the retrieved passages, best aligned first", async () => {
    const claim = "heat shock proteins protect enzymes in hot leaves";
    const aligned = await alignClaim(res, claim, questionTerms(claim), await res.search.search(claim, { k: 4 }));
    expect(aligned).toHaveLength(PARAGRAPHS.flat().length);
    for (let i = 1; i < aligned.length; i++) expect(aligned[i]!.orderScore).toBeLessThanOrEqual(aligned[i - 1]!.orderScore);
    for (const a of aligned) expect(a.orderScore).toBeCloseTo(a.score * (1 - ALIGNMENT.passageRankPrior * a.passageRank));
    expect(aligned[0]!.sentence.sentence.refs).toEqual([5]);
  });

  it("credits a claim that joins two adjacent sentences to each of them, discounted", async () => {
    const claim = "abscisic acid makes guard cells respond within minutes";
    const aligned = await alignClaim(res, claim, questionTerms(claim), await res.search.search(claim, { k: 4 }));
    const second = aligned.find((a) => a.sentence.sentence.text.startsWith("Guard cells respond"))!;
    // "abscisic acid" is only in the sentence before: the pair holds the whole claim.
    expect(second.alignedCoverage).toBeGreaterThan(second.coverage);
    expect(second.alignedCoverage).toBeLessThanOrEqual(ALIGNMENT.neighbourCredit + 1e-9);
    const unrelated = aligned.find((a) => a.sentence.sentence.text.startsWith("Cuticular wax"))!;
    expect(unrelated.alignedCoverage).toBeLessThan(second.alignedCoverage);
  });

  it("reads everyday words the corpus never prints as paraphrase, and field words as the claim's topic", () => {
    // "introgression" is a field word the corpus never prints; "made" and "bigger" are everyday words
    // (an inflected everyday word, "breeding", counts as everyday too: common-words.ts).
    const claim = "introgression made harvests bigger in rain-fed trials";
    const lay = layTerms(claim, questionTerms(claim), res.sentences, res.citedVocabulary);
    expect([...lay]).toEqual(["made", "bigger"]);
  });

  it("combines the lexical and embedding evidence monotonically", () => {
    expect(alignmentScore(0.8, 0.5, 0.7)).toBeGreaterThan(alignmentScore(0.4, 0.5, 0.7));
    expect(alignmentScore(0.4, 0.5, 0.8)).toBeGreaterThan(alignmentScore(0.4, 0.5, 0.5));
    expect(alignmentScore(0.4, 0.5)).toBeCloseTo(0.7 * 0.4 + 0.3 * 0.5);
  });
});

describe("claim lookups by meaning", () => {
  it("answers a paraphrase with few shared words with the sentence that makes the claim and its reference", async () => {
    const answer = await askClaim("breeding with traditional varieties made harvests bigger in rain-fed trials");
    expect(answer.refused).toBe(false);
    expect(answer.references.map((ref) => ref.n)).toEqual([7]);
    expect(answer.answer).toContain("This raised grain yields");
    expect(answer.answer).toMatch(/closest match \((?:strong|partial)/);
    expect(answer.match?.score).toBeGreaterThanOrEqual(CLAIM_MIN_ALIGNMENT);
  });

  it("says a literal claim is a strong match", async () => {
    const answer = await askClaim("cuticular wax on the leaf surface limits water loss at night");
    expect(answer.match?.strength).toBe("strong");
    expect(answer.answer).toContain("makes this claim");
    expect(answer.references.map((ref) => ref.n)).toEqual([6]);
  });

  it("keeps the citation that closes the following sentence", async () => {
    const answer = await askClaim("drought-tolerant cultivars were bred by crossing local landraces with elite lines");
    expect(answer.answer).toContain('the citation closes the following sentence: "This raised grain yields by a fifth in rain-fed field trials (7)")');
    expect(answer.references.map((ref) => ref.n)).toEqual([7]);
  });

  it("embeds nothing but the claim, once: the windows' vectors are the index's own", async () => {
    const before = embeddings.queries;
    await askClaim("grain yields rose after crossing landraces with elite lines");
    expect(embeddings.queries - before).toBe(1);
  });

  it("gives no partial match to a claim naming a topic the corpus never prints", async () => {
    const claim = "nitrogen fertiliser made harvests bigger in rain-fed field trials";
    const [best] = await alignClaim(res, claim, questionTerms(claim), await res.search.search(claim, { k: 8 }));
    // Without "fertiliser" it would be a partial match: close enough, in the first passages found…
    expect(best!.score).toBeGreaterThanOrEqual(CLAIM_MIN_ALIGNMENT);
    expect(best!.score).toBeLessThan(CLAIM_STRONG_ALIGNMENT);
    expect(best!.passageRank).toBeLessThanOrEqual(CLAIM_MAX_PASSAGE_RANK);
    // …but "fertiliser" is no everyday word, and its nearest passage is another one.
    const answer = await askClaim(claim);
    expect(answer.refused).toBe(true);
    expect(answer.references).toEqual([]);
  });

  it("says an unrelated claim is not found", async () => {
    const answer = await askClaim("central banks raise interest rates to cool house prices");
    expect(answer.refused).toBe(true);
    expect(answer.answer).toMatch(/could not find this claim/);
    expect(answer.references).toEqual([]);
    expect(answer.match).toBeUndefined();
  });
});
