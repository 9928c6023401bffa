import { describe, expect, it } from "vitest";
import { findCitedSentence, passageSentences } from "./find-cited-sentence.ts";

const passage =
  "Nanocarriers evade efflux pumps. Liposomal doxorubicin\nshowed sustained release in MCF-7/ADR cells (48). A third sentence follows here.";

describe("findCitedSentence", () => {
  it("finds an extractive quote exactly, despite line breaks and flattened whitespace", () => {
    const range = findCitedSentence(passage, "Liposomal doxorubicin showed sustained release in MCF-7/ADR cells (48)");
    expect(range).toBeDefined();
    expect(passage.slice(range!.start, range!.end)).toBe("Liposomal doxorubicin\nshowed sustained release in MCF-7/ADR cells (48).");
  });

  it("finds a table row quoted with its tab cells joined by semicolons", () => {
    const table = "TABLE 1 Nanocarriers\nCarrier\tDrug\tRef\nPLGA NPs\tPaclitaxel\t(35)\n";
    const range = findCitedSentence(table, "PLGA NPs; Paclitaxel; (35)");
    expect(table.slice(range!.start, range!.end)).toBe("PLGA NPs\tPaclitaxel\t(35)");
  });

  it("falls back to the sentence sharing most words with a paraphrase", () => {
    const range = findCitedSentence(passage, "In MCF-7/ADR cells, doxorubicin in liposomes was released in a sustained way");
    expect(passage.slice(range!.start, range!.end)).toContain("Liposomal doxorubicin");
  });

  it("highlights nothing when the claim is unrelated", () => {
    expect(findCitedSentence(passage, "Quantum chromodynamics of gluon fields")).toBeUndefined();
    expect(findCitedSentence(passage, "")).toBeUndefined();
  });
});

describe("passageSentences", () => {
  it("splits at sentence ends and blank lines, trimmed", () => {
    const text = "One two. Three four!\n\nFive";
    expect(passageSentences(text).map((r) => text.slice(r.start, r.end))).toEqual(["One two.", "Three four!", "Five"]);
  });
});
