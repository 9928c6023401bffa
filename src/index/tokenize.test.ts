import { describe, expect, it } from "vitest";
import { americanSpelling, analyze, foldText, stripCitationMarks, tokenize } from "./tokenize.ts";

/** Two texts share a term: the property BM25 needs for them to match. */
const shareTerm = (a: string, b: string, term: string) => {
  expect(tokenize(a)).toContain(term);
  expect(tokenize(b)).toContain(term);
};

describe("foldText", () => {
  it("folds Greek letters to names and sub/superscripts to plain characters", () => {
    expect(foldText("TGF-β, NF-κB and Fe₃O₄ with Ca²⁺")).toBe("TGF-beta, NF-kappaB and Fe3O4 with Ca2+");
    expect(foldText("10 µM and 5 μg")).toBe("10 muM and 5 mug");
    expect(foldText("Pérez–Gómez")).toBe("Perez-Gomez");
  });

  it("turns the em dash into a word break but keeps en dashes as hyphens", () => {
    expect(foldText("resistance—a problem")).toBe("resistance a problem");
    expect(foldText("drug–drug")).toBe("drug-drug");
  });
});

describe("stripCitationMarks", () => {
  it("drops superscript citation runs glued to words, keeps charges", () => {
    expect(stripCitationMarks("resistance¹⁷⁻¹⁹ in cells")).toBe("resistance  in cells");
    expect(stripCitationMarks("pumps⁷⁴,⁸⁹,⁹⁰.")).toBe("pumps .");
    expect(stripCitationMarks("Fe³⁺ ions")).toBe("Fe³⁺ ions");
  });

  it("drops TeX-like ^{n,m} citations but not ^{2+}", () => {
    expect(stripCitationMarks("malignancies^{140,141}.")).toBe("malignancies .");
    expect(stripCitationMarks("Ca^{2+}")).toBe("Ca^{2+}");
  });
});

describe("tokenize", () => {
  it("keeps miRNA names whole and searchable, with or without the hyphen", () => {
    expect(tokenize("miR-21")).toEqual(["mir21", "mir", "21"]);
    expect(tokenize("miR-34a")).toEqual(["mir34a", "mir", "34a"]);
    shareTerm("miR-21 is upregulated", "MIR21 expression", "mir21");
    // miR-21 and miR-215 are different molecules.
    expect(tokenize("miR-215")).not.toContain("mir21");
  });

  it("keeps gene, protein and drug abbreviations", () => {
    expect(tokenize("P-gp")).toContain("pgp");
    shareTerm("P-gp efflux", "Pgp pumps", "pgp");
    expect(tokenize("ABCB1")).toEqual(["abcb1"]);
    expect(tokenize("5-FU")).toEqual(["5fu", "fu"]);
    expect(tokenize("IC50")).toEqual(["ic50"]);
    expect(tokenize("pH")).toEqual(["ph"]);
    expect(tokenize("NCT04305496")).toEqual(["nct04305496"]);
    expect(tokenize("doxorubicin, paclitaxel and tamoxifen")).toEqual(["doxorubicin", "paclitaxel", "tamoxifen"]);
  });

  it("matches Fe3O4 with Fe₃O₄ and TGF-β with TGF-beta", () => {
    expect(tokenize("Fe₃O₄")).toEqual(tokenize("Fe3O4"));
    expect(tokenize("TGF-β")).toEqual(tokenize("TGF-beta"));
    expect(tokenize("TGF-β")).toEqual(["tgfbeta", "tgf", "beta"]);
    shareTerm("TGFβ signalling", "TGF-beta pathway", "tgfbeta");
  });

  it("stems plain English words with Porter and drops stopwords", () => {
    expect(tokenize("The tumors were resisting the treatments")).toEqual(["tumor", "resist", "treatment"]);
    expect(tokenize("What are the nanoparticles?")).toEqual(["nanoparticl"]);
  });

  it("folds British spellings so both sides match", () => {
    expect(tokenize("tumours")).toEqual(tokenize("tumors"));
    expect(tokenize("randomised")).toEqual(tokenize("randomized"));
    expect(tokenize("leukaemia")).toEqual(tokenize("leukemia"));
    expect(tokenize("oestrogen")).toEqual(tokenize("estrogen"));
    expect(americanSpelling("tumour")).toBe("tumor");
  });

  it("folds relapse into recurrence (MeSH D012008 entry terms), whole words only", () => {
    expect(tokenize("relapse after chemotherapy")).toEqual(tokenize("recurrence after chemotherapy"));
    expect(tokenize("relapsed disease")).toEqual(tokenize("recurrence disease"));
    // Must not fold: words that merely contain it ("time-lapse imaging", "vessel collapse").
    expect(tokenize("time-lapse imaging")).toEqual(["timelaps", "time", "laps", "imag"]);
    expect(tokenize("vessel collapse")).toEqual(["vessel", "collaps"]);
  });

  it("folds no word that has another sense in some field", () => {
    // "vehicle" is a solvent in "vehicle control" (MeSH keeps Pharmaceutical Vehicles apart from Drug Carriers).
    expect(tokenize("vehicle control")).toEqual(["vehicl", "control"]);
    // "strength" is a physical quantity in materials science and chemistry.
    expect(tokenize("tensile strength")).toEqual(["tensil", "strength"]);
    expect(tokenize("ionic strength")).toEqual(["ionic", "strength"]);
    // "weakness" is a symptom (MeSH D018908 Muscle Weakness); "limitations" and "drawbacks" are no MeSH entry terms.
    expect(tokenize("muscle weakness")).toEqual(["muscl", "weak"]);
    expect(tokenize("drawbacks")).not.toEqual(tokenize("disadvantages"));
  });

  it("does not glue citation superscripts onto words", () => {
    expect(tokenize("drug resistance¹⁷⁻¹⁹")).toEqual(["drug", "resist"]);
    expect(tokenize("studies of malignancies^{140,141}")).toEqual(["studi", "malign"]);
  });

  it("splits numeric ranges into their numbers and keeps decimals", () => {
    expect(tokenize("(10–20)")).toEqual(["10", "20"]);
    expect(tokenize("0.5 mg")).toEqual(["0.5", "mg"]);
  });

  it("gives a compound's parts the compound's position", () => {
    const tokens = analyze("silencing miR-21 restores");
    expect(tokens.filter((t) => t.position === 1).map((t) => t.term)).toEqual(["mir21", "mir", "21"]);
    expect(tokens.at(-1)).toEqual({ term: "restor", position: 2 });
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" — ; () ")).toEqual([]);
  });
});
