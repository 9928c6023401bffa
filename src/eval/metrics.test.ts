import { describe, expect, it } from "vitest";
import { ReviewChatError } from "../errors.ts";
import { hitAtK, mean, mrrAtK, ndcgAtK, recallAtK } from "./metrics.ts";

// One query with graded qrels: d2 highly relevant (2), d4 and d9 relevant (1), d7 judged not relevant.
const qrels = new Map([
  ["d2", 2],
  ["d4", 1],
  ["d9", 1],
  ["d7", 0],
]);
const ranked = ["d1", "d2", "d3", "d4", "d5", "d7"];

describe("ndcgAtK", () => {
  it("matches the hand computation with graded gains and a log2 discount", () => {
    // DCG@5  = 0/log2(2) + 2/log2(3) + 0/log2(4) + 1/log2(5) + 0/log2(6) = 1.26186 + 0.43068 = 1.69254
    // IDCG@5 = 2/log2(2) + 1/log2(3) + 1/log2(4)                       = 2 + 0.63093 + 0.5 = 3.13093
    expect(ndcgAtK(ranked, qrels, 5)).toBeCloseTo(1.69254 / 3.13093, 4); // 0.54059
    expect(ndcgAtK(ranked, qrels, 5)).toBeCloseTo(0.54059, 4);
    // @2: DCG = 2/log2(3) = 1.26186; IDCG = 2 + 1/log2(3) = 2.63093
    expect(ndcgAtK(ranked, qrels, 2)).toBeCloseTo(0.47962, 4);
    // @1: d1 is not relevant
    expect(ndcgAtK(ranked, qrels, 1)).toBe(0);
  });

  it("is 1 for the ideal ranking and insensitive to ties among equal grades", () => {
    expect(ndcgAtK(["d2", "d4", "d9"], qrels, 10)).toBeCloseTo(1, 10);
    expect(ndcgAtK(["d2", "d9", "d4"], qrels, 10)).toBeCloseTo(1, 10);
    // Binary qrels, relevant at ranks 1 and 2 of three relevant: (1 + 1/log2(3)) / (1 + 1/log2(3) + 1/log2(4)) = 0.76536
    const binary = new Map([
      ["a", 1],
      ["b", 1],
      ["c", 1],
    ]);
    expect(ndcgAtK(["a", "b", "x"], binary, 3)).toBeCloseTo(0.76536, 4);
  });

  it("does not count a repeated document twice", () => {
    // Deduplicated: ["d2", "d4"] → (2 + 1/log2(3)) / (2 + 1/log2(3)) = 1 at k=2
    expect(ndcgAtK(["d2", "d2", "d4"], qrels, 2)).toBeCloseTo(1, 10);
  });

  it("is 0 when the query has no relevant document, and negative grades give no gain", () => {
    expect(ndcgAtK(["a"], new Map([["a", 0]]), 10)).toBe(0);
    expect(ndcgAtK(["a", "b"], new Map([["a", -1], ["b", 1]]), 10)).toBeCloseTo(1 / Math.log2(3), 10);
  });
});

describe("recallAtK, mrrAtK, hitAtK", () => {
  it("match the hand computation", () => {
    expect(recallAtK(ranked, qrels, 5)).toBeCloseTo(2 / 3, 10); // d2, d4 of {d2, d4, d9}
    expect(recallAtK(ranked, qrels, 2)).toBeCloseTo(1 / 3, 10);
    expect(recallAtK(ranked, qrels, 100)).toBeCloseTo(2 / 3, 10); // d7 has grade 0: not relevant
    expect(mrrAtK(ranked, qrels, 10)).toBe(0.5); // first relevant (d2) at rank 2
    expect(mrrAtK(ranked, qrels, 1)).toBe(0);
    expect(hitAtK(ranked, qrels, 1)).toBe(0);
    expect(hitAtK(ranked, qrels, 2)).toBe(1);
  });

  it("handle empty rankings and queries without relevant documents", () => {
    expect(recallAtK([], qrels, 10)).toBe(0);
    expect(mrrAtK([], qrels, 10)).toBe(0);
    expect(recallAtK(["a"], new Map(), 10)).toBe(0);
  });

  it("reject a k that is not a positive integer with a typed error", () => {
    for (const k of [0, -1, 2.5, Number.NaN]) {
      let caught: unknown;
      try {
        recallAtK(ranked, qrels, k);
      } catch (error) {
        caught = error;
      }
      expect(ReviewChatError.isInstance(caught) && caught.code).toBe("bad_request");
    }
  });
});

describe("mean", () => {
  it("averages, and is 0 for no values", () => {
    expect(mean([1, 0, 0.5])).toBe(0.5);
    expect(mean([])).toBe(0);
  });
});
