// Citation lookups on two small documents built here: an author–year review whose citations link
// to its list, and a bracket-cited review whose list could not be read.
import { describe, expect, it } from "vitest";
import { Bm25Index } from "../index/bm25-index.ts";
import { assessQuality } from "../ingest/assess-quality.ts";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { Chunk, CitationStats, ReferenceEntry, SearchResult } from "../types.ts";
import { createAnswerResources } from "./answer-resources.ts";
import { CLAIM_MAX_PASSAGE_RANK, CLAIM_MIN_ALIGNMENT, CLAIM_MIN_LITERAL_ALIGNMENT, CLAIM_STRONG_ALIGNMENT, answerCitationLookup, claimMatchStrength, rankClaimMatches } from "./citation-lookup.ts";
import { parseCitationLookup } from "./citation-lookup-intent.ts";

function document(id: string, title: string, references: ReferenceEntry[], sentences: { text: string; refs: number[] }[], stats: CitationStats): { doc: StoredDocument; chunk: Chunk } {
  let offset = 0;
  const placed = sentences.map((s) => {
    const sentence = { ...s, start: offset, end: offset + s.text.length };
    offset += s.text.length + 1;
    return sentence;
  });
  const text = sentences.map((s) => s.text).join(" ");
  const chunk: Chunk = { id: `${id}:0000`, docId: id, section: "1 Introduction", sectionId: "s1", kind: "text", text, sentences: placed, refs: [...new Set(placed.flatMap((s) => s.refs))].sort((a, b) => a - b), start: 0, end: text.length };
  const quality = assessQuality({
    citationStyle: stats.markers ? "author-year" : "none",
    referenceStyle: references.length ? "author-year" : "none",
    references,
    missingReferenceNumbers: [],
    citationStats: stats,
    chunks: [chunk],
    extractedChars: text.length,
    keptChars: text.length,
  });
  const year = Number(id.slice(-4));
  const doc: StoredDocument = {
    meta: { id, file: `${id}.md`, title, authors: [], year },
    text,
    sections: [{ id: "s1", number: "1", title: "Introduction", level: 1, start: 0, end: text.length }],
    references,
    missingReferenceNumbers: [],
    citationStats: stats,
    quality,
  };
  return { doc, chunk };
}

const willett2021 = "Willett, F. R., Avansino, D. T., and Hochberg, L. R. (2021). High-performance brain-to-text communication via handwriting. Nature 593, 249–254.";
const willett2023 = "Willett, F. R., Kunz, E. M., and Fan, C. (2023). A high-performance speech neuroprosthesis. Nature 620, 1031–1036.";
const tai = document(
  "tai2024",
  "Brain-computer interface paradigms and neural coding",
  [
    { n: 1, text: "Abiri, R., and Borhani, S. (2019). A review of EEG-based paradigms. J. Neural Eng. 16:011001.", authors: ["Abiri, R.", "Borhani, S."], year: 2019, label: "Abiri and Borhani, 2019", paperKey: "a" },
    { n: 2, text: willett2021, authors: ["Willett, F. R.", "Avansino, D. T.", "Hochberg, L. R."], year: 2021, label: "Willett et al., 2021", paperKey: "b" },
    { n: 3, text: willett2023, authors: ["Willett, F. R.", "Kunz, E. M.", "Fan, C."], year: 2023, label: "Willett et al., 2023", paperKey: "c" },
  ],
  [
    { text: "Willett et al. (2021) decoded attempted handwriting from the motor cortex.", refs: [2] },
    { text: "Speech can be decoded into text in real time (Willett et al., 2023).", refs: [3] },
  ],
  { markers: 2, resolved: 2, resolvedRatio: 1 },
);
const jiang = document(
  "jiang2023",
  "Precise orchestration of gasdermins' pore-forming function",
  [],
  [{ text: "GSDMB is predominantly expressed in the gastrointestinal tract and various tumours[60, 61].", refs: [] }],
  { markers: 2, resolved: 0, resolvedRatio: 0 },
);
// The sentence that makes a claim best cites nothing; the one before it, worded a little differently, does.
const park = document(
  "park2022",
  "Hydrogel depots for local drug delivery",
  [{ n: 1, text: "Lee, J., and Cho, H. (2019). Injectable hydrogel depots. Biomaterials 12, 1–9.", authors: ["Lee, J.", "Cho, H."], year: 2019, label: "Lee and Cho, 2019", paperKey: "d" }],
  [
    { text: "Hydrogels release a loaded drug slowly over several weeks (Lee and Cho, 2019).", refs: [1] },
    { text: "Hydrogels release a loaded drug slowly and steadily over several weeks.", refs: [] },
    { text: "Their stiffness depends on the crosslinker.", refs: [] },
    { text: "Pore size depends on the polymer.", refs: [] },
  ],
  { markers: 1, resolved: 1, resolvedRatio: 1 },
);

const chunks = [tai.chunk, jiang.chunk, park.chunk];
const corpus = new Corpus({ documents: [tai.doc, jiang.doc, park.doc], chunks, links: [] });
const bm25 = Bm25Index.build(chunks);
// BM25 over the two chunks is the retriever claim lookups search with.
const search = {
  async search(query: string, options: { k?: number; docs?: string[] } = {}): Promise<SearchResult[]> {
    return bm25
      .search(query, chunks.length)
      .filter((hit) => !options.docs?.length || options.docs.includes(chunks[hit.index]!.docId))
      .slice(0, options.k ?? 8)
      .map((hit, rank) => ({ ...chunks[hit.index]!, score: hit.score, rank: rank + 1 }));
  },
};
const res = createAnswerResources(corpus, search);

async function ask(question: string) {
  const intent = parseCitationLookup(question);
  expect(intent, question).not.toBeNull();
  return (await answerCitationLookup(intent!, question, res, { k: 6 }))!;
}

describe("citation lookups in an author–year review", () => {
  it("answers 'what is Willett et al. 2021?' with that entry, labelled as the paper cites it", async () => {
    const answer = await ask("What is Willett et al. 2021?");
    expect(answer.refused).toBe(false);
    expect(answer.references.map((ref) => [ref.n, ref.label])).toEqual([[2, "Willett et al., 2021"]]);
    expect(answer.answer).toContain("Willett et al., 2021 (entry 2 of its list)");
    expect(answer.answer).toContain("handwriting");
  });

  it("finds every entry of an author", async () => {
    const answer = await ask("Where does the review cite Willett?");
    expect(answer.references.map((ref) => ref.label)).toEqual(["Willett et al., 2021", "Willett et al., 2023"]);
  });

  it("says which cite it cannot find", async () => {
    const answer = await ask("What is Smith et al. 2020?");
    expect(answer.refused).toBe(true);
    expect(answer.answer).toMatch(/no entry for Smith et al\. 2020/);
  });

  it("names the cited entries by their labels when answering a claim", async () => {
    const answer = await ask("Which references support the claim that speech can be decoded into text in real time?");
    expect(answer.answer).toContain("It cites Willett et al., 2023");
  });
});

describe("a claim whose best sentence cites nothing", () => {
  it("keeps that sentence and adds the closest one that cites a reference", async () => {
    const answer = await ask("Which references support the claim that hydrogels release a loaded drug slowly and steadily over several weeks?");
    expect(answer.refused).toBe(false);
    expect(answer.answer).toMatch(/makes this claim in 1 Introduction without citing a reference: "Hydrogels release a loaded drug slowly and steadily/);
    expect(answer.answer).toMatch(/comes closest in 1 Introduction: "Hydrogels release a loaded drug slowly over several weeks[^"]*" \[1\]\. It cites Lee and Cho, 2019/);
    expect(answer.references.map((ref) => ref.label)).toEqual(["Lee and Cho, 2019"]);
  });

  it("adds no runner-up that is far from the claim", async () => {
    const answer = await ask("Which references support the claim that hydrogel stiffness depends on the crosslinker?");
    expect(answer.answer).toContain("without citing a reference");
    expect(answer.references).toEqual([]);
  });
});

describe("the references cited on a topic", () => {
  it("lists the citing sentences that hold the topic, with the entries each cites", async () => {
    const answer = await ask("Which references does the Park review cite on hydrogels?");
    expect(answer.refused).toBe(false);
    expect(answer.answer).toMatch(/Park et al\. \(2022\), 1 Introduction: "Hydrogels release a loaded drug slowly over several weeks[^"]*" \[1\]\. It cites Lee and Cho, 2019:/);
    expect(answer.references.map((ref) => ref.label)).toEqual(["Lee and Cho, 2019"]);
  });

  it("says so when no sentence citing anything holds the topic", async () => {
    const answer = await ask("Which references does the review cite on statins?");
    expect(answer.refused).toBe(true);
    expect(answer.answer).toBe("I found no sentence in the reviews that cites a reference on statins.");
  });
});

describe("claimMatchStrength, for a claim matched by alignment alone", () => {
  const partial = (CLAIM_MIN_ALIGNMENT + CLAIM_STRONG_ALIGNMENT) / 2;
  const none = async () => [];
  const aspirin = async () => ["aspirin"];

  it("is partial between the two bands when the sentence lies in one of the first passages found", async () => {
    expect(await claimMatchStrength({ coverage: 0.2, score: partial, passageRank: 0 }, false, [], none)).toBe("partial");
    expect(await claimMatchStrength({ coverage: 0.2, score: partial, passageRank: CLAIM_MAX_PASSAGE_RANK }, false, [], none)).toBe("partial");
    expect(await claimMatchStrength({ coverage: 0.2, score: CLAIM_STRONG_ALIGNMENT, passageRank: 0 }, false, [], none)).toBe("strong");
  });

  it("is not found when the search ranks the sentence's passage low, however close it aligns", async () => {
    expect(await claimMatchStrength({ coverage: 0.2, score: 0.9, passageRank: CLAIM_MAX_PASSAGE_RANK + 1 }, false, [], none)).toBeUndefined();
  });

  it("allows a foreign topic word only in a strong match, and no foreign name at all", async () => {
    expect(await claimMatchStrength({ coverage: 0.2, score: partial, passageRank: 0 }, false, [], aspirin)).toBeUndefined();
    expect(await claimMatchStrength({ coverage: 0.2, score: CLAIM_STRONG_ALIGNMENT, passageRank: 0 }, false, [], aspirin)).toBe("strong");
    expect(await claimMatchStrength({ coverage: 0.2, score: 0.9, passageRank: 0 }, false, ["CAR-T"], none)).toBeUndefined();
  });

  it("keeps a literal match whatever the passage's rank", async () => {
    expect(await claimMatchStrength({ coverage: 0.5, score: 0.5, passageRank: 7 }, true, [], aspirin)).toBe("partial");
  });

  it("finds no literal match whose alignment is below its floor: one shared rare word is not the claim", async () => {
    expect(await claimMatchStrength({ coverage: 0.5, score: CLAIM_MIN_LITERAL_ALIGNMENT, passageRank: 0 }, true, [], none)).toBe("partial");
    expect(await claimMatchStrength({ coverage: 0.5, score: CLAIM_MIN_LITERAL_ALIGNMENT - 0.01, passageRank: 0 }, true, [], none)).toBeUndefined();
    expect(await claimMatchStrength({ coverage: 0.9, score: 0.3, passageRank: 0 }, true, [], none)).toBe("strong");
  });
});

describe("rankClaimMatches", () => {
  // "CD24 ties chemoresistance to stemness": a list naming CD44/CD24 stem cell subsets holds a little more of
  // its words than the sentence that makes it, which aligns far better.
  const list = { id: "list", coverage: 0.51, score: 0.44 };
  const claim = { id: "claim", coverage: 0.43, score: 0.64 };
  const table = { id: "row", coverage: 0.2, score: 0.7 };

  it("ranks sentences holding about as many of the claim's words by their alignment", () => {
    expect(rankClaimMatches([list, claim, table]).matches.map((c) => c.id)).toEqual(["claim", "list", "row"]);
  });

  it("keeps the literal match ahead of a sentence matching by alignment alone", () => {
    const { literal, matches } = rankClaimMatches([table, { ...list, coverage: 0.8 }, claim]);
    expect(literal).toBe(true);
    expect(matches[0]!.id).toBe("list");
  });

  it("keeps the alignment order when no sentence holds the claim's words", () => {
    const { literal, matches } = rankClaimMatches([table, claim]);
    expect(literal).toBe(false);
    expect(matches.map((c) => c.id)).toEqual(["row", "claim"]);
  });
});

describe("citation lookups in a review whose citations could not be linked", () => {
  it("says so instead of 'its list runs from 1 to 0'", async () => {
    const answer = await ask("What is reference 21 in the Jiang review?");
    expect(answer.answer).toContain("The citations of Jiang et al. (2023) could not be linked to its reference list");
    expect(answer.answer).not.toMatch(/runs from 1 to 0/);
  });

  it("says so instead of 'makes this claim without citing a reference'", async () => {
    const answer = await ask("Which references support the claim that GSDMB is expressed in the gastrointestinal tract and tumours?");
    expect(answer.answer).toContain("could not be linked to its reference list");
    expect(answer.answer).not.toMatch(/without citing/);
  });

  it("says so instead of 'has no entry by'", async () => {
    const answer = await ask("Where does the Jiang review cite Zhou?");
    expect(answer.answer).toContain("The citations of Jiang et al. (2023) could not be linked to its reference list");
  });
});

describe("parseCitationLookup on author–year cites", () => {
  it.each([
    ["What is Smith et al. 2020?", "Smith"],
    ["What is (Lee and Park, 2019a) in the Tai review?", "Lee"],
    ["Which reference is Kübler, 2020?", "Kübler"],
  ])("%s is a lookup", (question, surname) => {
    const intent = parseCitationLookup(question);
    expect(intent?.kind).toBe("works");
    expect(intent?.kind === "works" && intent.works[0]!.surname).toBe(surname);
  });

  it("leaves content questions about a study to retrieval", () => {
    expect(parseCitationLookup("What did Willett et al. 2021 decode from the motor cortex?")).toBeNull();
  });
});
