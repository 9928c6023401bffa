import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.ts";
import { generateSyntheticChunks, hashVector, loadCorpusSentences } from "./synthetic-corpus.ts";

const CORPUS = path.join(PROJECT_ROOT, "corpus");
const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe("synthetic corpus", () => {
  it("recombines real prose sentences of the two reviews, without table rows", async () => {
    const sentences = await loadCorpusSentences(CORPUS);
    expect(sentences.length).toBeGreaterThan(500);
    expect(sentences.some((s) => s.includes("P-gp"))).toBe(true);
    expect(sentences.every((s) => !s.includes("\t"))).toBe(true);
  });

  it("is deterministic, has unique ids, and sentence offsets point into the chunk text", async () => {
    const sentences = await loadCorpusSentences(CORPUS);
    const a = generateSyntheticChunks(sentences, { chunks: 700, chunksPerDoc: 300, seed: 7 });
    const b = generateSyntheticChunks(sentences, { chunks: 700, chunksPerDoc: 300, seed: 7 });
    expect(a).toEqual(b);
    expect(generateSyntheticChunks(sentences, { chunks: 700, seed: 8 })[0]!.text).not.toBe(a[0]!.text);
    expect(new Set(a.map((c) => c.id)).size).toBe(700);
    expect(new Set(a.map((c) => c.docId))).toEqual(new Set(["syn0000", "syn0001", "syn0002"]));
    for (const chunk of a.slice(0, 50)) {
      for (const s of chunk.sentences) expect(chunk.text.slice(s.start, s.end)).toBe(s.text);
      expect(chunk.refs).toEqual([...new Set(chunk.sentences.flatMap((s) => s.refs))].sort((x, y) => x - y));
    }
  });
});

describe("hashVector", () => {
  it("is unit length, deterministic, and closer for texts sharing words", () => {
    const p = hashVector("P-gp efflux pumps doxorubicin out of resistant cells");
    expect(Math.hypot(...p)).toBeCloseTo(1, 10);
    expect(hashVector("P-gp efflux pumps doxorubicin out of resistant cells")).toEqual(p);
    const near = hashVector("doxorubicin efflux by P-gp in resistant cells");
    const far = hashVector("mammographic density lowers screening sensitivity");
    expect(dot(p, near)).toBeGreaterThan(dot(p, far) + 0.3);
  });
});
