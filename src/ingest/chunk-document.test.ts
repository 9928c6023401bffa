// Chunk invariants on the real corpus: sizes, section boundaries, offsets, per-sentence refs.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config.ts";
import type { ParsedDocument, Sentence } from "../types.ts";
import { MAX_CHUNK_WORDS, MIN_CHUNK_WORDS, groupSentences, joinTornSentences } from "./chunk-document.ts";
import { countWords } from "./clean-text.ts";
import { parseDocumentFile } from "./parse-document.ts";

let docs: ParsedDocument[];

beforeAll(async () => {
  const corpus = path.join(PROJECT_ROOT, "corpus");
  docs = await Promise.all(
    ["guan2024-nanomaterials-breast-cancer-drug-resistance.txt", "verma2024-mirna-nanotechnology-delivery-breast-cancer.txt"].map((file) =>
      parseDocumentFile(path.join(corpus, file)),
    ),
  );
});

describe("chunks of the real corpus", () => {
  it("are mostly 120–300 words and never far above", () => {
    for (const doc of docs) {
      const text = doc.chunks.filter((c) => c.kind === "text").map((c) => countWords(c.text));
      const inRange = text.filter((n) => n >= MIN_CHUNK_WORDS && n <= MAX_CHUNK_WORDS).length;
      expect(inRange / text.length, doc.meta.id).toBeGreaterThanOrEqual(0.8);
      expect(Math.max(...text)).toBeLessThanOrEqual(MAX_CHUNK_WORDS + 30);
      for (const chunk of doc.chunks.filter((c) => c.kind === "table")) expect(countWords(chunk.text)).toBeLessThanOrEqual(MAX_CHUNK_WORDS + 30);
    }
  });

  it("never cross a section boundary and point into the clean text", () => {
    for (const doc of docs) {
      const sections = new Map(doc.sections.map((s) => [s.id, s]));
      for (const chunk of doc.chunks) {
        const section = sections.get(chunk.sectionId)!;
        expect(chunk.section).toBe(`${section.number} ${section.title}`.trim());
        // Inside its section, and not inside a subsection that follows it.
        expect(chunk.start).toBeGreaterThanOrEqual(section.start);
        expect(chunk.end).toBeLessThanOrEqual(section.end);
        const child = doc.sections.find((s) => s.parentId === section.id && s.start < chunk.end && s.end > chunk.start);
        expect(child).toBeUndefined();
        if (chunk.kind !== "table") expect(chunk.text).toBe(doc.text.slice(chunk.start, chunk.end));
        for (const sentence of chunk.sentences) expect(doc.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        expect(chunk.refs).toEqual([...new Set(chunk.sentences.flatMap((s) => s.refs))].sort((a, b) => a - b));
        expect(chunk.id).toMatch(new RegExp(`^${doc.meta.id}:\\d{4}$`));
      }
    }
  });

  it("cover all the prose of every section, in reading order, with nothing left between them", () => {
    for (const doc of docs) {
      for (const section of doc.sections) {
        const chunks = doc.chunks.filter((c) => c.sectionId === section.id);
        const prose = chunks.filter((c) => c.kind === "text");
        if (!prose.length) continue;
        const headingEnd = section.start + `${section.number} ${section.title}`.trim().length;
        // What follows the prose: the section's first figure/table, its first subsection, or its end.
        const floats = chunks.filter((c) => c.kind !== "text").map((c) => c.start);
        const children = doc.sections.filter((s) => s.parentId === section.id).map((s) => s.start);
        const boundary = Math.min(section.end, ...floats, ...children);
        const edges = [headingEnd, ...prose.flatMap((c) => [c.start, c.end]), boundary];
        for (let i = 0; i < edges.length; i += 2) {
          expect(doc.text.slice(edges[i], edges[i + 1]).trim(), `${doc.meta.id} ${section.id}`).toBe("");
        }
      }
    }
  });
});

describe("groupSentences", () => {
  const sentence = (words: number): Sentence => ({ text: Array(words).fill("w").join(" "), refs: [], start: 0, end: 0 });

  it("breaks between paragraphs once a chunk is big enough", () => {
    const groups = groupSentences([[sentence(100), sentence(60)], [sentence(100), sentence(100)], [sentence(150)]]);
    expect(groups.map((g) => g.reduce((n, s) => n + countWords(s.text), 0))).toEqual([160, 200, 150]);
  });

  it("folds a short tail into the chunk before it", () => {
    const groups = groupSentences([[sentence(150), sentence(50)], [sentence(40)]]);
    expect(groups).toHaveLength(1);
  });

  it("splits a long paragraph at sentence boundaries", () => {
    const groups = groupSentences([Array.from({ length: 12 }, () => sentence(50))]);
    for (const group of groups) expect(group.length * 50).toBeLessThanOrEqual(MAX_CHUNK_WORDS);
  });
});

describe("joinTornSentences", () => {
  const paragraphsOf = (text: string, refs: number[][]) => {
    let at = 0;
    return text.split("\n\n").map((part, i) => {
      const start = text.indexOf(part, at);
      at = start + part.length;
      return [{ text: part, refs: refs[i] ?? [], start, end: start + part.length }];
    });
  };
  const joined = (text: string, refs: number[][] = []) =>
    joinTornSentences(paragraphsOf(text, refs), text).map((p) => p.map((s) => [s.text.replace(/\s+/g, " "), s.refs]));

  it("joins a sentence torn inside a citation group or before a lower-case word", () => {
    expect(joined("Power variations (Crone et al., 1998;\n\nHermes et al., 2012) can characterize regions.", [[1], [2]])).toEqual([
      [["Power variations (Crone et al., 1998; Hermes et al., 2012) can characterize regions.", [1, 2]]],
    ]);
    expect(joined("The pore is formed by the\n\nN-terminal domain.")).toHaveLength(2); // a capital: not known to continue
    expect(joined("The pore is formed by the\n\nnascent oligomer [3].", [[], [3]])).toEqual([[["The pore is formed by the nascent oligomer [3].", [3]]]]);
  });

  it("keeps finished sentences and headings apart", () => {
    expect(joined("Pores form (Lee, 2019).\n\nthen cells swell.")).toHaveLength(2);
    expect(joined("It is cited.¹²\n\nand more.")).toHaveLength(2);
  });
});
