import { describe, expect, it } from "vitest";
import { detectCitationStyle, findCitationMarkers, parseNumberList, parseReferenceCell } from "./resolve-citation-markers.ts";

const paren = (text: string, maxNumber = 104) =>
  findCitationMarkers(text, { style: "parenthetical", maxNumber }).map((marker) => marker.numbers);
const sup = (text: string, maxNumber = 155) =>
  findCitationMarkers(text, { style: "superscript", maxNumber }).map((marker) => marker.numbers);

describe("parseNumberList", () => {
  it("expands lists and ranges with any dash", () => {
    expect(parseNumberList("19, 20")).toEqual([19, 20]);
    expect(parseNumberList("1–3")).toEqual([1, 2, 3]);
    expect(parseNumberList("1-3")).toEqual([1, 2, 3]);
    expect(parseNumberList("5—7; 9")).toEqual([5, 6, 7, 9]);
    expect(parseNumberList("70 − 72")).toEqual([70, 71, 72]);
  });

  it("rejects reversed and implausibly wide ranges", () => {
    expect(parseNumberList("9–3")).toBeNull();
    expect(parseNumberList("120–200")).toBeNull();
  });
});

describe("parenthetical markers", () => {
  it("finds single numbers, lists and ranges with their offsets", () => {
    const text = "cancer (43). Others (19, 20) and (1–3) or (35, 92).";
    const markers = findCitationMarkers(text, { style: "parenthetical", maxNumber: 104 });
    expect(markers.map((m) => m.numbers)).toEqual([[43], [19, 20], [1, 2, 3], [35, 92]]);
    expect(text.slice(markers[0]!.start, markers[0]!.end)).toBe("(43)");
  });

  it("ignores years, figures, tables, statistics, websites and units", () => {
    expect(paren("published (2024) and revised (2021–2023)")).toEqual([]);
    expect(paren("as shown (Figure 3) and (Table 1) and (Fig. 2)")).toEqual([]);
    expect(paren("in mice (n = 5) at (pH = 4.5) of (74 ± 2) nm")).toEqual([]);
    expect(paren("approved drugs (fda.gov)")).toEqual([]);
    expect(paren("sizes ranging (2 to 10 nm) and (120–200 nm)")).toEqual([]);
    expect(paren("differed (P = 0.03) at (5 mg/kg) on day (7 d)")).toEqual([]);
  });

  it("ignores numbers outside the reference list", () => {
    expect(paren("cited (105) and (0)", 104)).toEqual([]);
    expect(paren("cited (104)", 104)).toEqual([[104]]);
    expect(paren("anything (1)", 0)).toEqual([]);
  });

  it("reads a list glued to the word before, which justified text can print", () => {
    expect(paren("in tumour cells(12, 13) and")).toEqual([[12, 13]]);
    expect(paren("in tumour cells(12–14) and")).toEqual([[12, 13, 14]]);
  });

  it("ignores chemical formulae written with parentheses", () => {
    expect(paren("fe(3)o(4) nanoparticles and H(2)O")).toEqual([]);
    expect(paren("mos(2) sheets")).toEqual([]);
  });

  it("ignores equation numbers closing a line of mathematics", () => {
    expect(paren("the rate is k = a + b (3)\nwhere a is")).toEqual([]);
    expect(paren("as shown before (3)\nwhere a is")).toEqual([[3]]);
  });

  it("ignores an enumeration (1) … (2) … but keeps citations beside it", () => {
    const text = "include (1) drug efflux and inactivation (9). (2) Enhanced DNA repair (10). (3) Activation of bypass.";
    expect(paren(text)).toEqual([[9], [10]]);
    expect(paren("According to the American Cancer Society (1), there will be")).toEqual([[1]]);
  });
});

const bracket = (text: string, maxNumber = 154) =>
  findCitationMarkers(text, { style: "bracket", maxNumber }).map((marker) => marker.numbers);

describe("bracketed markers", () => {
  it("reads [n] lists", () => {
    expect(findCitationMarkers("shown [3, 5–7] and [2024]", { style: "bracket", maxNumber: 50 }).map((m) => m.numbers)).toEqual([[3, 5, 6, 7]]);
  });

  it("reads IEEE ranges printed as two brackets", () => {
    expect(bracket("as shown in [3]–[5] and [7], [9]")).toEqual([[3, 4, 5], [7], [9]]);
  });

  it("reads brackets glued to the word before and ranges split over a line", () => {
    expect(bracket("various tumours[60, 61]. Then")).toEqual([[60, 61]]);
    expect(bracket("in animal models [36,\n37].")).toEqual([[36, 37]]);
    expect(bracket("hearing loss [1- 4] and [1 -\n4]")).toEqual([[1, 2, 3, 4], [1, 2, 3, 4]]);
  });

  it("ignores figure, table and equation numbers, doses, isotopes and concentrations", () => {
    expect(bracket("see Fig. [3] and Table [2] and Eq. [4]")).toEqual([]);
    expect(bracket("[3H]thymidine and [Ca2+]i at 5 mg/kg [sic]")).toEqual([]);
  });

  it("ignores parenthetical enumerations in a bracket-cited paper", () => {
    const text = "Three steps: (1) cleavage [5], (2) oligomerization [6, 7] and (3) pore formation [8].";
    expect(bracket(text)).toEqual([[5], [6, 7], [8]]);
    expect(detectCitationStyle(text, 154)).toBe("bracket");
  });
});

describe("superscript markers", () => {
  it("reads Unicode superscripts, ranges and lists", () => {
    expect(sup("in 2024.¹ Breast")).toEqual([[1]]);
    expect(sup("metastasis.¹⁷⁻¹⁹ The")).toEqual([[17, 18, 19]]);
    expect(sup("progression.⁷⁴,⁸⁹,⁹⁰ Additionally")).toEqual([[74, 89, 90]]);
    expect(sup("Joshi et al.¹⁴² investigated")).toEqual([[142]]);
  });

  it("reads TeX-like ^{…} markers", () => {
    expect(sup("breast cancer.^{6,7}")).toEqual([[6, 7]]);
    expect(sup("malignancies.^{140,141} Joshi")).toEqual([[140, 141]]);
  });

  it("ignores units, isotopes, charges, exponents and formulae", () => {
    expect(sup("an area of 5 cm² and 2 m³")).toEqual([]);
    expect(sup("a ¹⁸F tracer and $^{18}$F and [³H]thymidine")).toEqual([]);
    expect(sup("free Fe³⁺ and Ca²⁺ ions")).toEqual([]);
    expect(sup("about 10⁶ cells and 3 × 10⁹")).toEqual([]);
    expect(sup("Fe₃O₄ and H₂O")).toEqual([]);
    expect(sup("a dose of 5 mg m⁻² daily")).toEqual([]);
    expect(sup("with R² of 0.9")).toEqual([]);
  });

  it("reads superscripts after punctuation and glued to gene names", () => {
    expect(sup("controlled enzymatic activity.⁷ Next")).toEqual([[7]]);
    expect(sup("(CIPP),¹⁻⁵ induced protein trafficking,⁶ and")).toEqual([[1, 2, 3, 4, 5], [6]]);
    expect(sup("whereas EARS1 interacts directly with IARS1.³⁶")).toEqual([[36]]);
    expect(sup("the catalytic Ser139,²⁵,²⁶ which")).toEqual([[25, 26]]);
    expect(sup("highest within 4 h¹⁶. Next")).toEqual([[16]]);
  });

  it("reads 'ref. 12' and 'refs. 3–5' in running text", () => {
    expect(sup("as described in ref. 12 and refs. 3–5.")).toEqual([[12], [3, 4, 5]]);
    expect(bracket("as in Ref. [7] and [8]")).toEqual([[7], [8]]);
  });

  it("reads HTML and Pandoc superscripts", () => {
    expect(sup('cancer.<sup><a href="#b12">12</a></sup> Next')).toEqual([[12]]);
    expect(sup("breast cancer.<sup>6,7</sup> Next")).toEqual([[6, 7]]);
    expect(sup("breast cancer<sup>12–14</sup>.")).toEqual([[12, 13, 14]]);
    expect(sup("breast cancer.^6,7^ Next")).toEqual([[6, 7]]);
    expect(sup("Ca<sup>2+</sup> and 10<sup>6</sup> cells")).toEqual([]);
  });

  it("ignores residue numbers, genotypes and ordinals", () => {
    expect(sup("a conserved cleavage site, ⁹²⁶DQVD⁹²⁹.", 999)).toEqual([]);
    expect(sup("heterozygous Eprs1⁺/⁻ mice")).toEqual([]);
    expect(sup("the 2ⁿᵈ and 3ʳᵈ cycles")).toEqual([]);
    expect(sup("The Creᴿ³²ᴹ mutation and dNS3-8aa-Creᴿ³²ᴹ-7aa")).toEqual([]);
    expect(sup("m⁶A and m⁷G caps, ac⁴C and ms²i⁶A in tRNA")).toEqual([]);
    expect(sup("copy number of KARS1 was 10⁷ per cell")).toEqual([]);
    expect(sup("significant (P < 10⁻⁵; P = 0.03) at 5 mg/kg")).toEqual([]);
  });

  it("ignores superscripts outside the list", () => {
    expect(sup("reported.²⁰⁰", 155)).toEqual([]);
  });
});

describe("detectCitationStyle", () => {
  it("tells parenthetical from superscript reviews", () => {
    expect(detectCitationStyle("Cancer (1). More (2, 3). The (1) list of things.¹")).toBe("parenthetical");
    expect(detectCitationStyle("Cancer.¹ More.^{2,3} The (1) list.⁴ (2) More.⁵")).toBe("superscript");
    expect(detectCitationStyle("Shown [1]. Also [2, 3]. Here (4).")).toBe("bracket");
    // Years in narrative author–year cites are no parenthetical markers of a 150-entry list.
    expect(detectCitationStyle("Lotte et al. (2007) and Abiri et al. (2019) showed it [1].", 150)).toBe("bracket");
  });
});

describe("parseReferenceCell", () => {
  it("reads the References column of a table", () => {
    expect(parseReferenceCell("(40, 41)", 104)).toEqual([40, 41]);
    expect(parseReferenceCell("56", 155)).toEqual([56]);
    expect(parseReferenceCell("[12–14]", 155)).toEqual([12, 13, 14]);
    expect(parseReferenceCell("(fda.gov)", 104)).toEqual([]);
    expect(parseReferenceCell("", 104)).toEqual([]);
    expect(parseReferenceCell("(2023)", 104)).toEqual([]);
  });
});
