import { describe, expect, it } from "vitest";
import { DocumentAbbreviations, abbreviationTerms } from "./abbreviations.ts";

// Two small papers of different fields: one short form defined alike, one defined differently,
// and phrases whose initials spell acronyms neither defines.
const oncology = {
  id: "onc2024",
  text:
    "Triple-negative breast cancer (TNBC) resists therapy. Paclitaxel bound to human serum albumin (HSA) reaches tumors. " +
    "C-reactive protein (CRP) rises with inflammation. Breast cancer often recurs, offering new hope to nobody.",
};
const materials = {
  id: "mat2024",
  text:
    "Graphene has a high surface area and high surface area carriers load drugs. In triple-negative breast cancer (TNBC) " +
    "such carriers help. Continuous reactive polymerization (CRP) forms the shell; castration resistant prostate tumors differ.",
};
const abbreviations = new DocumentAbbreviations([oncology, materials]);

describe("abbreviationTerms", () => {
  it("maps short forms to the analyzer terms of their long forms", () => {
    const found = abbreviationTerms("Solid lipid nanoparticles (SLNs) carry docetaxel (DTX); the transporter P-glycoprotein (P-gp) expels it.");
    expect(found.get("sln")).toEqual({ term: "sln", expansion: ["solid", "lipid", "nanoparticl"], long: "Solid lipid nanoparticles" });
    expect(found.get("dtx")?.expansion).toEqual(["docetaxel"]);
    expect(found.get("pgp")?.expansion).toContain("glycoprotein");
  });
});

describe("DocumentAbbreviations", () => {
  it("spells out a short form the documents define alike", () => {
    expect(abbreviations.expandQuestion("Is TNBC treatable?")).toBe("Is Triple-negative breast cancer (TNBC) treatable?");
    expect(abbreviations.expandQuestion("Which drugs reach TNBCs?")).toBe("Which drugs reach Triple-negative breast cancer (TNBCs)?");
  });

  it("leaves a question that already spells it out", () => {
    expect(abbreviations.expandQuestion("Is triple-negative breast cancer (TNBC) treatable?")).toBe("Is triple-negative breast cancer (TNBC) treatable?");
  });

  it("never spells out an acronym from the initials of a phrase no document defines it as", () => {
    // "high surface area" (twice in one paper), "breast cancer often", "offering new hope": no definition.
    expect(new DocumentAbbreviations([materials]).expandQuestion("Is HSA used as a carrier for paclitaxel?")).toBe("Is HSA used as a carrier for paclitaxel?");
    expect(abbreviations.expandQuestion("What does BCO mean?")).toBe("What does BCO mean?");
    expect(abbreviations.expandQuestion("Is there ONH?")).toBe("Is there ONH?");
    expect(abbreviations.expandQuestion("Which MMP, PKA or GFR?")).toBe("Which MMP, PKA or GFR?");
  });

  it("leaves a short form two documents define differently, and reads each document's own definition in it", () => {
    expect(abbreviations.expandQuestion("Is CRP raised?")).toBe("Is CRP raised?");
    expect(abbreviations.of("onc2024").get("crp")?.long).toBe("C-reactive protein");
    expect(abbreviations.of("mat2024").get("crp")?.long).toBe("Continuous reactive polymerization");
  });

  it("reads in a document the agreed meaning of a short form it uses without defining", () => {
    // Only the oncology paper defines HSA, and nobody defines it otherwise.
    expect(abbreviations.of("mat2024").get("hsa")?.long).toBe("human serum albumin");
    expect(abbreviations.expandQuestion("Is HSA used as a carrier for paclitaxel?")).toBe("Is human serum albumin (HSA) used as a carrier for paclitaxel?");
  });
});
