import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../config.ts";
import { parseDocumentText } from "../../ingest/parse-document.ts";
import { findReferenceLinks, renderSourceViewerPage } from "./source-viewer-page.ts";

// The hostile review of the browser tests, parsed by the real parser.
const raw = fs.readFileSync(path.join(PROJECT_ROOT, "test", "e2e", "fixtures", "hostile-review.md"), "utf8");
const { chunks, ...doc } = parseDocumentText(raw, "hostile-review.md");
const page = renderSourceViewerPage(doc, chunks);

describe("renderSourceViewerPage", () => {
  it("escapes all corpus text: no tag, handler or javascript: link from the document survives", () => {
    expect(page).not.toMatch(/<img|<script|\son\w+="|href="javascript:/i);
    expect(page).toContain("&lt;img src=x onerror=&quot;window.__xss=3&quot;&gt;");
    expect(page).toContain("&lt;script&gt;window.__xss=6&lt;/script&gt;");
    expect(page).toContain("<title>Liposomal cardioprotection payloads &lt;img");
  });

  it("anchors every passage, once, and every section heading", () => {
    for (const chunk of chunks) expect(page.split(`id="chunk-${chunk.id}"`)).toHaveLength(2);
    for (const section of doc.sections) expect(page).toContain(`id="sec-${section.id}"`);
    // The printed heading line is shown once, as a heading, not again as text.
    expect(page.match(/1 Introduction/g)).toHaveLength(2); // table of contents + heading
  });

  it("replaces the printed reference list with linked entries and links the markers to them", () => {
    expect(page).toContain('<li id="ref-1" value="1">');
    expect(page).toContain('<a href="https://doi.org/10.5555/hack.2021.1" target="_blank" rel="noopener noreferrer">doi:10.5555/hack.2021.1</a>');
    // Entry text appears once: in the list, not also as raw text.
    expect(page.match(/Eve A\. Zebrafish protocols/g)).toHaveLength(1);
    const links = findReferenceLinks(doc, chunks);
    expect(links.map((l) => l.n)).toEqual([1, 2, 1, 2]);
    expect(page.match(/<a class="cite" href="#ref-\d"/g)).toHaveLength(4);
  });

  it("does not link numbers a sentence does not cite, such as '48 hours' or a year", () => {
    const links = findReferenceLinks(doc, chunks);
    for (const link of links) expect(doc.text.slice(link.start, link.end)).toMatch(/^[12]$/);
  });
});

describe("findReferenceLinks in an author–year paper", () => {
  it("links each cited work to the entry it resolved to", () => {
    const text = "Handwriting was decoded (Abiri and Borhani, 2019; Willett et al., 2021), as Willett et al. (2023) did for speech.";
    const entry = (n: number, first: string, year: number, label: string) => ({ n, text: `${first}, A., Other, B., and Third, C. (${year}). Title. J.`, authors: [`${first}, A.`, "Other, B.", "Third, C."], year, label, paperKey: `${n}` });
    const references = [entry(1, "Abiri", 2019, "Abiri and Borhani, 2019"), entry(2, "Willett", 2021, "Willett et al., 2021"), entry(3, "Willett", 2023, "Willett et al., 2023")];
    references[0]!.authors = ["Abiri, R.", "Borhani, S."];
    const sentence = { text, refs: [1, 2, 3], start: 0, end: text.length };
    const chunk = { id: "x:0000", docId: "x", section: "", sectionId: "s", kind: "text" as const, text, sentences: [sentence], refs: [1, 2, 3], start: 0, end: text.length };
    const paper = { ...doc, text, references, quality: { ...doc.quality, citationStyle: "author-year" as const } };
    const links = findReferenceLinks(paper, [chunk]);
    expect(links.map((link) => [text.slice(link.start, link.end), link.n])).toEqual([
      ["Abiri and Borhani, 2019", 1],
      ["Willett et al., 2021", 2],
      ["Willett et al. (2023)", 3],
    ]);
  });
});
