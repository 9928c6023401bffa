import { describe, expect, it } from "vitest";
import { classifyParagraph, splitParagraphs } from "./parse-blocks.ts";
import { affiliationEntries, isAffiliation } from "./detect-furniture.ts";
import { frontMatterPassage } from "./front-matter-passage.ts";

const blocksOf = (text: string) => splitParagraphs(text).map((lines) => classifyParagraph(lines, false));
const abstract =
  "Sleep spindles are bursts of oscillatory activity that have been linked to the consolidation of declarative memory in many studies of healthy adults. This review summarises what is known about their generation, their measurement and their relation to learning across the lifespan.";

describe("frontMatterPassage", () => {
  it("keeps panels, author line and affiliations, and a correspondence footnote printed after the first heading", () => {
    const blocks = blocksOf(
      [
        "RECEIVED 03 March 2022",
        "Sleep spindles and memory",
        "Tom Ashby¹ and Ines Brandt^{2*}",
        "¹Department of Psychology, Northfield University, Leeds, United Kingdom",
        abstract,
        "1. Introduction",
        "Spindles were first described in the 1930s and have been studied since in many species and conditions.",
        "School of Chemistry, Eastbay University, Bristol, UK. E-mail: ines.brandt@eastbay.ac.uk",
      ].join("\n\n"),
    );
    const firstHeading = blocks.findIndex((block) => block.kind === "heading");
    const passage = frontMatterPassage(blocks.slice(0, firstHeading), blocks)!;
    expect(passage.split("\n")).toEqual([
      "RECEIVED 03 March 2022",
      "Sleep spindles and memory",
      "Tom Ashby¹ and Ines Brandt^{2*}",
      "¹Department of Psychology, Northfield University, Leeds, United Kingdom",
      "School of Chemistry, Eastbay University, Bristol, UK. E-mail: ines.brandt@eastbay.ac.uk",
    ]);
  });

  it("keeps numbered affiliations printed as one paragraph one per line, and a long correspondence block", () => {
    const correspondence =
      "Corresponding authors: Ines Brandt, School of Chemistry, Eastbay University, 12 Harbour Road, Bristol BS1 5TR, United Kingdom. E-mail: ines.brandt@eastbay.ac.uk; " +
      "Tom Ashby, Department of Psychology, Northfield University, 4 Moor Lane, Leeds LS2 9JT, United Kingdom. E-mail: tom.ashby@northfield.ac.uk; " +
      "Ada Brook, Institute of Neurology, Westgate Hospital, 8 Mill Street, London WC1N 3BG, United Kingdom. E-mail: ada.brook@westgate.nhs.uk.";
    const blocks = blocksOf(
      [
        "Sleep spindles and memory",
        "Tom Ashby¹, Ines Brandt², Ada Brook³",
        "1. Department of Psychology, Northfield University, Leeds LS2 9JT, United Kingdom. 2. School of Chemistry, Eastbay University, Bristol, United Kingdom. 3. Institute of Neurology, Westgate Hospital, London, United Kingdom.",
        correspondence,
        abstract,
        "1. Introduction",
        "Spindles were first described in the 1930s.",
      ].join("\n\n"),
    );
    const firstHeading = blocks.findIndex((block) => block.kind === "heading");
    expect(frontMatterPassage(blocks.slice(0, firstHeading), blocks)!.split("\n")).toEqual([
      "Sleep spindles and memory",
      "Tom Ashby¹, Ines Brandt², Ada Brook³",
      "1. Department of Psychology, Northfield University, Leeds LS2 9JT, United Kingdom.",
      "2. School of Chemistry, Eastbay University, Bristol, United Kingdom.",
      "3. Institute of Neurology, Westgate Hospital, London, United Kingdom.",
      correspondence,
    ]);
  });

  it("is undefined for a document without front matter", () => {
    expect(frontMatterPassage([], blocksOf(abstract))).toBeUndefined();
  });
});

describe("isAffiliation", () => {
  it("reads an affiliation by its marker and unit, with or without a closing full stop", () => {
    expect(isAffiliation("¹Department of Psychology, Northfield University, Leeds, United Kingdom")).toBe(true);
    expect(isAffiliation("1. Department of General Surgery, Northfield Hospital, Leeds 210000, United Kingdom.")).toBe(true);
    expect(isAffiliation("Institute of Neurology, Westgate Hospital, London.")).toBe(true);
  });

  it("is no sentence naming a university, nor an affiliation a layout reader ran into prose", () => {
    expect(isAffiliation("Researchers at Northfield University described spindles in the hospital's sleep unit.")).toBe(false);
    expect(isAffiliation(`¹Institute for Advanced Study, Kyoto University, Kyoto, Japan. ${abstract}`)).toBe(false);
  });

  it("splits a run of numbered affiliations, and nothing else", () => {
    expect(affiliationEntries("1. Department of Surgery, Northfield Hospital, Leeds. 2. School of Medicine, Eastbay University, Bristol.")).toEqual([
      "1. Department of Surgery, Northfield Hospital, Leeds.",
      "2. School of Medicine, Eastbay University, Bristol.",
    ]);
    expect(affiliationEntries("1. Department of Surgery, Northfield Hospital, Leeds.")).toBeUndefined();
    expect(affiliationEntries("We studied 2. Spindles in 3. Cohorts.")).toBeUndefined();
  });
});
