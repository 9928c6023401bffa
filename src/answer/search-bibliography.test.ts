import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { loadCorpus } from "../store/load-index.ts";
import { BibliographyIndex, authorNameParts } from "./search-bibliography.ts";

let bibliography: BibliographyIndex;
beforeAll(async () => {
  bibliography = new BibliographyIndex(await loadCorpus(loadConfig({}).indexDir));
});

describe("authorNameParts", () => {
  it("keeps names, not initials", () => {
    expect([...authorNameParts(["Aly S", "D. N. Kumar", "El-Kamel AH"])].sort()).toEqual(["aly", "el", "elkamel", "kamel", "kumar"]);
  });
});

describe("BibliographyIndex", () => {
  const keys = (hits: { docId: string; n: number }[]) => hits.map((h) => `${h.docId}#${h.n}`);

  it("finds by author, DOI, journal with year, and title words", () => {
    expect(keys(bibliography.search("Granja"))).toEqual(["guan2024#43"]);
    expect(keys(bibliography.search("doi:10.1016/j.ijpharm.2023.123163"))).toEqual(["guan2024#44"]);
    expect(keys(bibliography.search("Int J Pharm 2023"))).toContain("guan2024#44");
    expect(keys(bibliography.search("pterostilbene nanoparticles"))[0]).toBe("guan2024#44");
    expect(keys(bibliography.search("Hong Br J Cancer 2020"))).toContain("verma2024#100");
  });

  it("needs every word to match, and filters by document", () => {
    expect(bibliography.search("Granja 1999")).toEqual([]);
    expect(bibliography.search("Granja", { docs: ["verma2024"] })).toEqual([]);
    expect(bibliography.search("the of and")).toEqual([]);
  });

  it("finds entries by any author's surname", () => {
    expect(keys(bibliography.byAuthor("Granja"))).toEqual(["guan2024#43"]);
    expect(keys(bibliography.byAuthor("El-Habashy"))).toContain("guan2024#44");
  });
});
