// When to say the reviews do not cover a question. Three signals, all cheap at question time:
// how much of the question's weight the best retrieved sentence holds (lexical), how close the
// nearest passage is in embedding space (dense cosine, from the engine's cached query vector), and
// whether the question names something the reviews never mention ("PROTAC", "Kubernetes").
// Thresholds were tuned on the dev set's unanswerable questions (BENCHMARKS.md, "Answers on the dev set").
import type { AnswerReason } from "./answer-payload.ts";
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
  /**
   * A question naming this many foreign things is about something else, however many words it shares
   * ("hyperthermic intraperitoneal chemotherapy in ovarian cancer").
   */
  maxForeignNames: number;
}

export const REFUSAL_THRESHOLDS: RefusalThresholds = {
  minCoverage: 0.25,
  minSimilarity: 0.35,
  minCoverageWhenDistant: 0.5,
  minCoverageWithForeignName: 0.4,
  maxForeignNames: 2,
};

export const REFUSAL_ANSWER =
  "The reviews do not cover this question. The closest passages are listed as sources for you to judge.";

/** The reason a refused answer carries when the reviews do not cover its question. */
export const NOT_COVERED: AnswerReason = { code: "not_covered", message: "The reviews do not cover this question." };

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** Long words are technical terms often enough to count as names ("hypofractionated", "intraperitoneal"). */
const NAME_LENGTH = 11;

// English derivational prefixes that leave the stem's meaning (Quirk et al., "A Comprehensive Grammar of
// the English Language", appendix I.2–I.8: negative, reversative, degree, time, number and locative
// prefixes). "Subpopulations" is a kind of population and "resensitise" of sensitise: such a word is
// as known as its stem. Combining forms that make another term of their own (hyper-, hypo-, intra-,
// trans-) are left out: "intraperitoneal" is not about the peritoneum the corpus might mention.
const PREFIX = /^(?:sub|super|re|pre|post|non|un|co|counter|anti|multi|inter|over|under|semi|de|dis|mis)-?(?=\p{L}{5})/iu;
// An abbreviation's plural ("QDs", "SLNs") is its singular's name.
const ABBREVIATION_PLURAL = /^(\p{Lu}[\p{Lu}\d]+)s$/u;

/** The word's spellings that name the same thing: itself, its abbreviation's singular, its stem without a prefix. */
function spellings(word: string): string[] {
  const singular = ABBREVIATION_PLURAL.exec(word)?.[1];
  const unprefixed = word.replace(PREFIX, "");
  return [word, ...(singular ? [singular] : []), ...(unprefixed !== word ? [unprefixed] : [])];
}

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
    const known = (term: string) => sentences.knows(term) || citedVocabulary.has(term);
    const terms = contentTerms(word);
    if (!nameLike || terms.length === 0 || spellings(word).some((spelling) => contentTerms(spelling).some(known))) return false;
    // "p27Kip1" is printed "P27 kip1" in a table: a name whose camel-case parts are all known is known.
    const parts = word.split(/(?<=[\p{Ll}\d])(?=\p{Lu})/u).flatMap((part) => contentTerms(part));
    return !(parts.length > 1 && parts.every(known));
  });
}

export function isEvidenceTooWeak(signals: EvidenceSignals, thresholds: RefusalThresholds = REFUSAL_THRESHOLDS): boolean {
  if (signals.sentenceCoverage < thresholds.minCoverage) return true;
  if (signals.foreignNames.length >= thresholds.maxForeignNames) return true;
  if (signals.denseSimilarity < thresholds.minSimilarity && signals.sentenceCoverage < thresholds.minCoverageWhenDistant) return true;
  return signals.foreignNames.length > 0 && signals.sentenceCoverage < thresholds.minCoverageWithForeignName;
}
