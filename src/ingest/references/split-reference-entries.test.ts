import { describe, expect, it } from "vitest";
import { isEntryLike, numberedStart, splitReferenceEntries } from "./split-reference-entries.ts";

/** Paragraphs separated by blank lines, lines by newlines — the way extracted text arrives. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.split("\n"));

describe("numberedStart", () => {
  it("reads the common marker forms", () => {
    expect(numberedStart("12. Lund E. Title.")).toMatchObject({ n: 12, form: "dot", rest: "Lund E. Title." });
    expect(numberedStart("[3] K. Sato, Title")).toMatchObject({ n: 3, form: "bracket" });
    expect(numberedStart("(4) Quist, H. Title")).toMatchObject({ n: 4, form: "round" });
    expect(numberedStart("5) Lund E. Title")).toMatchObject({ n: 5, form: "paren" });
    expect(numberedStart("- 6 T. Okafor, J. Chem.")).toMatchObject({ n: 6, form: "bare" });
    expect(numberedStart("2016, 10, 35–46.")).toBeNull();
  });
});

describe("splitReferenceEntries, numbered lists", () => {
  it("joins entries broken over lines and paragraphs, with or without blank lines", () => {
    const split = splitReferenceEntries(
      paragraphs(
        [
          "1. Lund E, Sato Y. Nuclear shape in",
          "dividing yeast. J Cell Sci. 2001;14:1-9.",
          "",
          "2. Okafor T, Ruiz F, Chen M, Berg A,",
          "",
          "et al. Gaze decoding from scalp signals. Brain. 2010;3:4-5.",
          "3. Pike D. Short. Cell. 2012;1:1.",
        ].join("\n"),
      ),
    );
    expect(split.style).toBe("numbered");
    expect(split.entries).toEqual([
      { n: 1, raw: "Lund E, Sato Y. Nuclear shape in dividing yeast. J Cell Sci. 2001;14:1-9." },
      { n: 2, raw: "Okafor T, Ruiz F, Chen M, Berg A, et al. Gaze decoding from scalp signals. Brain. 2010;3:4-5." },
      { n: 3, raw: "Pike D. Short. Cell. 2012;1:1." },
    ]);
  });

  it("splits several entries merged into one line, keeps printed numbers and drops page numbers between entries", () => {
    const split = splitReferenceEntries(
      paragraphs("(1) Quist, H.; Brandt, S. Chiral amines. Org. Lett. 2015, 7, 1−9. (2) Moreau, P. Attention. Science 2001, 2, 3−4.\n\n1472\n\n(4) Lund, E. Yeast. Cell 2003, 5, 6−7."),
    );
    expect(split.entries.map((e) => e.n)).toEqual([1, 2, 4]);
    expect(split.entries[1]!.raw).toBe("Moreau, P. Attention. Science 2001, 2, 3−4.");
    expect(split.entries[2]!.raw).toBe("Lund, E. Yeast. Cell 2003, 5, 6−7.");
  });

  it("splits bare-numbered entries merged into one line (RSC)", () => {
    const split = splitReferenceEntries(paragraphs("1 K. Sato and F. Ruiz, J. Chem. Phys., 2001, 5, 1–9. 2 T. Okafor, Phys. Rev. B, 2003, 7, 9.\n3 F. Ruiz, Nano Lett., 2004, 4, 2."));
    expect(split.entries.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(split.entries[0]!.raw).toBe("K. Sato and F. Ruiz, J. Chem. Phys., 2001, 5, 1–9.");
  });

  it("opens the next entry at its bare number when the text layer lost the full stop after it", () => {
    const split = splitReferenceEntries(
      paragraphs("1. Lund E, Sato Y. Yeast. Cell. 2001;1:1.\n\n2 Pike D, Ruiz F. Shock. Cell. 2002;2:2.\n\n3. Okafor T, Chen M. Gaze. Brain. 2010;3:4.\n\n5 Berg A, Holm C. Cells. Cell. 2011;4:5."),
    );
    expect(split.entries.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(split.entries[1]!.raw).toBe("Pike D, Ruiz F. Shock. Cell. 2002;2:2.");
    // Only the next number: a bare number further on stays in the entry before.
    expect(split.entries[2]!.raw).toBe("Okafor T, Chen M. Gaze. Brain. 2010;3:4. 5 Berg A, Holm C. Cells. Cell. 2011;4:5.");
  });

  it("reads on after a part of the list the text layer lost, but not at a number that only looks like one", () => {
    const split = splitReferenceEntries(
      paragraphs("1. Lund E, Sato Y. Yeast. Cell. 2001;1:1.\n\n2. Pike D, Ruiz F. Shock. Cell. 2002;2:2.\n\n80. Okafor T, Chen M, et al. Gaze. Brain. 2010;3:4.\n\n95 percent of the cohort\n\n81. Berg A. Cells. Cell. 2011;4:5."),
    );
    expect(split.entries.map((e) => e.n)).toEqual([1, 2, 80, 81]);
    expect(split.entries[2]!.raw).toBe("Okafor T, Chen M, et al. Gaze. Brain. 2010;3:4. 95 percent of the cohort");
  });

  it("numbers an entry whose number the text layer lost when the printed numbers resume after it", () => {
    const split = splitReferenceEntries(
      paragraphs("48. Lund E, Sato Y. Yeast. Cell. 2001;1:1.\n\nPike D, Ruiz F, et al. Shock. Cell. 2002;2:2.\n\n50. Okafor T. Gaze. Brain. 2010;3:4.\n\nBerg A, Chen M. Cells. Cell. 2011;4:5."),
    );
    expect(split.entries.map((e) => e.n)).toEqual([48, 49, 50]);
    expect(split.entries[1]!.raw).toBe("Pike D, Ruiz F, et al. Shock. Cell. 2002;2:2.");
    // Nothing resumes after the last one: it stays with the entry before.
    expect(split.entries[2]!.raw).toBe("Okafor T. Gaze. Brain. 2010;3:4. Berg A, Chen M. Cells. Cell. 2011;4:5.");
  });

  it("takes a number printed on its own line for the entry that follows", () => {
    const split = splitReferenceEntries(paragraphs("[1]\nK. Sato, J. Chem. Phys., 2001, 5, 1.\n\n[2]\n\nF. Ruiz, Phys. Rev. B, 2003, 7, 9."));
    expect(split.entries).toEqual([
      { n: 1, raw: "K. Sato, J. Chem. Phys., 2001, 5, 1." },
      { n: 2, raw: "F. Ruiz, Phys. Rev. B, 2003, 7, 9." },
    ]);
  });

  it("hands back prose printed among the entries and ends the list at a run-in back-matter heading", () => {
    const split = splitReferenceEntries(
      paragraphs(
        [
          "1. Lund E. Nuclear shape. J Cell Sci. 2001;14:1-9.",
          "These findings open a path toward therapies that are both safer and more effective.",
          "2. Pike D. Short title here. Cell. 2012;1:1. ACKNOWLEDGEMENTS We thank the core facility.",
        ].join("\n\n"),
      ),
    );
    expect(split.entries.map((e) => e.raw)).toEqual(["Lund E. Nuclear shape. J Cell Sci. 2001;14:1-9.", "Pike D. Short title here. Cell. 2012;1:1."]);
    expect(split.displaced).toEqual(["These findings open a path toward therapies that are both safer and more effective."]);
  });
});

describe("splitReferenceEntries, unnumbered author–year lists", () => {
  it("opens an entry at each author run with its year and numbers entries by position", () => {
    const split = splitReferenceEntries(
      paragraphs(
        [
          "Ames, B., and Cole, D. (2019). First title. J. Test 1, 1–2.",
          "Berg, A., Chen, M., Diaz, R., Evans, S., Ford, T., Gray, U.,",
          "- et al. (2020). Second title. J. Test 2, 3–4. doi:",
          "- 10.1000/xyz",
          "Berg, A., Lund, E., Moreau, P., and Nagy, P.",
          "(2021). Third title. J. Test 3, 5–6.",
          "Cole, D. (2003a). Fourth. J. Test 4, 7–8. Cole, D. (2003b). Fifth. J. Test 4, 9–10. Diaz, R., and Evans, S.",
          "(2005). Sixth. J. Test 5, 1–2.",
        ].join("\n\n"),
      ),
    );
    expect(split.style).toBe("author-year");
    expect(split.entries).toEqual([
      { n: 1, raw: "Ames, B., and Cole, D. (2019). First title. J. Test 1, 1–2." },
      { n: 2, raw: "Berg, A., Chen, M., Diaz, R., Evans, S., Ford, T., Gray, U., et al. (2020). Second title. J. Test 2, 3–4. doi: 10.1000/xyz" },
      { n: 3, raw: "Berg, A., Lund, E., Moreau, P., and Nagy, P. (2021). Third title. J. Test 3, 5–6." },
      { n: 4, raw: "Cole, D. (2003a). Fourth. J. Test 4, 7–8." },
      { n: 5, raw: "Cole, D. (2003b). Fifth. J. Test 4, 9–10." },
      { n: 6, raw: "Diaz, R., and Evans, S. (2005). Sixth. J. Test 5, 1–2." },
    ]);
  });
});

describe("splitReferenceEntries, text-layer damage", () => {
  it("keeps a Cell-style title that follows an entry ending at its year, and rejoins spacing accents", () => {
    const split = splitReferenceEntries(
      paragraphs(
        [
          "1. Torres-Sa´ nchez, M., and Lund, E. (2022).",
          "Panzootic fungi exploit diverse host environments through plastic infection strategies. Mol. Ecol. 31, 4558–4570.",
          "2. Pike, D. (2021). Heat shock. Cell 6, 3–4.",
        ].join("\n\n"),
      ),
    );
    expect(split.entries).toEqual([
      { n: 1, raw: "Torres-Sánchez, M., and Lund, E. (2022). Panzootic fungi exploit diverse host environments through plastic infection strategies. Mol. Ecol. 31, 4558–4570." },
      { n: 2, raw: "Pike, D. (2021). Heat shock. Cell 6, 3–4." },
    ]);
    expect(split.displaced).toEqual([]);
  });
});

describe("splitReferenceEntries, an author–year list without blank lines", () => {
  it("splits lines of one paragraph at each author run with its year, also after a bare DOI, and drops page numbers", () => {
    const block = [
      "Ames, B., and Cole, D. (2019). A first title that runs long enough to wrap",
      "onto a second line. J. Test 1, 1–2. doi: 10.1000/abc",
      "Berg, A., Chen, M., Diaz, R.,",
      "and Gray, U. (2020). Second title. J. Test 2, 3–4.",
      "12",
      "Cole, D. (2003a). Fourth. J. Test 4, 7–8.",
    ];
    expect(splitReferenceEntries([block]).entries).toEqual([
      { n: 1, raw: "Ames, B., and Cole, D. (2019). A first title that runs long enough to wrap onto a second line. J. Test 1, 1–2. doi: 10.1000/abc" },
      { n: 2, raw: "Berg, A., Chen, M., Diaz, R., and Gray, U. (2020). Second title. J. Test 2, 3–4." },
      { n: 3, raw: "Cole, D. (2003a). Fourth. J. Test 4, 7–8." },
    ]);
  });
});

describe("splitReferenceEntries, list openings", () => {
  it("reads no entry out of prose that a reader placed under the heading", () => {
    const split = splitReferenceEntries(paragraphs("Channels were best explained by a single variable or a combination of variables in each block."));
    expect(split).toEqual({ style: "none", entries: [], displaced: ["Channels were best explained by a single variable or a combination of variables in each block."] });
  });

  it("opens an author–year entry at a corporate author", () => {
    const split = splitReferenceEntries(paragraphs("Ames, B. (2019). First. J. Test 1, 1–2.\n\nWorld Health Organization (2021). Global report on hearing. Geneva: WHO."));
    expect(split.entries.map((e) => e.raw)).toEqual(["Ames, B. (2019). First. J. Test 1, 1–2.", "World Health Organization (2021). Global report on hearing. Geneva: WHO."]);
  });

  it("reads a numbered list that starts past 5 (supplementary references) when its entries open with authors", () => {
    const split = splitReferenceEntries(paragraphs("32. K. Sato, F. Ruiz, Nano Lett. 4, 2 (2004).\n\n33. T. Okafor et al., Cell 5, 6 (2005)."));
    expect(split.entries.map((e) => e.n)).toEqual([32, 33]);
  });
});

describe("splitReferenceEntries, name–year lists in Vancouver names (CSE)", () => {
  it("keeps an author list that breaks before its last name together", () => {
    const split = splitReferenceEntries(paragraphs("Berg A, Chen M, Diaz R,\n\nEvans S. 2007. Small loci. Cell 128: 1–9.\n\nFord T. 2008. Other. Cell 129: 2–3. Gray U, Hill V. 2009. Third. Cell 130: 4–5."));
    expect(split.entries).toEqual([
      { n: 1, raw: "Berg A, Chen M, Diaz R, Evans S. 2007. Small loci. Cell 128: 1–9." },
      { n: 2, raw: "Ford T. 2008. Other. Cell 129: 2–3." },
      { n: 3, raw: "Gray U, Hill V. 2009. Third. Cell 130: 4–5." },
    ]);
  });
});

describe("isEntryLike", () => {
  it("tells entries from prose", () => {
    expect(isEntryLike("Ames, B., and Cole, D. (2019). First title. J. Test 1, 1–2.")).toBe(true);
    expect(isEntryLike("12. T. Okafor and R. de Vries, J. Mater. Chem., 2014, 2, 10.")).toBe(true);
    expect(isEntryLike("In 2019, Ames and Cole showed that the effect holds.")).toBe(false);
    expect(isEntryLike("3 patients were enrolled in 2019 and followed for a year.")).toBe(false);
  });
});
