import { describe, expect, it } from "vitest";
import { ReviewChatError } from "../errors.ts";
import { USE_LITE_MODEL_ID } from "../index/use-lite-embeddings.ts";
import { defaultFusionConfig, fuseScores, minMaxNormalize, ranksOf, resolveFusionConfig, zScoreNormalize } from "./fusion.ts";

describe("score normalisation", () => {
  it("ranks with ties sharing the better rank", () => {
    expect(ranksOf([0.2, 0.9, 0.2, 0.5])).toEqual([3, 1, 3, 2]);
  });

  it("min-max maps to [0, 1] and a constant list to 0", () => {
    expect(minMaxNormalize([2, 4, 3])).toEqual([0, 1, 0.5]);
    expect(minMaxNormalize([7, 7])).toEqual([0, 0]);
  });

  it("z-scores have mean 0 and unit deviation", () => {
    const z = zScoreNormalize([1, 2, 3]);
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 10);
    expect(z[1]).toBe(0);
    expect(zScoreNormalize([5, 5, 5])).toEqual([0, 0, 0]);
  });
});

describe("fuseScores", () => {
  const bm25 = [12, 3, 0];
  const dense = [0.2, 0.6, 0.5];

  it("ranks a candidate without vectors (still being embedded) by its BM25 score alone", () => {
    const config = { method: "minmax", weights: { bm25: 0.8, dense: 0.2 }, rrfK: 60 } as const;
    const fused = fuseScores([12, 6, 0], [0.2, undefined, 0.6], config);
    // Dense normalised over the two that have vectors: 0 and 1; the middle one's BM25 (0.5) stands in.
    expect(fused).toEqual([0.8, 0.5, 0.2]);
    for (const method of ["rrf", "zscore"] as const) {
      expect(fuseScores([12, 6, 0], [0.2, undefined, 0.6], { ...config, method }).every(Number.isFinite)).toBe(true);
    }
  });

  it("computes weighted reciprocal-rank fusion", () => {
    const fused = fuseScores(bm25, dense, { method: "rrf", weights: { bm25: 1, dense: 0.5 }, rrfK: 60 });
    expect(fused[0]).toBeCloseTo(1 / 61 + 0.5 / 63, 12);
    expect(fused[1]).toBeCloseTo(1 / 62 + 0.5 / 61, 12);
    expect(fused[2]).toBeCloseTo(1 / 63 + 0.5 / 62, 12);
  });

  it("computes weighted min-max fusion", () => {
    const fused = fuseScores(bm25, dense, { method: "minmax", weights: { bm25: 0.8, dense: 0.2 }, rrfK: 60 });
    expect(fused[0]).toBeCloseTo(0.8 * 1 + 0.2 * 0, 12);
    expect(fused[1]).toBeCloseTo(0.8 * (3 / 12) + 0.2 * 1, 12);
    expect(fused[2]).toBeCloseTo(0.8 * 0 + 0.2 * 0.75, 12);
  });

  it("with zero dense weight keeps BM25's order exactly", () => {
    for (const method of ["rrf", "minmax", "zscore"] as const) {
      const fused = fuseScores(bm25, dense, { method, weights: { bm25: 1, dense: 0 }, rrfK: 60 });
      expect(ranksOf(fused)).toEqual(ranksOf(bm25));
    }
  });

  it("rejects lists of different lengths", () => {
    expect(() => fuseScores([1], [1, 2], defaultFusionConfig("x"))).toThrow(ReviewChatError);
  });
});

describe("resolveFusionConfig", () => {
  it("has lexical-heavy defaults for USE-lite and balanced ones otherwise", () => {
    const lite = defaultFusionConfig(USE_LITE_MODEL_ID);
    expect(lite.weights.bm25).toBeGreaterThan(lite.weights.dense);
    expect(defaultFusionConfig("openai:text-embedding-3-small").weights).toEqual({ bm25: 0.5, dense: 0.5 });
  });

  it("applies environment overrides, then explicit ones", () => {
    const config = resolveFusionConfig(
      USE_LITE_MODEL_ID,
      { rrfK: 10, bm25: { k1: 0.9 } },
      { FUSION_METHOD: "RRF", FUSION_DENSE_WEIGHT: "0.4", BM25_B: "0.5", FUSION_CANDIDATES: "80" },
    );
    expect(config.method).toBe("rrf");
    expect(config.weights.dense).toBe(0.4);
    expect(config.weights.bm25).toBeCloseTo(0.6, 12);
    expect(config.rrfK).toBe(10);
    expect(config.candidates).toBe(80);
    expect(config.bm25.b).toBe(0.5);
    expect(config.bm25.k1).toBe(0.9);
  });

  it("does not let one resolution change the defaults of the next", () => {
    resolveFusionConfig(USE_LITE_MODEL_ID, {}, { BM25_K1: "3" });
    expect(resolveFusionConfig(USE_LITE_MODEL_ID, {}, {}).bm25.k1).toBe(defaultFusionConfig(USE_LITE_MODEL_ID).bm25.k1);
  });

  it("names the variable and the allowed values on bad input", () => {
    expect(() => resolveFusionConfig("x", {}, { FUSION_METHOD: "average" })).toThrow(/FUSION_METHOD must be one of rrf, minmax, zscore/);
    expect(() => resolveFusionConfig("x", {}, { FUSION_DENSE_WEIGHT: "1.5" })).toThrow(/FUSION_DENSE_WEIGHT must be a number from 0 to 1/);
    try {
      resolveFusionConfig("x", {}, { BM25_K1: "abc" });
    } catch (error) {
      expect(ReviewChatError.isInstance(error) && error.code).toBe("config_invalid");
    }
  });
});
