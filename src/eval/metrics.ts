// Ranking metrics for retrieval evaluation, computed the way BEIR (pytrec_eval) does:
// linear gain (the grade itself), log2(rank + 1) discount, ideal DCG from the qrels, and a
// document counts as relevant when its grade is > 0. All functions are pure.
import { badRequest } from "../errors.ts";

/** Relevance grades of one query: document id → grade (≤ 0 means not relevant). */
export type QueryQrels = ReadonlyMap<string, number>;

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw badRequest(`k must be a positive integer, got ${k}`);
}

/** The first k distinct ids, so a ranking that repeats a document cannot earn its gain twice. */
function topK(ranked: readonly string[], k: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ranked) {
    if (out.length === k) break;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

const gain = (qrels: QueryQrels, id: string) => Math.max(0, qrels.get(id) ?? 0);

function relevantCount(qrels: QueryQrels): number {
  let n = 0;
  for (const grade of qrels.values()) if (grade > 0) n++;
  return n;
}

/**
 * nDCG@k = DCG@k / IDCG@k with DCG = Σ grade_i / log2(i + 1) over ranks i = 1..k.
 * 0 when the query has no relevant document.
 * @example ndcgAtK(["a", "b"], new Map([["b", 1]]), 10) // 1 / log2(3) ≈ 0.631
 */
export function ndcgAtK(ranked: readonly string[], qrels: QueryQrels, k: number): number {
  checkK(k);
  let dcg = 0;
  for (const [i, id] of topK(ranked, k).entries()) dcg += gain(qrels, id) / Math.log2(i + 2);
  const ideal = [...qrels.values()].filter((g) => g > 0).sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  for (const [i, g] of ideal.entries()) idcg += g / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Share of the relevant documents found in the top k; 0 when there are none. */
export function recallAtK(ranked: readonly string[], qrels: QueryQrels, k: number): number {
  checkK(k);
  const total = relevantCount(qrels);
  if (total === 0) return 0;
  return topK(ranked, k).filter((id) => gain(qrels, id) > 0).length / total;
}

/** 1 / rank of the first relevant document within the top k, else 0. */
export function mrrAtK(ranked: readonly string[], qrels: QueryQrels, k: number): number {
  checkK(k);
  const index = topK(ranked, k).findIndex((id) => gain(qrels, id) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** 1 when a relevant document is in the top k, else 0. */
export function hitAtK(ranked: readonly string[], qrels: QueryQrels, k: number): number {
  checkK(k);
  return topK(ranked, k).some((id) => gain(qrels, id) > 0) ? 1 : 0;
}

/** Arithmetic mean; 0 for an empty list (no queries evaluated). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
