import { describe, expect, it } from "vitest";
import { parseReferenceEntry, parseReferenceList } from "./parse-reference-list.ts";

describe("parseReferenceEntry, Vancouver-like (Frontiers)", () => {
  it("reads authors, title, journal, year, volume, pages and DOI", () => {
    const entry = parseReferenceEntry(
      48,
      "Boratto FA, Lages EB, Loures CMC, Sabino AP, Malachias A, Townsend DM, et al. Alpha-tocopheryl succinate and doxorubicin-loaded liposomes improve drug uptake and tumor accumulation in a murine breast tumor model. *BioMed Pharmacother.* (2023) 165:115034. doi: 10.1016/j.biopha.2023.115034",
    );
    expect(entry).toMatchObject({
      n: 48,
      authors: ["Boratto FA", "Lages EB", "Loures CMC", "Sabino AP", "Malachias A", "Townsend DM"],
      title: "Alpha-tocopheryl succinate and doxorubicin-loaded liposomes improve drug uptake and tumor accumulation in a murine breast tumor model",
      journal: "BioMed Pharmacother",
      year: 2023,
      volume: "165",
      pages: "115034",
      doi: "10.1016/j.biopha.2023.115034",
      url: "https://doi.org/10.1016/j.biopha.2023.115034",
      paperKey: "doi:10.1016/j.biopha.2023.115034",
    });
    expect(entry.text).not.toContain("*");
  });

  it("lowercases DOIs and keeps emphasis inside titles out of the journal", () => {
    const entry = parseReferenceEntry(
      5,
      "Baxter DE, Kim B. Neoadjuvant endocrine therapy upregulates the drug pump *abcg2/bcrp*. *Clin Breast Cancer*. (2018) 18:481–88. doi: 10.1016/S1470-2045(23)00172-9",
    );
    expect(entry).toMatchObject({ journal: "Clin Breast Cancer", pages: "481–88", doi: "10.1016/s1470-2045(23)00172-9" });
    expect(entry.title).toBe("Neoadjuvant endocrine therapy upregulates the drug pump abcg2/bcrp");
  });

  it("moves words the emphasis swallowed back into the title", () => {
    const entry = parseReferenceEntry(62, "Nene LC, Nyokong T. Photo-sonodynamic activity against mcf-7 cells. *in vitro. Photodiagnosis Photodyn Ther.* (2021) 36:102573. doi: 10.1016/j.pdpdt.2021.102573");
    expect(entry.journal).toBe("Photodiagnosis Photodyn Ther");
    expect(entry.title).toBe("Photo-sonodynamic activity against mcf-7 cells. in vitro");
  });

  it("reads classic Vancouver and plain (PDF) entries without emphasis", () => {
    expect(parseReferenceEntry(1, "Smith J, Doe A. Nanoparticles in cancer. Int J Pharm. 2020;12(3):100-10. doi:10.1000/X.1")).toMatchObject({
      authors: ["Smith J", "Doe A"], title: "Nanoparticles in cancer", journal: "Int J Pharm", year: 2020, volume: "12", pages: "100-10", doi: "10.1000/x.1",
    });
  });
});

describe("parseReferenceEntry, RSC", () => {
  it("reads authors, journal, year, bold volume and pages; no title or DOI", () => {
    const entry = parseReferenceEntry(
      129,
      "S. Dallavalle, V. Dobričić, L. Lazzarato, E. Gazzano, M. Machuqueiro, I. Pajeva, I. Tsakovska, N. Zidar and R. Fruttero, *Drug Resist. Updates*, 2020, **50**, 100682.",
    );
    expect(entry).toMatchObject({ journal: "Drug Resist. Updates", year: 2020, volume: "50", pages: "100682" });
    expect(entry.authors[0]).toBe("S. Dallavalle");
    expect(entry.authors).toHaveLength(9);
    expect(entry.title).toBeUndefined();
    expect(entry.doi).toBeUndefined();
    expect(entry.paperKey).toBe("bib:dallavalle|2020|drug resist update|50");
  });

  it("reads issues, books and entries without a journal", () => {
    expect(parseReferenceEntry(1, "R. L. Siegel, A. N. Giaquinto and A. Jemal, *Ca-Cancer J. Clin.*, 2024, **74**(1), 12–49.")).toMatchObject({
      authors: ["R. L. Siegel", "A. N. Giaquinto", "A. Jemal"], journal: "Ca-Cancer J. Clin.", year: 2024, volume: "74", pages: "12–49",
    });
    expect(parseReferenceEntry(85, "S. Nasra, R. Chaudhari and A. Kumar, in *Nanomedicine for Cancer Diagnosis and Therapy*, Springer, 2021, pp. 115–132.")).toMatchObject({
      journal: "Nanomedicine for Cancer Diagnosis and Therapy", year: 2021, pages: "115–132",
    });
    expect(parseReferenceEntry(27, "J. M. Fortune and N. Osheroff, 2000.")).toMatchObject({ authors: ["J. M. Fortune", "N. Osheroff"], year: 2000 });
  });
});

describe("parseReferenceList", () => {
  it("reports gaps and never renumbers", () => {
    const list = parseReferenceList([
      { n: 1, raw: "A. Author, *J. Test*, 2020, **1**, 1." },
      { n: 3, raw: "B. Author, *J. Test*, 2021, **2**, 2." },
      { n: 6, raw: "C. Author, *J. Test*, 2022, **3**, 3." },
    ]);
    expect(list.references.map((r) => r.n)).toEqual([1, 3, 6]);
    expect(list.missingReferenceNumbers).toEqual([2, 4, 5]);
  });
});
