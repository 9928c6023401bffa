import { describe, expect, it } from "vitest";
import { SpelledOutAcronyms } from "./spelled-out-acronyms.ts";

const corpus = [
  "According to the American Cancer Society (1), there will be 300,590 new cases.",
  "Nanomaterials use the enhanced permeability retention effect to reach tumors.",
  "The enhanced permeability retention effect depends on leaky vessels.",
  "Triple-negative breast cancer (TNBC) lacks receptors; TNBC is aggressive.",
  "Trials NCT04305496 and NCT02648477 were registered.",
  "The Food and Drug Administration approved olaparib.",
  "Another carrier sustained release of drugs, and carrier size reduced toxicity.",
];
const printed = new Set(corpus.flatMap((text) => text.toLowerCase().match(/[a-z0-9]+/g) ?? []));
const acronyms = new SpelledOutAcronyms(corpus, (word) => printed.has(word) || [...printed].some((p) => p.length > word.length && p.startsWith(word)));

describe("SpelledOutAcronyms", () => {
  it("spells out an acronym the corpus never prints, from a name or a repeated phrase", () => {
    expect(acronyms.rewrite("What figures does the review quote from the ACS?")).toBe("What figures does the review quote from the american cancer society?");
    expect(acronyms.rewrite("What underlies the EPR effect?")).toBe("What underlies the enhanced permeability retention effect?");
    expect(acronyms.rewrite("Has the FDA approved it?")).toBe("Has the food and drug administration approved it?");
  });

  it("leaves acronyms the corpus prints, and phrases seen once that are not names", () => {
    expect(acronyms.rewrite("Is TNBC treatable?")).toBe("Is TNBC treatable?");
    expect(acronyms.rewrite("Which NCT trials?")).toBe("Which NCT trials?");
    // "carrier sustained release" occurs once and is no name: not an expansion of CSR.
    expect(acronyms.rewrite("What is CSR?")).toBe("What is CSR?");
  });
});
