import { describe, expect, it } from "vitest";
import { assessQuality } from "./assess-quality.ts";
import type { Chunk, ParsedDocument } from "../types.ts";
import { assignDocumentIds, baseDocumentId } from "./assign-document-ids.ts";

function doc(authors: string[], year: number | undefined, file: string, chunks = 2): ParsedDocument {
  const chunkList: Chunk[] = Array.from({ length: chunks }, (_, i) => ({
    id: `tmp:${i}`, docId: "tmp", section: "1 Introduction", sectionId: "s1", kind: "text", text: "x", sentences: [], refs: [], start: 0, end: 1,
  }));
  return {
    meta: { id: "tmp", file, title: "t", authors, ...(year === undefined ? {} : { year }) },
    text: "x", sections: [], references: [], missingReferenceNumbers: [],
    citationStats: { markers: 0, resolved: 0, resolvedRatio: null }, chunks: chunkList,
    quality: assessQuality({
      citationStyle: "none", referenceStyle: "none", references: [], missingReferenceNumbers: [],
      citationStats: { markers: 0, resolved: 0, resolvedRatio: null }, chunks: chunkList, extractedChars: 1, keptChars: 1,
    }),
  };
}

describe("baseDocumentId", () => {
  it("is the first author's surname and the year, lowercase ASCII", () => {
    expect(baseDocumentId({ authors: ["Chao Guan", "Yahao Han"], year: 2024, file: "x.txt" })).toBe("guan2024");
    expect(baseDocumentId({ authors: ["Vedran Dobričić"], year: 2020, file: "x.txt" })).toBe("dobricic2020");
    expect(baseDocumentId({ authors: ["Anna Müller-Lüdenscheidt"], year: 2019, file: "x.txt" })).toBe("mullerludenscheidt2019");
    expect(baseDocumentId({ authors: ["P. Ter Brugge"], year: 2016, file: "x.txt" })).toBe("terbrugge2016");
  });

  it("falls back to the file name when no author is known", () => {
    expect(baseDocumentId({ authors: [], year: 2021, file: "My Review (final).pdf" })).toBe("my2021");
    expect(baseDocumentId({ authors: [], file: "guan2024-nanomaterials.txt" })).toBe("guan2024");
  });
});

describe("assignDocumentIds", () => {
  it("suffixes clashes a, b in order and re-keys chunks", () => {
    const docs = [doc(["Chao Guan"], 2024, "a.txt"), doc(["Aditi Verma"], 2024, "b.txt"), doc(["Wei Guan"], 2024, "c.txt", 3)];
    assignDocumentIds(docs);
    expect(docs.map((d) => d.meta.id)).toEqual(["guan2024a", "verma2024", "guan2024b"]);
    expect(docs[2]!.chunks.map((c) => c.id)).toEqual(["guan2024b:0000", "guan2024b:0001", "guan2024b:0002"]);
    expect(docs[2]!.chunks.every((c) => c.docId === "guan2024b")).toBe(true);
  });
});
