// Extractive answers: the retrieved passages' own sentences that answer the question best, each
// followed by its [n] marker. Nothing is written beyond what the reviews print.
import type { AnswerSource } from "./answer-payload.ts";
import type { QuestionTerms } from "./question-terms.ts";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.ts";

export interface ScoredSentence {
  source: AnswerSource;
  sentence: IndexedSentence;
  /** Share of the question's weighted terms in the sentence and the one before it, 0–1. */
  coverage: number;
  /** Coverage adjusted for the passage's rank and coverage and for extraction debris. */
  score: number;
  /** The sentence before, when it names what this one is about ("Aly et al. prepared X. They enhance …"). */
  leadIn?: IndexedSentence;
}

export interface ExtractiveAnswer {
  /** The sentences in reading order, each ending in its marker. */
  parts: string[];
  chosen: ScoredSentence[];
}

export interface ExtractiveOptions {
  /** Upper bound on sentences in the answer. */
  maxSentences?: number;
  /** Keep sentences scoring at least this share of the best one. */
  relativeFloor?: number;
  /** Term-set Jaccard similarity at which a sentence counts as a near-duplicate. */
  duplicateSimilarity?: number;
  /** Weight of the coverage that counts the previous sentence's terms too (0: sentences alone). */
  contextWeight?: number;
  /** Coverage the previous sentence must add for it to be quoted as a lead-in. */
  leadInGain?: number;
}

export const EXTRACTIVE_DEFAULTS: Required<ExtractiveOptions> = {
  maxSentences: 5,
  relativeFloor: 0.6,
  duplicateSimilarity: 0.6,
  contextWeight: 0.4,
  leadInGain: 0.15,
};

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Score every sentence of the sources against the question: the share of the question's weight the
 * sentence covers (alone, and with the sentence before it, which often names the subject), nudged by
 * its passage's rank and coverage, discounted for extraction debris (fragments cut at column breaks,
 * very short lines).
 */
export function scoreSentences(
  questionTerms: QuestionTerms,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
  options: ExtractiveOptions = {},
): ScoredSentence[] {
  const { contextWeight, leadInGain } = { ...EXTRACTIVE_DEFAULTS, ...options };
  const scored: ScoredSentence[] = [];
  for (const [rank, source] of sources.entries()) {
    const passageCoverage = index.coverage(questionTerms, index.termsOfChunk(source.id));
    const rankPrior = 1 / (1 + 0.08 * rank);
    const sentences = index.sentencesOf(source.id);
    for (const [i, sentence] of sentences.entries()) {
      const own = index.coverage(questionTerms, sentence.terms);
      const previous = sentences[i - 1];
      const withContext = previous ? index.coverage(questionTerms, sentence.terms, previous.terms) : own;
      if (own === 0) continue;
      let score = ((1 - contextWeight) * own + contextWeight * withContext) * (0.8 + 0.2 * rankPrior) + 0.15 * passageCoverage;
      const text = sentence.sentence.text.trim();
      if (/^[a-z]/.test(text)) score *= 0.85;
      if (sentence.terms.size < 5) score *= 0.7;
      const leadIn = previous && withContext - own >= leadInGain ? previous : undefined;
      scored.push({ source, sentence, coverage: withContext, score, leadIn });
    }
  }
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * Pick the best non-redundant sentences (with their lead-ins) and order them to read well: strongest
 * source first, then document order.
 */
export function selectSentences(scored: readonly ScoredSentence[], options: ExtractiveOptions = {}): ScoredSentence[] {
  const { maxSentences, relativeFloor, duplicateSimilarity } = { ...EXTRACTIVE_DEFAULTS, ...options };
  const best = scored[0]?.score ?? 0;
  const chosen: ScoredSentence[] = [];
  const has = (sentence: IndexedSentence) => chosen.some((kept) => kept.sentence === sentence);
  for (const candidate of scored) {
    if (chosen.length >= maxSentences || candidate.score < best * relativeFloor) break;
    if (has(candidate.sentence)) continue;
    const redundant = chosen.some(
      (kept) =>
        jaccard(kept.sentence.terms, candidate.sentence.terms) >= duplicateSimilarity ||
        kept.sentence.sentence.text.trim() === candidate.sentence.sentence.text.trim(),
    );
    if (redundant) continue;
    if (candidate.leadIn && !has(candidate.leadIn)) {
      chosen.push({ ...candidate, sentence: candidate.leadIn, leadIn: undefined });
    }
    chosen.push(candidate);
  }
  const sourceOrder = new Map<number, number>();
  for (const [i, item] of chosen.entries()) if (!sourceOrder.has(item.source.n)) sourceOrder.set(item.source.n, i);
  return chosen.sort(
    (a, b) =>
      sourceOrder.get(a.source.n)! - sourceOrder.get(b.source.n)! ||
      a.sentence.sentence.start - b.sentence.sentence.start ||
      a.sentence.index - b.sentence.index,
  );
}

/** A sentence as printed, on one line, with its marker before the final punctuation. */
export function withMarker(text: string, n: number): string {
  const flat = text
    .replace(/\s*\t+\s*/g, "; ")
    .replace(/\s+/g, " ")
    .trim();
  const match = /^(.*?)([.!?]+["”’)]?)$/s.exec(flat);
  return match ? `${match[1]} [${n}]${match[2]}` : `${flat} [${n}].`;
}

export function composeExtractiveAnswer(
  questionTerms: QuestionTerms,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
  options: ExtractiveOptions = {},
): ExtractiveAnswer {
  const chosen = selectSentences(scoreSentences(questionTerms, sources, index, options), options);
  return { chosen, parts: chosen.map((item) => withMarker(item.sentence.sentence.text, item.source.n)) };
}
