import { describe, expect, it } from "vitest";
import { cosine, dot, toUnit } from "./vector-math.ts";

describe("cosine", () => {
  it("is scale-invariant and 0 for a zero vector", () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});

describe("toUnit and dot", () => {
  it("give the cosine similarity as a dot product of unit-length copies", () => {
    const a = [3, 4, 0];
    const b = [1, 2, 2];
    expect(dot(toUnit(a), toUnit(b))).toBeCloseTo(cosine(a, b), 6);
    expect(Array.from(toUnit(a))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6), 0]);
    expect(Array.from(toUnit([0, 0]))).toEqual([0, 0]);
  });
});
