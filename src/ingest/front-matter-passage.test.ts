import { describe, expect, it } from "vitest";
import { classifyParagraph, splitParagraphs } from "./parse-blocks.ts";
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

  it("is undefined for a document without front matter", () => {
    expect(frontMatterPassage([], blocksOf(abstract))).toBeUndefined();
  });
});
