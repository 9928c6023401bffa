import { describe, expect, it } from "vitest";
import { bestLongForm, findAbbreviations } from "./abbreviations.ts";

describe("findAbbreviations", () => {
  it("finds single- and multi-word definitions the way reviews write them", () => {
    const text =
      "Chemotherapy with doxorubicin (DOX) remains standard. In triple-negative breast cancer (TNBC), " +
      "molybdenum disulfide (MoS2) sheets and solid lipid nanoparticles (SLNs) were tested; P-glycoprotein (P-gp) pumps drugs out.";
    expect(findAbbreviations(text)).toEqual([
      { short: "DOX", long: "doxorubicin" },
      { short: "TNBC", long: "triple-negative breast cancer" },
      { short: "MoS2", long: "molybdenum disulfide" },
      { short: "SLNs", long: "solid lipid nanoparticles" },
      { short: "P-gp", long: "P-glycoprotein" },
    ]);
  });

  it("ignores citations, years, figures and capitalised words in parentheses", () => {
    const text = "as shown before (43) in 2020 (2020) and in the scheme (Figure 3), cells (Created with BioRender).";
    expect(findAbbreviations(text)).toEqual([]);
  });

  it("keeps the first definition of a short form", () => {
    const text = "paclitaxel (PTX) was used; later, nab-paclitaxel (PTX) too.";
    expect(findAbbreviations(text)).toEqual([{ short: "PTX", long: "paclitaxel" }]);
  });

  it("does not reach into the previous sentence", () => {
    expect(findAbbreviations("Tumors in kidneys grow. Then (TIK) was seen.")).toEqual([]);
  });
});

describe("bestLongForm", () => {
  it("requires the short form's first letter to start a word", () => {
    expect(bestLongForm("EMT", "the epithelial-mesenchymal transition")).toBe("epithelial-mesenchymal transition");
    expect(bestLongForm("XYZ", "nothing here")).toBeNull();
  });
});
