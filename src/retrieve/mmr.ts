// Maximal marginal relevance: trade a little relevance for results that do not repeat each other
// (e.g. the same finding summarised in the text and again in a table row).
import { minMaxNormalize } from "./fusion.ts";
import { cosine } from "./vector-math.ts";

export interface MmrCandidate {
  index: number;
  score: number;
}


/**
 * Pick `k` candidates greedily by λ·relevance − (1 − λ)·(max similarity to those already picked).
 * Relevance is the candidates' scores min-max normalised; the returned scores are the originals.
 *
 * @example
 * mmrSelect(candidates, (i) => vectors[i], 5, 0.7);
 */
export function mmrSelect(
  candidates: readonly MmrCandidate[],
  vectorOf: (index: number) => ArrayLike<number>,
  k: number,
  lambda: number,
): MmrCandidate[] {
  const relevance = minMaxNormalize(candidates.map((c) => c.score));
  const vectors = candidates.map((c) => vectorOf(c.index));
  const maxSim = new Array<number>(candidates.length).fill(0);
  const used = new Array<boolean>(candidates.length).fill(false);
  const picked: MmrCandidate[] = [];
  while (picked.length < Math.min(k, candidates.length)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      if (used[i]) continue;
      const value = lambda * relevance[i]! - (picked.length > 0 ? (1 - lambda) * maxSim[i]! : 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    used[best] = true;
    picked.push(candidates[best]!);
    for (let i = 0; i < candidates.length; i++) {
      if (!used[i]) maxSim[i] = Math.max(maxSim[i]!, cosine(vectors[i]!, vectors[best]!));
    }
  }
  return picked;
}
