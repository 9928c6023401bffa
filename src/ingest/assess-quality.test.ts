import { describe, expect, it } from "vitest";
import type { Chunk, ReferenceEntry } from "../types.ts";
import { type QualityInput, assessQuality, describeQuality } from "./assess-quality.ts";

const entry = (n: number): ReferenceEntry => ({ n, text: `Entry ${n}.`, authors: [], paperKey: `k${n}` }) as unknown as ReferenceEntry;
const chunk = (refs: number[][]): Chunk =>
  ({ kind: "text", sentences: refs.map((r, i) => ({ text: `Sentence ${i}.`, refs: r, start: 0, end: 1 })) }) as unknown as Chunk;

const input = (over: Partial<QualityInput>): QualityInput => ({
  citationStyle: "none",
  referenceStyle: "none",
  references: [],
  missingReferenceNumbers: [],
  citationStats: { markers: 0, resolved: 0, resolvedRatio: null },
  chunks: [chunk([[], []])],
  extractedChars: 1000,
  keptChars: 950,
  ...over,
});

describe("assessQuality and describeQuality", () => {
  it("says that nothing was found instead of '100% resolve' or 'missing: none'", () => {
    const quality = assessQuality(input({}));
    expect(quality.citations.resolvedRatio).toBeNull();
    expect(quality.warnings).toEqual(["no reference list found", "no in-text citations found"]);
    const words = describeQuality(quality);
    expect(words.list).toBe("no reference list found");
    expect(words.citations).toBe("no in-text citations found · 95% of extracted text kept");
    expect(`${words.list} ${words.citations}`).not.toMatch(/100|none/);
  });

  it("counts a numbered list with gaps and warns under 90% resolution", () => {
    const references = [1, 2, 4].map(entry);
    const quality = assessQuality(
      input({
        citationStyle: "bracket",
        referenceStyle: "numbered",
        references,
        missingReferenceNumbers: [3],
        citationStats: { markers: 10, resolved: 8, resolvedRatio: 0.8 },
        chunks: [chunk([[1], [], [2, 4], []])],
      }),
    );
    expect(quality).toMatchObject({
      references: { parsed: 3, span: 4, missing: 1 },
      citations: { found: 10, resolved: 8, resolvedRatio: 0.8 },
      citingSentenceShare: 0.5,
    });
    expect(quality.warnings).toEqual(["1 of 4 reference numbers have no entry", "only 80% of in-text citations resolve to a reference entry"]);
    const words = describeQuality(quality, [3]);
    expect(words.list).toBe("3 references, numbered 1–4 · missing reference numbers: 3");
    expect(words.citations).toBe("10 citation markers (bracket), 80.0% resolve to an entry · 50% of body sentences cite · 95% of extracted text kept");
  });
});
