import { describe, expect, it } from "vitest";
import { mmrSelect } from "./mmr.ts";

describe("mmrSelect", () => {
  const vectors: Record<number, number[]> = { 0: [1, 0], 1: [0.99, 0.14], 2: [0, 1] };
  const candidates = [
    { index: 0, score: 1 },
    { index: 1, score: 0.95 },
    { index: 2, score: 0.6 },
  ];

  it("skips a near-duplicate of an already picked result", () => {
    expect(mmrSelect(candidates, (i) => vectors[i]!, 2, 0.5).map((c) => c.index)).toEqual([0, 2]);
  });

  it("is plain relevance order with lambda 1", () => {
    expect(mmrSelect(candidates, (i) => vectors[i]!, 3, 1).map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it("keeps the original scores and never returns more than asked or available", () => {
    expect(mmrSelect(candidates, (i) => vectors[i]!, 10, 0.7)).toHaveLength(3);
    expect(mmrSelect(candidates, (i) => vectors[i]!, 1, 0.7)).toEqual([{ index: 0, score: 1 }]);
    expect(mmrSelect([], (i) => vectors[i]!, 3, 0.7)).toEqual([]);
  });
});
