import { describe, expect, it } from "vitest";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import { asksOnlyForSection, sectionLeadPayload, sectionNotQuotedWarning, sectionOnlyAnswer, SECTION_LEAD_SENTENCES } from "./section-answer.ts";
import { findSectionMentions } from "./section-mentions.ts";
import { withoutWords } from "./question-terms.ts";
import { SentenceIndex } from "./sentence-index.ts";

function chunk(id: string, section: string, texts: string[], refs: number[] = []): Chunk {
  const sentences = texts.map((text, i) => ({ text, refs: refs[i] ? [refs[i]] : [], start: i * 100, end: i * 100 + text.length }));
  const text = texts.join(" ");
  return { id, docId: "lee2019", section, sectionId: section, kind: "text", text, sentences, refs: refs.filter(Boolean), start: 0, end: text.length };
}

const chunks = [
  chunk("lee2019:0000", "Abstract", ["Gel beads carry enzymes.", "They shield them from heat."]),
  chunk("lee2019:0001", "1 Introduction", ["Enzymes denature easily."]),
  chunk("lee2019:0002", "6 Conclusions", ["Bead carriers work in vitro.", "Trials are missing.", "Costs remain high.", "Scale-up is untested."], [4]),
];
const doc = { meta: { id: "lee2019", title: "Beads for enzymes" }, references: [] } as unknown as StoredDocument;
const res = { corpus: new Corpus({ documents: [doc], chunks, links: [] }), sentences: new SentenceIndex(chunks) };

describe("asksOnlyForSection", () => {
  it("is true when the question, without its naming words, asks only for the gist", () => {
    expect(asksOnlyForSection("What does the say?")).toBe(true);
    expect(asksOnlyForSection("What are the main points of the?")).toBe(true);
    expect(asksOnlyForSection("What does the review propose?")).toBe(true);
    expect(asksOnlyForSection("What does the start with?")).toBe(true);
    expect(asksOnlyForSection("How does the begin?")).toBe(true);
  });

  it("is false when a topic remains", () => {
    expect(asksOnlyForSection("What does the say about heat?")).toBe(false);
    expect(asksOnlyForSection("What does the say gel beads can do?")).toBe(false);
  });
});

describe("sectionLeadPayload", () => {
  it("quotes the named section's leading sentences, citing its passage and references", () => {
    const mention = findSectionMentions("What do the conclusions say?", chunks, false)!;
    const cited: { docId: string; n: number }[][] = [];
    const payload = sectionLeadPayload(mention, res, {}, (refs) => (cited.push([...refs]), []))!;
    expect(payload.refused).toBe(false);
    expect(payload.sources.map((source) => source.id)).toEqual(["lee2019:0002"]);
    expect(payload.answer).toBe("Bead carriers work in vitro [1]. Trials are missing [1]. Costs remain high [1].");
    expect(payload.answer.split(". ")).toHaveLength(SECTION_LEAD_SENTENCES);
    expect(cited).toEqual([[{ docId: "lee2019", n: 4 }]]);
  });

  it("opens a heading with no text of its own with the first section it holds", () => {
    const outline = ["Abstract", "1 Introduction", "METHODS", "Bead assay", "6 Conclusions"].map((heading) => ({ docId: "lee2019", heading }));
    const withMethods = [...chunks, chunk("lee2019:0003", "Bead assay", ["Beads were heated to 60 °C.", "Activity was read at 405 nm."])];
    const corpus = { corpus: new Corpus({ documents: [doc], chunks: withMethods, links: [] }), sentences: new SentenceIndex(withMethods) };
    const payload = sectionLeadPayload(findSectionMentions("What does the methods section say?", withMethods, false, outline)!, corpus, {}, () => [])!;
    expect(payload.answer).toBe("Beads were heated to 60 °C [1]. Activity was read at 405 nm [1].");
  });

  it("reads the abstract, not the introduction after it", () => {
    const payload = sectionLeadPayload(findSectionMentions("What does the abstract say?", chunks, false)!, res, {}, () => [])!;
    expect(payload.answer).toBe("Gel beads carry enzymes [1]. They shield them from heat [1].");
  });
});

describe("sectionOnlyAnswer", () => {
  // A second toy paper that ends without a conclusion heading.
  const kimChunks = [
    { ...chunk("kim2022:0000", "Abstract", ["Silica pores hold drugs."]), docId: "kim2022" },
    { ...chunk("kim2022:0001", "2 Open problems", ["Pores clog.", "Release is uneven."]), docId: "kim2022" },
    { ...chunk("kim2022:0002", "2.1 Clogging", ["Protein coronas block pores."]), docId: "kim2022" },
  ];
  const kim = { meta: { id: "kim2022", title: "Silica carriers", year: 2022 }, references: [] } as unknown as StoredDocument;
  const both = [...chunks, ...kimChunks];
  const two = { corpus: new Corpus({ documents: [doc, kim], chunks: both, links: [] }), sentences: new SentenceIndex(both) };
  const ask = (question: string, namedDocuments: string[], words: string[]) => {
    const sections = findSectionMentions(question, both.filter((c) => namedDocuments.includes(c.docId)), true);
    const topic = (text: string) => withoutWords(text, [...words, ...(sections?.words ?? [])]);
    return sectionOnlyAnswer({ question, sections, namedDocuments, topic, res: two, events: {}, entries: () => [] });
  };

  it("says a named paper prints no heading for the part asked, listing its sections", () => {
    const payload = ask("What is the conclusion of the Kim review?", ["kim2022"], ["Kim"])!;
    expect(payload.refused).toBe(true);
    expect(payload.answer).toContain("Kim et al. (2022) prints no section headed as its conclusion");
    expect(payload.answer).toContain("Its sections are: Abstract; 2 Open problems.");
    expect(payload.sources.map((source) => source.id)).toEqual(["kim2022:0001"]);
  });

  it("answers from the section when the paper prints it, and leaves a question with a topic to search", () => {
    expect(ask("What is the conclusion of the Lee review?", ["lee2019"], ["Lee"])!.refused).toBe(false);
    expect(ask("What is the conclusion of the Kim review about coronas?", ["kim2022"], ["Kim"])).toBeNull();
    expect(ask("What does the abstract of the Lee review say about heat?", ["lee2019"], ["Lee"])).toBeNull();
  });
});

describe("sectionNotQuotedWarning", () => {
  const mention = findSectionMentions("What does the abstract say about denaturing?", chunks, false)!;
  const from = (id: string) => ({ source: { id } as never });
  it("warns when no quoted sentence comes from the named sections", () => {
    expect(sectionNotQuotedWarning(mention, [from("lee2019:0001")], res.corpus)).toBe(
      'The section asked ("Abstract" of Lee et al.) does not say this; answered from other passages',
    );
  });
  it("is silent when one does, or when no section is named", () => {
    expect(sectionNotQuotedWarning(mention, [from("lee2019:0001"), from("lee2019:0000")], res.corpus)).toBeUndefined();
    expect(sectionNotQuotedWarning(null, [from("lee2019:0001")], res.corpus)).toBeUndefined();
  });
});
