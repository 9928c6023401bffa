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

describe("parseReferenceEntry, one entry per common style (written for these tests)", () => {
  it("Vancouver/NLM with a month and PMID", () => {
    expect(parseReferenceEntry(3, "Okonkwo C, Lindgren PA, Sato Y. Stress granules in aging neurons. J Neurochem. 2019 Mar;148(6):712-25. doi: 10.1111/JNC.14633. PMID: 30512345.")).toMatchObject({
      authors: ["Okonkwo C", "Lindgren PA", "Sato Y"], title: "Stress granules in aging neurons", journal: "J Neurochem", year: 2019,
      volume: "148", pages: "712-25", doi: "10.1111/jnc.14633", pmid: "30512345",
    });
  });

  it("APA with an ampersand, a year suffix, volume(issue) and a doi.org URL", () => {
    const entry = parseReferenceEntry(7, "Moreau, P. L., & Ostrander, K. (2019b). Attention drifts during long tasks. Journal of Applied Cognition, 12(3), 45–67. https://doi.org/10.1000/JAC.2019.045", "author-year");
    expect(entry).toMatchObject({
      authors: ["Moreau, P. L.", "Ostrander, K."], year: 2019, title: "Attention drifts during long tasks",
      journal: "Journal of Applied Cognition", volume: "12", pages: "45–67", doi: "10.1000/jac.2019.045", label: "Moreau and Ostrander, 2019b",
    });
  });

  it("Frontiers author–year with 'and' and an article number", () => {
    expect(parseReferenceEntry(1, "Haldane, B., Iqbal, R., and Okafor, T. (2011). Decoding gaze from scalp signals. Front. Hum. Neurosci. 5:112. doi: 10.3389/fnhum.2011.00112", "author-year")).toMatchObject({
      authors: ["Haldane, B.", "Iqbal, R.", "Okafor, T."], year: 2011, title: "Decoding gaze from scalp signals",
      journal: "Front. Hum. Neurosci.", volume: "5", pages: "112", doi: "10.3389/fnhum.2011.00112", label: "Haldane et al., 2011",
    });
  });

  it("Nature: et al., the year last in parentheses", () => {
    expect(parseReferenceEntry(12, "Vrana, A. et al. Nuclear shape in dividing yeast. Nat. Cell Biol. 22, 101–110 (2020).")).toMatchObject({
      authors: ["Vrana, A."], title: "Nuclear shape in dividing yeast", journal: "Nat. Cell Biol.", year: 2020, volume: "22", pages: "101–110",
    });
    // A DOI between the journal and the year.
    expect(parseReferenceEntry(13, "Vrana, A. et al. Nuclear shape. Cell Rep. https://doi.org/10.1016/j.celrep.2021.1 (2021).")).toMatchObject({ year: 2021, journal: "Cell Rep.", doi: "10.1016/j.celrep.2021.1" });
  });

  it("Cell: an ellipsis before the last author, the year after the authors", () => {
    expect(parseReferenceEntry(2, "Ames, B., Cole, D., … Young, Z. (2020). Membrane contact sites. Cell 181, 5–9.", "author-year")).toMatchObject({
      authors: ["Ames, B.", "Cole, D.", "Young, Z."], year: 2020, title: "Membrane contact sites", journal: "Cell", volume: "181", pages: "5–9", label: "Ames et al., 2020",
    });
  });

  it("ACS page ranges broken after the dash", () => {
    expect(parseReferenceEntry(4, "Quist, H. Chiral amines. Cell 2016, 164, 770− 779.")).toMatchObject({ journal: "Cell", year: 2016, volume: "164", pages: "770−779" });
  });

  it("ACS: semicolons, the year before the volume", () => {
    expect(parseReferenceEntry(4, "Quist, H.-J.; Brandt, S. Chiral amines from ketones. J. Am. Chem. Soc. 2015, 137, 1234−1240.")).toMatchObject({
      authors: ["Quist, H.-J.", "Brandt, S."], title: "Chiral amines from ketones", journal: "J. Am. Chem. Soc.", year: 2015, volume: "137", pages: "1234−1240",
    });
  });

  it("RSC without emphasis: no title, the journal between the authors and the year", () => {
    expect(parseReferenceEntry(9, "T. Okafor, M.-L. Chen and R. de Vries, J. Mater. Chem. A, 2014, 2, 10452–10460.")).toMatchObject({
      authors: ["T. Okafor", "M.-L. Chen", "R. de Vries"], journal: "J. Mater. Chem. A", year: 2014, volume: "2", pages: "10452–10460",
    });
    expect(parseReferenceEntry(9, "T. Okafor, M.-L. Chen and R. de Vries, J. Mater. Chem. A, 2014, 2, 10452–10460.").title).toBeUndefined();
  });

  it("IEEE: quoted title, vol./no./pp. labels", () => {
    expect(parseReferenceEntry(5, 'K. Sato and F. Ruiz, "A fast decoder for sparse codes," IEEE Trans. Inf. Theory, vol. 56, no. 2, pp. 801–812, Feb. 2010.')).toMatchObject({
      authors: ["K. Sato", "F. Ruiz"], title: "A fast decoder for sparse codes", journal: "IEEE Trans. Inf. Theory", year: 2010, volume: "56", pages: "801–812",
    });
  });

  it("Elsevier numbered: title and journal separated by a comma, the year in parentheses after the volume", () => {
    expect(parseReferenceEntry(6, "J. van Dijk, P.K. Rao, Grain growth in thin films, Acta Mater. 61 (2013) 211–219.")).toMatchObject({
      authors: ["J. van Dijk", "P.K. Rao"], title: "Grain growth in thin films", journal: "Acta Mater.", year: 2013, volume: "61", pages: "211–219",
    });
  });

  it("Science: forward names, a sentence title, the journal after it", () => {
    expect(parseReferenceEntry(8, "L. Ortiz et al., Clonal expansion in healthy skin. Nat. Genet. 51, 17–23 (2019). doi: 10.1038/s1; pmid: 3100001")).toMatchObject({
      authors: ["L. Ortiz"], title: "Clonal expansion in healthy skin", journal: "Nat. Genet.", year: 2019, doi: "10.1038/s1", pmid: "3100001",
    });
  });

  it("Springer (year in parentheses after Vancouver names), Oxford/NAR (no space after commas), Harvard (pp.), AMA", () => {
    expect(parseReferenceEntry(1, "Lund EK, Sato Y (2018) Heat shock in yeast. J Mol Biol 12:45–67. https://doi.org/10.1007/s0001")).toMatchObject({
      authors: ["Lund EK", "Sato Y"], year: 2018, title: "Heat shock in yeast", journal: "J Mol Biol", volume: "12", pages: "45–67", doi: "10.1007/s0001",
    });
    expect(parseReferenceEntry(1, "Lund,E.K., Sato,Y. and Pike,D. (2018) Heat shock in yeast. Nucleic Acids Res., 46, 100–110.")).toMatchObject({
      authors: ["Lund,E.K.", "Sato,Y.", "Pike,D."], year: 2018, title: "Heat shock in yeast", journal: "Nucleic Acids Res.", volume: "46", pages: "100–110",
    });
    expect(parseReferenceEntry(1, "Lund, E.K. and Sato, Y. 2018. Heat shock in yeast. Journal of Cell Science, 12(3), pp.45–67.")).toMatchObject({
      authors: ["Lund, E.K.", "Sato, Y."], year: 2018, title: "Heat shock in yeast", journal: "Journal of Cell Science", volume: "12", pages: "45–67",
    });
    expect(parseReferenceEntry(1, "Lund E, Sato Y. Heat shock in yeast. JAMA. 2018;319(5):123-130. doi:10.1001/jama.2018.1")).toMatchObject({
      title: "Heat shock in yeast", journal: "JAMA", year: 2018, volume: "319", pages: "123-130", doi: "10.1001/jama.2018.1",
    });
  });

  it("preprints and books: no journal invented from 'Preprint at' or an imprint", () => {
    const preprint = parseReferenceEntry(1, "Lund, E. et al. Heat shock in yeast. Preprint at https://doi.org/10.1101/2020.01.01.1 (2020).");
    expect(preprint).toMatchObject({ title: "Heat shock in yeast", year: 2020, doi: "10.1101/2020.01.01.1" });
    expect(preprint.journal).toBeUndefined();
    const book = parseReferenceEntry(2, "Lund, E. Yeast Genetics (Academic Press, 2009).");
    expect(book).toMatchObject({ title: "Yeast Genetics", year: 2009 });
    expect(book.journal).toBeUndefined();
    expect(parseReferenceEntry(3, "Lund E, Sato Y. Heat shock in yeast. bioRxiv [Preprint]. 2020. doi: 10.1101/2020.01.01.1").journal).toBe("bioRxiv [Preprint]");
    expect(parseReferenceEntry(4, "Lund E, Sato Y. Heat shock in yeast. bioRxiv. 2023: 2023.05.31.543175.")).toMatchObject({ journal: "bioRxiv", year: 2023 });
  });

  it("entries that print no title (PNAS, Science reports) have none", () => {
    const pnas = parseReferenceEntry(3, "Yamada, K. & Berg, A. H. (2002) J. Biol. Chem. 277, 100–104.");
    expect(pnas).toMatchObject({ authors: ["Yamada, K.", "Berg, A. H."], year: 2002, journal: "J. Biol. Chem.", volume: "277", pages: "100–104" });
    expect(pnas.title).toBeUndefined();
  });

  it("Title-case titles and sentence titles with abbreviations split from the journal at the right full stop", () => {
    expect(parseReferenceEntry(1, "Pike, D. Is Inflammation Ever Over? Trends Immunol. 40, 1–3 (2019).")).toMatchObject({ title: "Is Inflammation Ever Over?", journal: "Trends Immunol." });
    expect(parseReferenceEntry(1, "Pike D. Growth of S. aureus on steel. II. Biofilms. Appl Environ Microbiol. 2001;67:1-9.")).toMatchObject({
      title: "Growth of S. aureus on steel. II. Biofilms", journal: "Appl Environ Microbiol",
    });
  });

  it("repairs DOIs broken by a line-break space and keeps URLs that are not DOIs", () => {
    expect(parseReferenceEntry(1, "Pike, D. (2012). Title. J. Vis. Exp. 63:e3993. doi: 10.3791/ 3993").doi).toBe("10.3791/3993");
    expect(parseReferenceEntry(1, "Pike, D. (2016). Title. J. Neurosci. 36, 1–9. doi: 10.1523/JNEUROSCI.0868-16. 2016").doi).toBe("10.1523/jneurosci.0868-16.2016");
    expect(parseReferenceEntry(1, "Pike, D. (2016). Title. J. Neurosci. 36, 1–9. doi: 10. 1016/j.x.2016.07.002").doi).toBe("10.1016/j.x.2016.07.002");
    expect(parseReferenceEntry(1, "Pike D. 1988. Title. FEMS Microbiol Lett 52:177–181. https://doi.org/10.1111/j.1574-6968 .1988.tb02591.x.").doi).toBe("10.1111/j.1574-6968.1988.tb02591.x");
    expect(parseReferenceEntry(1, "Pike D. 1990. Title. EMBO J 9:1–4. https://doi.org/10.1002/j.1460-2075.1990.tb07606.x. 28. Lund E. 2019.").doi).toBe("10.1002/j.1460-2075.1990.tb07606.x");
    expect(parseReferenceEntry(1, "World Health Organization. Global report on hearing. Geneva: WHO; 2021. Available from: https://www.who.int/report.pdf")).toMatchObject({
      authors: ["World Health Organization"], year: 2021, url: "https://www.who.int/report.pdf",
    });
    expect(parseReferenceEntry(2, "R Core Team (2018). R: A language for statistics. Vienna: R Foundation.", "author-year")).toMatchObject({
      authors: ["R Core Team"], year: 2018, title: "R: A language for statistics", label: "R Core Team, 2018",
    });
  });
});

describe("parseReferenceList", () => {
  it("author–year lists: positions as numbers, labels as the text cites them, no gaps reported", () => {
    const list = parseReferenceList(
      [
        { n: 1, raw: "Lund, E. (2003a). First. J. A 1, 1–2." },
        { n: 2, raw: "Lund, E. (2003b). Second. J. A 1, 3–4." },
        { n: 5, raw: "Lund, E., and Sato, Y. (2004). Third. J. A 2, 1–2." },
      ],
      "author-year",
    );
    expect(list.style).toBe("author-year");
    expect(list.references.map((r) => r.label)).toEqual(["Lund, 2003a", "Lund, 2003b", "Lund and Sato, 2004"]);
    expect(list.missingReferenceNumbers).toEqual([]);
  });

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
