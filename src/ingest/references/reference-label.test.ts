import { describe, expect, it } from "vitest";
import { labelParts, referenceLabel } from "./reference-label.ts";

describe("referenceLabel", () => {
  it("names one, two, or the first of three or more authors, with the printed suffix", () => {
    expect(referenceLabel(["Moreau, P. L."], false, 2019)).toBe("Moreau, 2019");
    expect(referenceLabel(["Moreau, P. L.", "Ostrander, K."], false, 2019, "b")).toBe("Moreau and Ostrander, 2019b");
    expect(referenceLabel(["Ames B", "Cole D", "Young Z"], false, 2020)).toBe("Ames et al., 2020");
    expect(referenceLabel(["van den Berg, A."], true, 2011)).toBe("van den Berg et al., 2011");
    expect(referenceLabel(["T. Okafor", "R. de Vries"], false, 2014)).toBe("Okafor and de Vries, 2014");
    expect(referenceLabel(["R Core Team"], false, 2018, "", true)).toBe("R Core Team, 2018");
  });
});

describe("labelParts", () => {
  it("reads a label back into surnames, year and suffix", () => {
    expect(labelParts("Ames et al., 2003a")).toEqual({ surnames: ["Ames"], etAl: true, year: 2003, suffix: "a" });
    expect(labelParts("Moreau and Ostrander, 2019")).toEqual({ surnames: ["Moreau", "Ostrander"], etAl: false, year: 2019, suffix: "" });
    expect(labelParts("no year here")).toBeNull();
  });
});
