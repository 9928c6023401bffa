import { describe, expect, it } from "vitest";
import { classifyParagraph, splitParagraphs, usesMarkdownHeadings } from "./parse-blocks.ts";
import { buildLayout, findFirstHeading, isNextHeadingNumber } from "./parse-sections.ts";

const blocks = (text: string) => splitParagraphs(text).map((lines) => classifyParagraph(lines));

describe("isNextHeadingNumber", () => {
  it("accepts the next sibling, a first child or an ancestor's next sibling", () => {
    expect(isNextHeadingNumber(null, [1])).toBe(true);
    expect(isNextHeadingNumber([3, 1], [3, 2])).toBe(true);
    expect(isNextHeadingNumber([3], [3, 1])).toBe(true);
    expect(isNextHeadingNumber([3, 5], [4])).toBe(true);
    expect(isNextHeadingNumber([4, 3], [5, 1])).toBe(false); // "5" comes first
    expect(isNextHeadingNumber([3], [3, 2])).toBe(false);
    expect(isNextHeadingNumber([2], [7])).toBe(false);
    expect(isNextHeadingNumber(null, [4])).toBe(false);
  });
});

describe("classifyParagraph", () => {
  it("tells headings, captions, tables and prose apart", () => {
    const kinds = blocks(
      [
        "3.2 Liposomes", "1. Introduction", "References", "Conflicts of interest",
        "FIGURE 2", "Fig. 1 Schematic representation of the mechanism.", "Figure 3 shows the mechanism.",
        "TABLE 1 Clinical trials of some anticancer drugs.", "Table 2 (Contd.)", "TABLE 1 Continued",
        "Name\tReferences\nA\t(1)", "4T1 tumor-bearing mice, PMA achieved 94.1% tumor inhibition.",
        "15 K. Bukowski, M. Kciuk and R. Kontek, *Int. J. Mol. Sci.*, 2020, **21**, 3233.",
      ].join("\n\n"),
    ).map((block) => block.kind);
    expect(kinds).toEqual([
      "heading", "heading", "backmatter", "backmatter",
      "figure-label", "figure-caption", "text",
      "table-caption", "table-continued", "table-continued",
      "table-rows", "text", "text",
    ]);
  });
});

describe("buildLayout", () => {
  const layout = (text: string) => buildLayout([], blocks(text));

  it("rejoins a sentence interrupted by a figure and a table, placing floats after the prose", () => {
    const { sections } = layout(
      [
        "1 Introduction",
        "Nanoparticles deliver drugs to",
        "Fig. 1 Nanoparticles in a cell.",
        "TABLE 1 Drugs.",
        "Drug\tReferences\nDOX\t(1)",
        "tumour cells (1). A new paragraph starts here.",
      ].join("\n\n"),
    );
    expect(sections[0]!.paragraphs).toEqual(["Nanoparticles deliver drugs to tumour cells (1). A new paragraph starts here."]);
    expect(sections[0]!.floats.map((f) => f.kind)).toEqual(["figure", "table"]);
  });

  it("leaves numbered affiliations run into one paragraph out of the abstract: they are front matter", () => {
    const affiliations = "1. Department of Surgery, Northfield Hospital, Leeds 210000, United Kingdom. 2. School of Medicine, Eastbay University, Bristol, United Kingdom.";
    const abstract = "Spindles organise sleep. They predict memory gains.";
    const { sections } = buildLayout(blocks(`${affiliations}\n\n${abstract}`), blocks("1 Introduction\n\nSleep matters (1)."));
    expect(sections[0]).toMatchObject({ title: "Abstract", paragraphs: [abstract] });
  });

  it("merges a continued table and drops its repeated header", () => {
    const { sections } = layout(
      [
        "1 Results",
        "TABLE 1 Drugs.",
        "Drug\tNote\tReferences\nDOX\tfirst part of a long\t(1)",
        "(Continued)",
        "TABLE 1 Continued",
        "Drug\tNote\tReferences\n\tnote that goes on\t\nPTX\tsecond\t(2)",
      ].join("\n\n"),
    );
    const table = sections[0]!.floats[0]!;
    expect(table).toMatchObject({
      kind: "table",
      header: ["Drug", "Note", "References"],
      rows: [["DOX", "first part of a long note that goes on", "(1)"], ["PTX", "second", "(2)"]],
    });
  });

  it("reads a reference list interrupted by back matter and returns displaced prose to the body", () => {
    const { sections, referenceEntries } = layout(
      [
        "1 Conclusion",
        "Nanomaterials are promising.",
        "References",
        "1. Sung H, Ferlay J. Global cancer statistics. *CA Cancer J Clin*. (2021) 71:209–49. doi: 10.3322/caac.21660",
        "Despite the substantial challenges, we believe that nanomaterials have the potential to become vital tools.",
        "Funding",
        "The authors received no funding for this work.",
        "3. Ibrahim A, Baldi M. Cancer statistics in Yemen. *BMC Public Health*. (2024) 24:962.\n4. Fisusi FA. Drug combinations in breast cancer therapy and their",
        "effects. *Pharm Nanotechnology*. (2019) 7:3–23.",
      ].join("\n\n"),
    );
    expect(referenceEntries.map((e) => e.n)).toEqual([1, 3, 4]);
    expect(referenceEntries[2]!.raw).toBe("Fisusi FA. Drug combinations in breast cancer therapy and their effects. *Pharm Nanotechnology*. (2019) 7:3–23.");
    expect(sections[0]!.paragraphs).toEqual([
      "Nanomaterials are promising.",
      "Despite the substantial challenges, we believe that nanomaterials have the potential to become vital tools.",
    ]);
    expect(sections.find((s) => s.title === "Funding")?.paragraphs).toEqual(["The authors received no funding for this work."]);
  });

  it("takes a numbered line that breaks the heading sequence for prose", () => {
    const { sections } = layout(["1 Introduction", "Text.", "3 patients were enrolled in the trial", "2 Methods", "More."].join("\n\n"));
    expect(sections.map((s) => s.number)).toEqual(["1", "2"]);
    expect(sections[0]!.paragraphs).toEqual(["Text.", "3 patients were enrolled in the trial"]);
  });
});

describe("headings in Markdown converted from a PDF", () => {
  const markdownLayout = (text: string) =>
    buildLayout([], splitParagraphs(text).map((lines) => classifyParagraph(lines, true)));

  it("reads '##', bulleted and plain-line headings, and a heading run into its paragraph", () => {
    const { sections } = markdownLayout(
      [
        "## 1 Introduction",
        "Glia outnumber neurons in many regions.",
        "- 1.1 Astrocytes",
        "Astrocytes tile the cortex.",
        "1.2 Microglia and their origin",
        "Microglia arise from the yolk sac.\n- 1.3 Oligodendrocytes",
        "They wrap axons in myelin.",
        "- 1.3.1 Myelin in the adult brain Adult myelination continues well into the",
        "fourth decade of life in humans.",
        "### 2 Conclusion",
        "Glia matter.",
      ].join("\n\n"),
    );
    expect(sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      "1 Introduction", "1.1 Astrocytes", "1.2 Microglia and their origin", "1.3 Oligodendrocytes",
      "1.3.1 Myelin in the adult brain", "2 Conclusion",
    ]);
    expect(sections[4]!.paragraphs).toEqual(["Adult myelination continues well into the fourth decade of life in humans."]);
  });

  it("keeps a Title Case heading whole when the next paragraph starts a new sentence", () => {
    const { sections } = markdownLayout(["## 1 Role of Toll-like Receptors in Alzheimer Disease", "Receptors sense damage."].join("\n\n"));
    expect(sections[0]!.title).toBe("Role of Toll-like Receptors in Alzheimer Disease");
  });

  it("takes '######' captions, formulas and pipe tables for what they are, not for sections", () => {
    const { sections } = markdownLayout(
      [
        "## 1 Methods",
        "The sparse code is shown in Equation 1.",
        "##### −→ξ ≈ n",
        "###### TABLE 1 Coding schemes compared.",
        "|Scheme|Property|\n|---|---|\n|Rate<br><br>|Slow|\n|Time|Fast|",
        "## Conﬂict of interest",
        "None.",
      ].join("\n\n"),
    );
    expect(sections.map((s) => s.title)).toEqual(["Methods", "Conﬂict of interest"]);
    expect(sections[0]!.floats).toEqual([
      { kind: "table", tableId: "1", caption: "TABLE 1 Coding schemes compared.", header: ["Scheme", "Property"], rows: [["Rate", "Slow"], ["Time", "Fast"]] },
    ]);
    expect(sections[1]!.role).toBe("back");
  });
});

describe("buildLayout, finding the reference list", () => {
  const layout = (text: string) => buildLayout([], blocks(text));

  it("reads a list that has no heading at the end of the last section, and leaves the prose", () => {
    const { sections, referenceEntries, referenceStyle } = layout(
      [
        "1 Discussion",
        "The effect held in every cohort we examined.",
        "1. Lund, E. & Sato, Y. (2001) J. Cell Sci. 14, 1–9.",
        "2. Pike, D. (2012) Cell 1, 1–2.",
        "3. Okafor, T., Ruiz, F. & Chen, M. (2010) Brain 3, 4–5.",
      ].join("\n\n"),
    );
    expect(referenceStyle).toBe("numbered");
    expect(referenceEntries.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(sections[0]!.paragraphs).toEqual(["The effect held in every cohort we examined."]);
  });

  it("gathers an unheaded list that a heading read inside it split over two sections", () => {
    const { sections, referenceEntries } = layout(
      [
        "1 Discussion",
        "The effect held in every cohort we examined.",
        "1. Lund, E. & Sato, Y. (2001) J. Cell Sci. 14, 1–9. 2. Pike, D. (2012) Cell 1, 1–2.",
        "2 Outlook",
        "More work is needed.",
        "3. Okafor, T., Ruiz, F. & Chen, M. (2010) Brain 3, 4–5.",
        "4. Berg, A. & Chen, M. (2011) Brain 4, 5–6.",
        "5. Diaz, R. & Ford, T. (2012) Brain 5, 6–7.",
      ].join("\n\n"),
    );
    expect(referenceEntries.map((e) => e.n)).toEqual([1, 2, 3, 4, 5]);
    expect(sections.map((s) => s.paragraphs)).toEqual([["The effect held in every cohort we examined."], ["More work is needed."]]);
  });

  it("finds a heading run into the first entry ('REFERENCES (1) …')", () => {
    const { referenceEntries } = layout(
      ["1 Results", "It worked.", "■ REFERENCES (1) Quist, H.; Brandt, S. Chiral amines. Org. Lett. 2015, 7, 1−9.", "(2) Moreau, P. Attention. Science 2001, 2, 3−4."].join("\n\n"),
    );
    expect(referenceEntries.map((e) => e.raw)).toEqual(["Quist, H.; Brandt, S. Chiral amines. Org. Lett. 2015, 7, 1−9.", "Moreau, P. Attention. Science 2001, 2, 3−4."]);
  });

  it("reads an unnumbered author–year list under its heading", () => {
    const { referenceEntries, referenceStyle } = layout(
      ["1 Results", "It worked (Ames and Cole, 2019).", "References", "Ames, B., and Cole, D. (2019). First. J. Test 1, 1–2.", "Berg, A. (2020). Second. J. Test 2, 3–4."].join("\n\n"),
    );
    expect(referenceStyle).toBe("author-year");
    expect(referenceEntries).toEqual([
      { n: 1, raw: "Ames, B., and Cole, D. (2019). First. J. Test 1, 1–2." },
      { n: 2, raw: "Berg, A. (2020). Second. J. Test 2, 3–4." },
    ]);
  });

  it("finds no list in a paper without one", () => {
    const { referenceEntries, referenceStyle } = layout(["1 Results", "In 2019, Ames and Cole showed it.", "2 Discussion", "It holds."].join("\n\n"));
    expect(referenceEntries).toEqual([]);
    expect(referenceStyle).toBe("none");
  });
});

describe("findFirstHeading", () => {
  const markdownBlocks = (paragraphs: string[]) => splitParagraphs(paragraphs.join("\n\n")).map((lines) => classifyParagraph(lines, true));
  const abstract = "Glial scars protect the injured spinal cord and block the regrowth of axons. We review how astrocytes, microglia and fibroblasts build the scar, how it changes with time and which treatments loosen it.";

  it("passes over labels set as headings before any prose when a standard opening follows", () => {
    const blocks = markdownBlocks(["# Glial scars", "## REVIEW ARTICLE OPEN", "Ada Lovelace¹", abstract, "■ INTRODUCTION", "Text."]);
    expect(blocks[findFirstHeading(blocks)]).toMatchObject({ kind: "heading", title: "INTRODUCTION" });
  });

  it("opens the body at the first heading after the prose, and at the first heading when nothing standard follows", () => {
    const afterProse = markdownBlocks(["# Glial scars", "## Review", abstract, "## Scar formation", "Text.", "## Introduction"]);
    expect(afterProse[findFirstHeading(afterProse)]).toMatchObject({ title: "Scar formation" });
    const plain = markdownBlocks(["# Glial scars", "## Overview", abstract, "## Scar formation"]);
    expect(plain[findFirstHeading(plain)]).toMatchObject({ title: "Overview" });
  });

  it("takes 'Results' for the opening of a paper whose introduction has no heading", () => {
    const blocks = markdownBlocks(["# Glial scars", "## Article", abstract, "Astrocytes tile the cortex.", "## Results", "Text."]);
    expect(blocks[findFirstHeading(blocks)]).toMatchObject({ title: "Results" });
  });

  it("reads IMRaD headings and ornamented ones ('■ METHODS', '■ AUTHOR INFORMATION')", () => {
    expect(blocks(["■ METHODS", "Results and Discussion", "■ AUTHOR INFORMATION"].join("\n\n"))).toEqual([
      { kind: "heading", number: "", title: "METHODS", raw: "■ METHODS" },
      { kind: "heading", number: "", title: "Results and Discussion", raw: "Results and Discussion" },
      { kind: "backmatter", title: "AUTHOR INFORMATION", raw: "■ AUTHOR INFORMATION" },
    ]);
  });
});

describe("buildLayout, where the reference list ends", () => {
  const markdownLayout = (text: string) => buildLayout([], splitParagraphs(text).map((lines) => classifyParagraph(lines, true)));

  it("reads on past a running head set as a heading, and returns to the body at a section that opens with prose", () => {
    const { sections, referenceEntries } = markdownLayout(
      [
        "## Results",
        "It worked.",
        "## References",
        "1. Lund, E. Nuclear shape. Cell 5, 1–2 (2020).",
        "## Article",
        "2. Pike, D. Heat shock. Cell 6, 3–4 (2021).",
        "## Methods",
        "Cells were grown overnight in rich medium at thirty degrees and harvested by gentle centrifugation before lysis in a cold buffer.",
      ].join("\n\n"),
    );
    expect(referenceEntries.map((e) => e.raw)).toEqual(["Lund, E. Nuclear shape. Cell 5, 1–2 (2020).", "Pike, D. Heat shock. Cell 6, 3–4 (2021)."]);
    expect(sections.find((s) => s.title === "Methods")?.paragraphs).toEqual([
      "Cells were grown overnight in rich medium at thirty degrees and harvested by gentle centrifugation before lysis in a cold buffer.",
    ]);
  });
});

describe("other ways papers mark headings", () => {
  it("reads Setext underlines as Markdown does and drops horizontal rules", () => {
    const text = ["Glial scars", "===========", "", "Introduction", "------------", "Astrocytes tile the cortex.", "", "* * *", "", "Scar formation", "---"].join("\n");
    expect(splitParagraphs(text)).toEqual([["# Glial scars"], ["## Introduction"], ["Astrocytes tile the cortex."], ["## Scar formation"]]);
    // An underline below a paragraph of several lines is a rule, not a heading.
    expect(splitParagraphs("Line one\nline two\n---\nNext")).toEqual([["Line one", "line two"], ["Next"]]);
  });

  it("reads a .txt written with Markdown headings as Markdown, and plain text as plain text", () => {
    expect(usesMarkdownHeadings("# Glial scars\n\nText.")).toBe(true);
    expect(usesMarkdownHeadings("Title\n\n## 1 Introduction\n\nText.\n\n## 2 Methods")).toBe(true);
    expect(usesMarkdownHeadings("Introduction\n------------\nText.")).toBe(true);
    expect(usesMarkdownHeadings("Title\n\n1 Introduction\n\nDose #1 was given.\n\nA table\n| a | b |")).toBe(false);
  });

  it("reads roman-numbered capitalised headings as printed, but not names in capitals", () => {
    const kinds = blocks(["I. INTRODUCTION", "IV. RESULTS", "II. SCAR FORMATION IN THE SPINAL CORD", "V. KUMAR", "J. A. SMITH AND K. LEE", "VI. ZEBRAFISH"].join("\n\n"));
    expect(kinds.map((block) => (block.kind === "heading" ? block.title : block.kind))).toEqual([
      "I. INTRODUCTION", "IV. RESULTS", "II. SCAR FORMATION IN THE SPINAL CORD", "text", "text", "text",
    ]);
  });
});
