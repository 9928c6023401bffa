// Fusing the lexical and dense rankings. Both scores are known for every candidate (the union of
// each method's top hits, scored by both), so fusion compares like with like.
//
// Defaults are per embedder and were tuned on the former dev set bench/qa-dev.jsonl, since split into
// bench/qa-tune.jsonl and bench/qa-test.jsonl (BENCHMARKS.md, "Retrieval on the dev set"): USE-lite is weak on scientific text, so it only nudges the BM25 ranking; a strong
// hosted embedder gets an even share. Environment variables override (see `resolveFusionConfig`).
import { ReviewChatError } from "../errors.ts";
import { type Bm25Params, DEFAULT_BM25_PARAMS } from "../index/bm25-index.ts";
import { USE_LITE_MODEL_ID } from "../index/use-lite-embeddings.ts";

export type FusionMethod = "rrf" | "minmax" | "zscore";
export const FUSION_METHODS: readonly FusionMethod[] = ["rrf", "minmax", "zscore"];

export interface FusionConfig {
  method: FusionMethod;
  /** Relative weights of the two rankings. */
  weights: { bm25: number; dense: number };
  /** RRF's rank offset: larger flattens the difference between top ranks. */
  rrfK: number;
  /** Hits taken from each method before fusion. */
  candidates: number;
  /** MMR trade-off between relevance (1) and novelty (0), when MMR is asked for. */
  mmrLambda: number;
  /**
   * Hybrid only: when a question names a document ("the miRNA review"), its chunks gain this share
   * of the fused score range (0 = off).
   */
  mentionBoost: number;
  /** BM25 parameters. */
  bm25: Bm25Params;
}

// Measured on the dev set: min-max beat RRF at every weight (RRF's rank flattening lets the weak
// dense list override BM25's confident wins); abbreviation expansion and reference-number terms
// each helped BM25.
const BASE: FusionConfig = {
  method: "minmax",
  weights: { bm25: 0.5, dense: 0.5 },
  rrfK: 60,
  candidates: 50,
  mmrLambda: 0.7,
  mentionBoost: 0.3,
  bm25: { ...DEFAULT_BM25_PARAMS, abbreviationWeight: 1, refNumberWeight: 1 },
};

/** Overrides of a fusion config; nested weights and BM25 parameters may be given in part. */
export type FusionOverrides = Partial<Omit<FusionConfig, "weights" | "bm25">> & {
  weights?: Partial<FusionConfig["weights"]>;
  bm25?: Partial<Bm25Params>;
};

/** The tuned defaults for an embedder: lexical-heavy for USE-lite, balanced for others. */
export function defaultFusionConfig(modelId: string): FusionConfig {
  const config = structuredClone(BASE);
  if (modelId === USE_LITE_MODEL_ID) config.weights = { bm25: 0.8, dense: 0.2 };
  return config;
}

function numberFromEnv(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ReviewChatError("config_invalid", `${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/**
 * Defaults for the embedder, then environment overrides, then explicit ones.
 * FUSION_METHOD (rrf|minmax|zscore), FUSION_DENSE_WEIGHT (0–1; BM25 gets the rest), FUSION_RRF_K,
 * FUSION_CANDIDATES, FUSION_MMR_LAMBDA, FUSION_MENTION_BOOST, BM25_K1, BM25_B, BM25_SECTION_WEIGHT, BM25_ABBREVIATION_WEIGHT,
 * BM25_REF_NUMBER_WEIGHT.
 *
 * @example
 * resolveFusionConfig("use-lite-512", { method: "rrf" }, { FUSION_DENSE_WEIGHT: "0.4" });
 */
export function resolveFusionConfig(
  modelId: string,
  overrides: FusionOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
): FusionConfig {
  const config = defaultFusionConfig(modelId);
  const method = env.FUSION_METHOD?.trim().toLowerCase();
  if (method) {
    if (!FUSION_METHODS.includes(method as FusionMethod)) {
      throw new ReviewChatError("config_invalid", `FUSION_METHOD must be one of ${FUSION_METHODS.join(", ")}, got "${env.FUSION_METHOD}"`);
    }
    config.method = method as FusionMethod;
  }
  const dense = numberFromEnv(env, "FUSION_DENSE_WEIGHT", 0, 1);
  if (dense !== undefined) config.weights = { bm25: 1 - dense, dense };
  config.rrfK = numberFromEnv(env, "FUSION_RRF_K", 0, 10_000) ?? config.rrfK;
  config.candidates = Math.round(numberFromEnv(env, "FUSION_CANDIDATES", 1, 10_000) ?? config.candidates);
  config.mmrLambda = numberFromEnv(env, "FUSION_MMR_LAMBDA", 0, 1) ?? config.mmrLambda;
  config.mentionBoost = numberFromEnv(env, "FUSION_MENTION_BOOST", 0, 100) ?? config.mentionBoost;
  config.bm25 = {
    k1: numberFromEnv(env, "BM25_K1", 0, 100) ?? config.bm25.k1,
    b: numberFromEnv(env, "BM25_B", 0, 1) ?? config.bm25.b,
    sectionWeight: numberFromEnv(env, "BM25_SECTION_WEIGHT", 0, 100) ?? config.bm25.sectionWeight,
    abbreviationWeight: numberFromEnv(env, "BM25_ABBREVIATION_WEIGHT", 0, 100) ?? config.bm25.abbreviationWeight,
    refNumberWeight: numberFromEnv(env, "BM25_REF_NUMBER_WEIGHT", 0, 100) ?? config.bm25.refNumberWeight,
  };
  return {
    ...config,
    ...overrides,
    weights: { ...config.weights, ...overrides.weights },
    bm25: { ...config.bm25, ...overrides.bm25 },
  };
}

/** 1-based ranks of `scores` (highest = 1; ties share the better rank). */
export function ranksOf(scores: readonly number[]): number[] {
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);
  const ranks = new Array<number>(scores.length);
  for (let r = 0; r < order.length; r++) {
    const prev = order[r - 1];
    ranks[order[r]!.i] = prev && prev.score === order[r]!.score ? ranks[prev.i]! : r + 1;
  }
  return ranks;
}

/** Min-max to [0, 1]; a constant list maps to 0 (it carries no preference). */
export function minMaxNormalize(scores: readonly number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = max - min;
  return scores.map((s) => (span > 0 ? (s - min) / span : 0));
}

/** Standard scores; a constant list maps to 0. */
export function zScoreNormalize(scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length;
  const sd = Math.sqrt(variance);
  return scores.map((s) => (sd > 0 ? (s - mean) / sd : 0));
}

/**
 * Fuse two score lists over the same candidates (index i is one candidate in both).
 *
 * @example
 * fuseScores([12, 3, 0], [0.2, 0.6, 0.5], { method: "rrf", weights: { bm25: 1, dense: 1 }, rrfK: 60 });
 */
export function fuseScores(
  bm25: readonly number[],
  dense: readonly (number | undefined)[],
  config: Pick<FusionConfig, "method" | "weights" | "rrfK">,
): number[] {
  if (bm25.length !== dense.length) {
    throw new ReviewChatError("internal", `fuseScores: ${bm25.length} BM25 scores for ${dense.length} dense scores`);
  }
  const { bm25: wb, dense: wd } = config.weights;
  // A candidate without a dense score (its vectors are still being made) is ranked by BM25 alone:
  // its normalised BM25 score (or rank) stands in for the dense one, on the same scale.
  const present = dense.flatMap((d, i) => (d === undefined ? [] : [i]));
  const complete = (normalizedBm25: readonly number[], normalizedPresent: readonly number[]) => {
    const out = [...normalizedBm25];
    for (const [j, i] of present.entries()) out[i] = normalizedPresent[j]!;
    return out;
  };
  const denseOf = (normalize: (scores: readonly number[]) => number[], nb: readonly number[]) =>
    complete(nb, normalize(present.map((i) => dense[i]!)));
  switch (config.method) {
    case "rrf": {
      const rb = ranksOf(bm25);
      const rd = denseOf(ranksOf, rb);
      return rb.map((r, i) => wb / (config.rrfK + r) + wd / (config.rrfK + rd[i]!));
    }
    case "minmax": {
      const nb = minMaxNormalize(bm25);
      const nd = denseOf(minMaxNormalize, nb);
      return nb.map((s, i) => wb * s + wd * nd[i]!);
    }
    case "zscore": {
      const nb = zScoreNormalize(bm25);
      const nd = denseOf(zScoreNormalize, nb);
      return nb.map((s, i) => wb * s + wd * nd[i]!);
    }
  }
}
