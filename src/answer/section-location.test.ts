import { describe, expect, it } from "vitest";
import { Corpus } from "../store/corpus.ts";
import type { StoredDocument } from "../store/index-files.ts";
import type { Chunk } from "../types.ts";
import { answerSectionLocation, parseSectionLocation } from "./section-location.ts";
import { SentenceIndex } from "./sentence-index.ts";

describe("parseSectionLocation", () => {
  it("reads where a topic is asked for, without the words naming the paper or the place", () => {
    expect(parseSectionLocation("Which section of the Guan review discusses quantum dots?", ["Guan"])).toBe("quantum dots");
    expect(parseSectionLocation("Where in the Verma review are exosomes discussed?", ["Verma"])).toBe("exosomes");
    expect(parseSectionLocation("In which sections is hypoxia mentioned?", [])).toBe("hypoxia");
    expect(parseSectionLocation("Where in Verma et al. is tamoxifen resistance discussed?", ["Verma"])).toBe("tamoxifen resistance");
    expect(parseSectionLocation("Where does the review talk about gel beads?", [])).toBe("gel beads");
  });

  it("is no such question when it asks what, or where something comes from, or where a source is cited", () => {
    expect(parseSectionLocation("What does the Guan review say about quantum dots?", ["Guan"])).toBeNull();
    expect(parseSectionLocation("Where do cancer stem cells come from?", [])).toBeNull();
    expect(parseSectionLocation("Where does the review cite Granja?", [])).toBeNull();
    expect(parseSectionLocation("Which section is it?", [])).toBeNull();
  });
});

function chunk(docId: string, n: number, section: string, texts: string[], refs: number[] = []): Chunk {
  const sentences = texts.map((text, i) => ({ text, refs: refs[i] ? [refs[i]] : [], start: i * 100, end: i * 100 + text.length }));
  const text = texts.join(" ");
  return { id: `${docId}:000${n}`, docId, section, sectionId: section, kind: "text", text, sentences, refs: refs.filter(Boolean), start: 0, end: text.length };
}

const chunks = [
  chunk("lee2019", 0, "Abstract", ["Gel beads carry enzymes."]),
  chunk("lee2019", 1, "2 Carriers", ["Gel beads swell in water.", "Silica shells do not.", "Gel beads release enzymes slowly."], [0, 0, 3]),
  chunk("lee2019", 2, "3 Outlook", ["Costs remain high."]),
  chunk("kim2022", 0, "1 Pores", ["Silica pores hold drugs."]),
];
const documents = ["lee2019", "kim2022"].map((id) => ({ meta: { id, title: id, authors: [id.slice(0, 3)], year: 2020 }, references: [] }) as unknown as StoredDocument);
const res = { corpus: new Corpus({ documents, chunks, links: [] }), sentences: new SentenceIndex(chunks) };

describe("answerSectionLocation", () => {
  it("lists the sections naming the topic, most mentions first, each cited by its first sentence naming it", () => {
    const cited: { docId: string; n: number }[][] = [];
    const payload = answerSectionLocation("gel beads", ["lee2019"], true, res, {}, (refs) => (cited.push([...refs]), []));
    expect(payload.refused).toBe(false);
    expect(payload.answer).toBe('Lee et al. (2020) discusses gel beads in "2 Carriers" (2 sentences) [1] and "Abstract" (1 sentence) [2].\nIn "2 Carriers": Gel beads swell in water [1].');
    expect(payload.sources.map((source) => source.id)).toEqual(["lee2019:0001", "lee2019:0000"]);
  });

  it("says a named paper never names the topic, and lists only the papers naming it otherwise", () => {
    const both = answerSectionLocation("gel beads", ["lee2019", "kim2022"], true, res, {}, () => []);
    expect(both.answer).toContain("Kim et al. (2020) does not mention gel beads.");
    const unnamed = answerSectionLocation("gel beads", ["lee2019", "kim2022"], false, res, {}, () => []);
    expect(unnamed.answer).not.toContain("Kim");
    const nowhere = answerSectionLocation("quantum dots", ["lee2019", "kim2022"], false, res, {}, () => []);
    expect(nowhere).toMatchObject({ refused: true, answer: "The papers do not mention quantum dots.", sources: [] });
  });
});
