import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { loadCorpus } from "../store/load-index.ts";
import { abbreviationTerms } from "./abbreviations.ts";

describe("abbreviationTerms", () => {
  it("maps short forms to the analyzer terms of their long forms", () => {
    const found = abbreviationTerms(["Solid lipid nanoparticles (SLNs) carry docetaxel (DTX); the transporter P-glycoprotein (P-gp) expels it."]);
    expect(found.get("sln")?.expansion).toEqual(["solid", "lipid", "nanoparticl"]);
    expect(found.get("dtx")?.expansion).toEqual(["docetaxel"]);
    expect(found.get("pgp")?.expansion).toContain("glycoprotein");
  });

  it("finds the reviews' own definitions", async () => {
    const corpus = await loadCorpus(loadConfig({}).indexDir);
    const found = abbreviationTerms(corpus.documents.map((doc) => doc.text));
    expect(found.get("sln")?.expansion).toEqual(["solid", "lipid", "nanoparticl"]);
    expect(found.get("tnbc")?.expansion).toContain("breast");
    expect(found.get("dtx")?.expansion).toEqual(["docetaxel"]);
  });
});
