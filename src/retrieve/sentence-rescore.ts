// Sentence-level evidence for the final re-scoring: a chunk whose single sentence holds most of the
// question's (idf-weighted) terms is a better answer than one that scatters them over 300 words.
// Dense question–sentence similarity is not used: on the dev set it did not pay for the sentence
// vectors it needs at ingest (see BENCHMARKS.md, "Retrieval on the dev set").
import type { WeightedTerms } from "../index/bm25-index.ts";
import { chunkSentences } from "../index/sentence-windows.ts";
import { tokenize } from "../index/tokenize.ts";
import type { Chunk } from "../types.ts";

/**
 * Best share of the query's idf-weighted terms found together in one sentence (or `window`
 * consecutive sentences), from 0 (none) to 1 (every query term in one sentence).
 *
 * @example
 * sentenceCoverage(bm25.queryTerms("P-gp efflux"), (t) => bm25.idf(t), chunk); // 0.8
 */
export function sentenceCoverage(
  query: WeightedTerms,
  idf: (term: string) => number,
  chunk: Pick<Chunk, "text" | "sentences">,
  window = 1,
): number {
  let total = 0;
  for (const [term, weight] of query) total += weight * idf(term);
  if (total <= 0) return 0;
  const sentences = chunkSentences(chunk).map((text) => new Set(tokenize(text)));
  let best = 0;
  for (let start = 0; start < sentences.length; start++) {
    const span = sentences.slice(start, start + window);
    let covered = 0;
    for (const [term, weight] of query) {
      if (span.some((terms) => terms.has(term))) covered += weight * idf(term);
    }
    if (covered > best) best = covered;
  }
  return best / total;
}
