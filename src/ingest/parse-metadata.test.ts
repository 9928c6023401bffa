import { describe, expect, it } from "vitest";
import { classifyParagraph, splitParagraphs } from "./parse-blocks.ts";
import { parseAuthorLine, parseFrontMatter } from "./parse-metadata.ts";

describe("parseAuthorLine", () => {
  it("reads author lines with affiliation marks", () => {
    expect(parseAuthorLine("Chao Guan¹, Yahao Han², Wanwei Dong^{2*}, Di Zhang^{4*} and Keyan Chen^{2*}")).toEqual([
      "Chao Guan", "Yahao Han", "Wanwei Dong", "Di Zhang", "Keyan Chen",
    ]);
    expect(parseAuthorLine("Aditi Verma, Krunal Patel and Ashutosh Kumar *")).toEqual(["Aditi Verma", "Krunal Patel", "Ashutosh Kumar"]);
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
