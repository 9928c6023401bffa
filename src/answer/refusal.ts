// When to say the reviews do not cover a question. Three signals, all cheap at question time:
// how much of the question's weight the best retrieved sentence holds (lexical), how close the
// nearest passage is in embedding space (dense cosine, from the engine's cached query vector), and
// whether the question names something the reviews never mention ("PROTAC", "Kubernetes").
// Thresholds were tuned on the dev set's unanswerable questions (BENCHMARKS.md, "Answers on the dev set").
import { contentTerms, isStopword } from "./question-terms.ts";
import type { SentenceIndex } from "./sentence-index.ts";

export interface EvidenceSignals {
  /** Best share of the question's idf-weighted terms found in one retrieved sentence, 0–1. */
  sentenceCoverage: number;
  /** Cosine similarity of the question and its nearest passage, -1–1. */
  denseSimilarity: number;
  /** Names in the question that no sentence of the corpus contains. */
  foreignNames: string[];
}

export interface RefusalThresholds {
  /** Below this sentence coverage the evidence is too thin whatever the embeddings say. */
  minCoverage: number;
  /** Below this cosine the nearest passage looks like it is about something else… */
  minSimilarity: number;
  /** …unless one sentence holds this much of the question (short questions full of abbreviations embed poorly). */
  minCoverageWhenDistant: number;
  /** A question naming something foreign needs at least this coverage to be answered. */
  minCoverageWithForeignName: number;
}

export const REFUSAL_THRESHOLDS: RefusalThresholds = {
  minCoverage: 0.25,
  minSimilarity: 0.35,
  minCoverageWhenDistant: 0.5,
  minCoverageWithForeignName: 0.3,
};

export const REFUSAL_ANSWER =
  "The reviews do not cover this question. The closest passages are listed as sources for you to judge.";

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Long words are technical terms often enough to count as names ("hypofractionated", "intraperitoneal"). */
const NAME_LENGTH = 11;

/**
 * Question words that look like names (capitalised mid-question, inner capitals or digits, or long
 * technical words) that neither the reviews' text nor the titles they cite (`citedVocabulary`) mention.
 *
 * @example
 * foreignNames("How do PROTAC degraders overcome endocrine resistance?", sentences, vocabulary) // ["PROTAC"]
 */
export function foreignNames(question: string, sentences: SentenceIndex, citedVocabulary: ReadonlySet<string>): string[] {
  const words = [...question.matchAll(WORD)].map((m) => m[0]);
  return words.filter((word, i) => {
    if (isStopword(word)) return false;
    const nameLike = (i > 0 && /^\p{Lu}/u.test(word)) || /\p{Lu}.*\p{Lu}|\d/u.test(word) || word.length >= NAME_LENGTH;
    const terms = contentTerms(word);
    return nameLike && terms.length > 0 && terms.every((term) => !sentences.knows(term) && !citedVocabulary.has(term));
  });
}

export function isEvidenceTooWeak(signals: EvidenceSignals, thresholds: RefusalThresholds = REFUSAL_THRESHOLDS): boolean {
  if (signals.sentenceCoverage < thresholds.minCoverage) return true;
  if (signals.denseSimilarity < thresholds.minSimilarity && signals.sentenceCoverage < thresholds.minCoverageWhenDistant) return true;
  return signals.foreignNames.length > 0 && signals.sentenceCoverage < thresholds.minCoverageWithForeignName;
}
