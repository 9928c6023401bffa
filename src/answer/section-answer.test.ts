import { describe, expect, it } from "vitest";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import { asksOnlyForSection, sectionLeadPayload, SECTION_LEAD_SENTENCES } from "./section-answer.ts";
import { findSectionMentions } from "./section-mentions.ts";
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

  it("reads the abstract, not the introduction after it", () => {
    const payload = sectionLeadPayload(findSectionMentions("What does the abstract say?", chunks, false)!, res, {}, () => [])!;
    expect(payload.answer).toBe("Gel beads carry enzymes [1]. They shield them from heat [1].");
  });
});
