import { describe, expect, it } from "vitest";
import type { Chunk } from "../types.ts";
import { findSectionMentions, missingSections, withPartsAsPaper } from "./section-mentions.ts";

let ordinal = 0;
function chunk(docId: string, section: string, text = "Some text."): Chunk {
  const id = `${docId}:${String(ordinal++).padStart(4, "0")}`;
  return { id, docId, section, sectionId: section, kind: "text", text, sentences: [{ text, refs: [], start: 0, end: text.length }], refs: [], start: 0, end: text.length };
}

// A toy paper with IMRaD-like parts and a numbered body, and one without a conclusion.
const smith = [
  chunk("smith2020", "Abstract"),
  chunk("smith2020", "1 Introduction"),
  chunk("smith2020", "2 Carriers"),
  chunk("smith2020", "2.1 Gel beads"),
  chunk("smith2020", "2.1 Gel beads"),
  chunk("smith2020", "2.2 Silica shells"),
  chunk("smith2020", "3 Results"),
  chunk("smith2020", "4 Outlook"),
  chunk("smith2020", "5 Concluding remarks"),
];
const jones = [chunk("jones2021", "Summary"), chunk("jones2021", "1 Background"), chunk("jones2021", "2 Open challenges and hopes")];
const headings = (question: string, chunks: readonly Chunk[], named = false) =>
  findSectionMentions(question, chunks, named)?.headings.map((h) => h.heading) ?? [];

describe("findSectionMentions", () => {
  it("matches a named part against the headings the paper prints", () => {
    expect(headings("What does the abstract say?", smith)).toEqual(["Abstract"]);
    expect(headings("What do the conclusions say about beads?", smith)).toEqual(["5 Concluding remarks"]);
    expect(headings("What future directions are proposed?", smith)).toEqual(["4 Outlook"]);
    expect(headings("What does the abstract say?", jones)).toEqual(["Summary"]);
    expect(headings("What does the introduction say?", jones)).toEqual(["1 Background"]);
  });

  it("takes a closing section titled for challenges or hopes as where a paper without such a heading discusses future directions", () => {
    expect(headings("What future directions does the Jones review propose?", jones, true)).toEqual(["2 Open challenges and hopes"]);
    // Not a body section titled so, only the last top-level one.
    const early = [chunk("ito2022", "1 Challenges of delivery"), chunk("ito2022", "2 Carriers"), chunk("ito2022", "2.1 Beads")];
    expect(headings("What future directions does the Ito review propose?", early, true)).toEqual([]);
  });

  it("reads the verb 'conclude' asked of a paper as its conclusion, or the closing section standing for it", () => {
    expect(headings("What does the Smith review conclude?", smith, true)).toEqual(["5 Concluding remarks"]);
    expect(headings("What does the Jones review conclude?", jones, true)).toEqual(["2 Open challenges and hopes"]);
    expect(headings("What do both reviews conclude?", [...smith, ...jones], true)).toEqual(["5 Concluding remarks", "2 Open challenges and hopes"]);
    // A claim to check, or no paper asked about: no section.
    expect(findSectionMentions("Does the Smith review conclude that beads work?", smith, true)).toBeNull();
    expect(findSectionMentions("What did the bead trial conclude?", smith, false)).toBeNull();
  });

  it("falls back to the closing section per paper: each paper's own heading when it prints one", () => {
    expect(headings("What future directions do the reviews give?", [...smith, ...jones], true)).toEqual(["4 Outlook", "2 Open challenges and hopes"]);
  });

  it("takes a heading with no text of its own for the container of the headings after it set in another case", () => {
    // "METHODS" prints no text before "DNA Constructs": its sections run to the next all-capitals heading.
    const ngo = [chunk("ngo2023", "INTRODUCTION"), chunk("ngo2023", "DISCUSSION"), chunk("ngo2023", "DNA Constructs"), chunk("ngo2023", "Cell Culture"), chunk("ngo2023", "ACKNOWLEDGMENTS")];
    const outline = ["INTRODUCTION", "DISCUSSION", "METHODS", "DNA Constructs", "Cell Culture", "ACKNOWLEDGMENTS"].map((heading) => ({ docId: "ngo2023", heading }));
    const mention = findSectionMentions("What methods does the Ngo paper use?", ngo, true, outline)!;
    expect(mention.headings.map((h) => h.heading)).toEqual(["METHODS"]);
    expect(mention.chunkIds).toEqual([ngo[2]!.id, ngo[3]!.id]);
    // Without the outline the heading is unknown; a heading with text of its own holds only that.
    expect(findSectionMentions("What methods does the Ngo paper use?", ngo, true)).toBeNull();
    expect(findSectionMentions("What does the discussion of the Ngo paper say?", ngo, true, outline)!.chunkIds).toEqual([ngo[1]!.id]);
  });

  it("invents no section a paper lacks", () => {
    expect(findSectionMentions("What is the conclusion of the Jones review?", jones, true)).toBeNull();
    expect(findSectionMentions("What does the discussion of the Smith paper say?", smith, true)).toBeNull();
  });

  it("reads ordinary uses of the nouns as no section", () => {
    expect(findSectionMentions("Does the introduction of gel beads lower toxicity?", smith, false)).toBeNull();
    expect(findSectionMentions("Is the conclusion that silica is inert justified?", smith, false)).toBeNull();
    // "results", "challenges": ordinary words unless a document is named or "section" follows.
    expect(findSectionMentions("What are the results of the trials?", smith, false)).toBeNull();
    expect(headings("What challenges does the Jones review discuss?", jones, true)).toEqual(["2 Open challenges and hopes"]);
    expect(headings("What does the results section say?", smith)).toEqual(["3 Results"]);
  });

  it("finds numbered sections with their subsections, and sections by their title words", () => {
    const mention = findSectionMentions("What does section 2 cover?", smith, false)!;
    expect(mention.headings.map((h) => h.heading)).toEqual(["2 Carriers"]);
    expect(mention.chunkIds).toHaveLength(4);
    expect(mention.words).toEqual(["section", "2"]);
    expect(headings("What does the section on silica shells say about pores?", smith)).toEqual(["2.2 Silica shells"]);
    expect(headings("What does the gel beads section say?", smith)).toEqual(["2.1 Gel beads"]);
    expect(findSectionMentions("What does section 7 say?", smith, false)).toBeNull();
  });

  it("returns the naming words, so the topic is weighed without them", () => {
    expect(findSectionMentions("What does the Smith review's abstract say about pores?", smith, true)!.words).toEqual(["abstract"]);
    expect(findSectionMentions("What future perspectives does it give?", smith, false)!.words).toEqual(["future", "perspectives"]);
  });
});

describe("withPartsAsPaper", () => {
  it("reads a part noun after a name as the document noun", () => {
    expect(withPartsAsPaper("What does the Smith abstract say?")).toBe("What does the Smith paper say?");
    expect(withPartsAsPaper("what does the abstract say?")).toBe("what does the abstract say?");
    // A table or figure of a named paper names the paper too.
    expect(withPartsAsPaper("Which trials in the Smith table used olaparib?")).toBe("Which trials in the Smith paper used olaparib?");
    expect(withPartsAsPaper("What does the Smith figure show?")).toBe("What does the Smith paper show?");
    expect(withPartsAsPaper("What does Table 2 list?")).toBe("What does Table 2 list?");
  });
});

describe("missingSections", () => {
  it("names the parts every paper heads that this one prints no heading for", () => {
    expect(missingSections("What is the conclusion of the Jones review?", jones, true)).toEqual(["conclusion"]);
    expect(missingSections("What are the conclusions of Jones et al.?", jones, true)).toEqual(["conclusions"]);
    expect(missingSections("What is the conclusion of the Smith review?", smith, true)).toEqual([]);
  });

  it("leaves out parts another heading may hold, and ordinary uses of the nouns", () => {
    expect(missingSections("What future directions does the Jones review propose?", jones, true)).toEqual([]);
    expect(missingSections("What limitations does the Jones review list?", jones, true)).toEqual([]);
    expect(missingSections("Is the conclusion that beads work justified?", jones, true)).toEqual([]);
  });
});
