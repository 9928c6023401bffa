import { describe, expect, it } from "vitest";
import { classifyParagraph, splitParagraphs } from "./parse-blocks.ts";
import { parseDocumentText } from "./parse-document.ts";
import { parseAuthorLine, parseFrontMatter } from "./parse-metadata.ts";

describe("parseAuthorLine", () => {
  it("reads author lines with affiliation marks", () => {
    expect(parseAuthorLine("Chao Guan¹, Yahao Han², Wanwei Dong^{2*}, Di Zhang^{4*} and Keyan Chen^{2*}")).toEqual([
      "Chao Guan", "Yahao Han", "Wanwei Dong", "Di Zhang", "Keyan Chen",
    ]);
    expect(parseAuthorLine("Aditi Verma, Krunal Patel and Ashutosh Kumar *")).toEqual(["Aditi Verma", "Krunal Patel", "Ashutosh Kumar"]);
  });

  it("reads author lines a PDF layout reader leaves damaged", () => {
    // Affiliation numbers moved off the names, an envelope glyph.
    expect(parseAuthorLine("1 ✉ Ana-Maria Costa ¹, Jun Park¹ and Li Wei Chen")).toEqual(["Ana-Maria Costa", "Jun Park", "Li Wei Chen"]);
    // A symbol-font asterisk in the private-use area, marks between commas, "and" glued to a mark.
    expect(parseAuthorLine("Ada Lovelace¹\uf02a, Mary Somerville², ³,Charles Babbage¹,²\uf02a")).toEqual([
      "Ada Lovelace", "Mary Somerville", "Charles Babbage",
    ]);
    expect(parseAuthorLine("Ada Lovelace¹†, Mary T. Somerville³and Charles Babbage²*")).toEqual([
      "Ada Lovelace", "Mary T. Somerville", "Charles Babbage",
    ]);
    // Footnote symbols (PNAS) and superscript letters for affiliations (RSC, Elsevier).
    expect(parseAuthorLine("Ada Lovelace*, Mary-Jo Somerville*†‡, and Charles Babbage*§¶")).toEqual([
      "Ada Lovelace", "Mary-Jo Somerville", "Charles Babbage",
    ]);
    expect(parseAuthorLine("Ada Lovelace,ᵃ Charles P. Babbage-Byron, ᵃ Mary Somervilleᵇ and Li Weiᵃ")).toEqual([
      "Ada Lovelace", "Charles P. Babbage-Byron", "Mary Somerville", "Li Wei",
    ]);
  });

  it("rejects editors with affiliations, single unmarked names and prose", () => {
    expect(parseAuthorLine("Teruyoshi Sasayama, Kyushu University, Japan")).toBeNull();
    expect(parseAuthorLine("Keyan Chen")).toBeNull();
    expect(parseAuthorLine("breast cancer, nanomaterials, anticancer drugs, drug resistance")).toBeNull();
    expect(parseAuthorLine("Nanomaterials: breaking the bottleneck of breast cancer drug resistance")).toBeNull();
  });
});

describe("parseFrontMatter", () => {
  it("finds title, authors, bibliographic facts and the abstract among publisher panels", () => {
    const text = [
      "OPEN ACCESS", "EDITED BY", "Teruyoshi Sasayama,\nKyushu University, Japan", "CITATION",
      "Guan C, Han Y and Chen K (2024)", "Nanomaterials: breaking the bottleneck.", "Front. Immunol. 15:1492546.",
      "doi: 10.3389/fimmu.2024.1492546", "COPYRIGHT", "© 2024 Guan, Han and Chen. This is an open-access article.",
      "Nanomaterials: breaking the bottleneck of breast cancer drug resistance",
      "Chao Guan¹, Yahao Han² and Keyan Chen^{2*}",
      "¹The First Clinical College of China Medical University, Shenyang, China",
      "Drug resistance poses a significant challenge in the treatment of breast cancer. In recent years, a variety of nanomaterials have been discovered and synthesized that can selectively target tumor cells and play a crucial role in therapy.",
      "KEYWORDS", "breast cancer, nanomaterials",
    ].join("\n\n");
    const blocks = splitParagraphs(text).map((lines) => classifyParagraph(lines));
    const front = parseFrontMatter(blocks, true);
    expect(front.meta).toEqual({
      title: "Nanomaterials: breaking the bottleneck of breast cancer drug resistance",
      authors: ["Chao Guan", "Yahao Han", "Keyan Chen"],
      journal: "Front. Immunol.",
      year: 2024,
      volume: "15",
      doi: "10.3389/fimmu.2024.1492546",
      url: "https://doi.org/10.3389/fimmu.2024.1492546",
    });
    expect(front.abstract.map((block) => block.raw.slice(0, 15))).toEqual(["Drug resistance"]);
  });
});

describe("front matter of Markdown converted from a publisher PDF", () => {
  it("reads side panels set as headings for their facts, the '# title' and a '####' author line with glued digits", () => {
    const text = [
      "TYPE Review PUBLISHED 03 March 2022 DOI 10.5555/jin.2021.00042",
      "###### OPEN ACCESS", "###### EDITED BY", "Maria Rossi, University of Padua, Italy",
      "###### *CORRESPONDENCE", "Ada Lovelace", "ada@example.org",
      "###### CITATION",
      "Lovelace A and Babbage C (2022) Glial scars after spinal injury. J. Imag. Neurosci. 15:1000042. doi: 10.5555/jin.2021.00042",
      "# Glial scars after spinal injury",
      "#### Ada Lovelace1,2*, Charles Babbage2 and Mary Somerville1,3",
      "1Department of Anatomy, University of Nowhere, Nowhere, Utopia",
      "Spinal cord injury leaves a glial scar that both protects the tissue and blocks the regrowth of axons. We review how astrocytes, microglia and fibroblasts build the scar, how it changes with time and which treatments loosen it.",
      "KEYWORDS", "glia, scar, spinal cord",
      "## 1 Introduction",
    ].join("\n\n");
    const blocks = splitParagraphs(text).map((lines) => classifyParagraph(lines, true));
    const first = blocks.findIndex((block) => block.kind === "heading");
    expect(blocks[first]).toMatchObject({ number: "1", title: "Introduction" });
    const front = parseFrontMatter(blocks.slice(0, first), true);
    expect(front.meta).toEqual({
      title: "Glial scars after spinal injury",
      authors: ["Ada Lovelace", "Charles Babbage", "Mary Somerville"],
      journal: "J. Imag. Neurosci.",
      year: 2022,
      volume: "15",
      doi: "10.5555/jin.2021.00042",
      url: "https://doi.org/10.5555/jin.2021.00042",
    });
    expect(front.abstract.map((block) => block.raw.slice(0, 18))).toEqual(["Spinal cord injury"]);
  });
});

describe("bibliographic lines of publisher front matter", () => {
  const metaOf = (paragraphs: string[]) =>
    parseFrontMatter(splitParagraphs(paragraphs.join("\n\n")).map((lines) => classifyParagraph(lines, true)), true).meta;
  const title = "# Glial scars after spinal injury";
  const authors = "Ada Lovelace¹, Charles Babbage²*";

  it("reads 'Cite This: Journal Year, Volume, Pages' without a comma after the journal", () => {
    expect(metaOf([title, authors, "Cite This: J. Imag. Neurosci. 2023, 18, 1228−1236 Read Online"])).toMatchObject({
      journal: "J. Imag. Neurosci.", year: 2023, volume: "18",
    });
  });

  it("reads 'Journal Name (Year) Volume:Pages' and a masthead 'Year; Volume(Issue): Pages' line", () => {
    expect(metaOf([title, authors, "Journal of Imaginary Medicine (2023) 55:2116–2126; https://doi.org/10.5555/jim.1"])).toMatchObject({
      journal: "Journal of Imaginary Medicine", year: 2023, volume: "55",
    });
    const masthead = metaOf([title, "## Review", "2021; 19(15): 4931-4947. doi: 10.5555/ijis.2", "## International Journal of Imaginary Sciences", authors]);
    expect(masthead).toMatchObject({ journal: "International Journal of Imaginary Sciences", year: 2021, volume: "19", authors: ["Ada Lovelace", "Charles Babbage"] });
  });

  it("finds the authors a few masthead lines below a '# title', and drops a long correspondence block", () => {
    const front = parseFrontMatter(
      splitParagraphs(
        [
          title, "## Article", "https://doi.org/10.5555/x.3", "## Open Access", authors,
          `Corresponding authors: Ada Lovelace, Department of Analytical Engines, University of Nowhere, 1 Long Road, Utopia. E-mail: ada@example.org; ${"Charles Babbage, Department of Difference Engines, University of Nowhere, 2 Short Road, Utopia. ".repeat(3)}E-mail: charles@example.org.`,
        ].join("\n\n"),
      ).map((lines) => classifyParagraph(lines, true)),
      true,
    );
    expect(front.meta.authors).toEqual(["Ada Lovelace", "Charles Babbage"]);
    expect(front.abstract).toEqual([]);
  });
});

describe("an author list the layout reader broke around a side column", () => {
  const front = (paragraphs: string[]) =>
    parseFrontMatter(splitParagraphs(paragraphs.join("\n\n")).map((lines) => classifyParagraph(lines, true)), true).meta.authors;

  it("drops the dates read into it and joins its pieces", () => {
    expect(front(["# Glial scars", "## Article", "1,4", "## Received: 4 May 2023 Ada Lovelace¹,², Mary T. Somerville", "## Accepted: 2 June 2024", "³& Charles Babbage"])).toEqual([
      "Ada Lovelace", "Mary T. Somerville", "Charles Babbage",
    ]);
    expect(front(["# Glial scars", "Received: 1 April 2023 Ada Lovelace¹,², Li Wei ¹,²,", "1,2", "Jun Park ³, Mary Somerville ³& Charles Babbage"])).toEqual([
      "Ada Lovelace", "Li Wei", "Jun Park", "Mary Somerville", "Charles Babbage",
    ]);
  });

  it("does not take a label after a closed list for one more author", () => {
    expect(front(["# Glial scars", "Ada Lovelace¹ and Charles Babbage²*", "Open Access"])).toEqual(["Ada Lovelace", "Charles Babbage"]);
  });
});

describe("side panels between the authors and an unsectioned body", () => {
  it("leaves the lines under a bare panel label out of the body", () => {
    const prose = "Glial scars protect the injured spinal cord and block the regrowth of axons. We review how astrocytes, microglia and fibroblasts build the scar, how it changes with time and which treatments loosen it.";
    const text = [
      "Glial scars after spinal injury", "Ada Lovelace¹* and Charles Babbage²",
      "EDITED BY", "Maria Rossi, Padua Biotech, Italy", "REVIEWED BY", "Li Wei, Nowhere Labs, Utopia\nJun Park, Somewhere Ltd, Utopia",
      prose, "KEYWORDS", "glia, scar",
    ].join("\n\n");
    const front = parseFrontMatter(splitParagraphs(text).map((lines) => classifyParagraph(lines)), false);
    expect(front.rest.map((block) => block.raw)).toEqual([prose]);
  });
});

describe("a plain-text Frontiers-style front page", () => {
  it("does not take the masthead line with the DOI for the title", () => {
    const text = [
      "TYPE Review PUBLISHED 03 March 2022 DOI 10.5555/jin.2021.00042", "OPEN ACCESS",
      "Glial scars after spinal injury", "Department of Anatomy, University of Nowhere, Utopia",
    ].join("\n\n");
    const front = parseFrontMatter(splitParagraphs(text).map((lines) => classifyParagraph(lines)), true);
    expect(front.meta).toMatchObject({ title: "Glial scars after spinal injury", year: 2022, doi: "10.5555/jin.2021.00042" });
  });
});

describe("Markdown from converters that never use '#' for the title", () => {
  it("takes the first title-like heading as the title and drops image placeholders", () => {
    const P = "Astrocytes respond to injury within hours and form a dense border around the lesion core, which protects the spared tissue but also blocks axons that try to regrow through it.";
    const doc = parseDocumentText(
      [
        "![](_page_0_Picture_0.jpeg)", "## Glial scars after spinal cord injury", "Ada Lovelace<sup>1</sup>, Charles Babbage<sup>2,*</sup>",
        "<!-- image -->", "## Abstract", P, "## 1 Introduction", P, "![](_page_1_Figure_2.jpeg)", "## 2 Conclusion", P,
      ].join("\n\n"),
      "paper.md",
    );
    expect(doc.meta).toMatchObject({ title: "Glial scars after spinal cord injury", authors: ["Ada Lovelace", "Charles Babbage"] });
    expect(doc.sections.map((section) => section.title)).toEqual(["Abstract", "Introduction", "Conclusion"]);
    expect(doc.text).not.toMatch(/!\[|<!--|_page_/);
  });
});
