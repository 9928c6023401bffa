import { describe, expect, it } from "vitest";
import { parseDocumentText } from "./parse-document.ts";
import { readYamlFrontMatter } from "./read-yaml-front-matter.ts";

describe("readYamlFrontMatter", () => {
  it("reads scalars, inline lists and block lists, and returns the text after the fence", () => {
    const yaml = [
      "---",
      'title: "Glial scars: a review"',
      "authors:",
      "  - Ada Lovelace",
      "  - name: Charles Babbage",
      "journal: Journal of Imaginary Neuroscience",
      "date: 2021-06-03",
      "volume: 12",
      "doi: https://doi.org/10.1234/JIN.2021.77",
      "---",
      "# Glial scars",
    ].join("\n");
    const { meta, body } = readYamlFrontMatter(yaml);
    expect(meta).toEqual({
      title: "Glial scars: a review",
      authors: ["Ada Lovelace", "Charles Babbage"],
      journal: "Journal of Imaginary Neuroscience",
      year: 2021,
      volume: "12",
      doi: "10.1234/jin.2021.77",
    });
    expect(body).toBe("# Glial scars");
    expect(readYamlFrontMatter("---\nauthor: [A. One, B. Two]\n---\nx").meta.authors).toEqual(["A. One", "B. Two"]);
    expect(readYamlFrontMatter("---\ntitle: >-\n  Glial scars after\n  spinal injury\n---\nx").meta.title).toBe("Glial scars after spinal injury");
    expect(readYamlFrontMatter("---\nauthor: Ada Lovelace and Charles Babbage\n---\nx").meta.authors).toEqual([
      "Ada Lovelace", "Charles Babbage",
    ]);
  });

  it("leaves text alone that has no fence or no bibliographic field", () => {
    expect(readYamlFrontMatter("Title\n\n---\ntitle: x\n---").body).toBe("Title\n\n---\ntitle: x\n---");
    const rule = "---\nlayout: post\n---\nText";
    expect(readYamlFrontMatter(rule)).toEqual({ meta: {}, body: rule });
  });

  it("wins over the text's own guesses when a document is parsed", () => {
    const text = [
      "---", "title: The real title", "authors: Ada Lovelace, Charles Babbage", "year: 2019", "doi: 10.1234/abc.5", "---",
      "", "A heading-like first line", "", "## 1 Introduction", "",
      "Astrocytes form scars after injury (Lovelace and Babbage, 2019). They also release cytokines that shape repair.",
    ].join("\n");
    const doc = parseDocumentText(text, "paper.md");
    expect(doc.meta).toMatchObject({
      title: "The real title",
      authors: ["Ada Lovelace", "Charles Babbage"],
      year: 2019,
      doi: "10.1234/abc.5",
      url: "https://doi.org/10.1234/abc.5",
    });
    expect(doc.text).not.toContain("title:");
  });
});
