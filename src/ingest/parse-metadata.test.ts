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
