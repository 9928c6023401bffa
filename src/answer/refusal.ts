// When to say the reviews do not cover a question. Two signals, both cheap at question time:
// how much of the question's weight one retrieved sentence holds (lexical), and how close the
// nearest passage is in embedding space (dense cosine, from the engine's cached query vector).
// Thresholds were tuned on the dev set's unanswerable questions (BENCHMARKS.md, "Answers on the dev set").

export interface EvidenceSignals {
  /** Best share of the question's idf-weighted terms found in one retrieved sentence, 0–1. */
  sentenceCoverage: number;
  /** Cosine similarity of the question and its nearest passage, -1–1. */
  denseSimilarity: number;
}

export interface RefusalThresholds {
  /** Below this sentence coverage the evidence is too thin whatever the embeddings say. */
  minCoverage: number;
  /** Below this cosine the nearest passage is about something else. */
  minSimilarity: number;
  /** Evidence clearing one bar must clear this combined score (coverage + similarity). */
  minCombined: number;
}

export const REFUSAL_THRESHOLDS: RefusalThresholds = {
  minCoverage: 0.3,
  minSimilarity: 0.3,
  minCombined: 1.0,
};

export const REFUSAL_ANSWER =
  "The reviews do not cover this question. The closest passages are listed as sources for you to judge.";

export function isEvidenceTooWeak(signals: EvidenceSignals, thresholds: RefusalThresholds = REFUSAL_THRESHOLDS): boolean {
  if (signals.sentenceCoverage < thresholds.minCoverage) return true;
  if (signals.denseSimilarity < thresholds.minSimilarity) return true;
  return signals.sentenceCoverage + signals.denseSimilarity < thresholds.minCombined;
}
