// Terms for sentence scoring: the BM25 analyzer's terms (so "miR-21", "TGF-β" and superscript
// citations are handled as retrieval handles them), minus the words that only phrase a question.
import { stemmer } from "stemmer";
import { STOPWORDS, tokenize } from "../index/tokenize.ts";

// Words that phrase a question but say nothing about its topic.
const QUESTION_WORDS = (
  "tell explain describe summarize summarise list give show name mention mentioned discuss discussed " +
  "review reviews paper papers article articles author authors say says said according report reported reports " +
  "please know example examples kind kinds type types way ways happen happens does do did also " +
  "apart aside besides else exactly define defined definition meaning meant " +
  // Nouns of viewpoint: "in the view of the review", "from the perspective of the paper".
  "view perspective viewpoint standpoint " +
  // Indefinite pronouns (Quirk et al., "A Comprehensive Grammar of the English Language", ch. 6): "does it say anything about…".
  "anything something everything"
).split(" ");
const QUESTION_STEMS = new Set(QUESTION_WORDS.map((word) => stemmer(word)));

// Spellings of one concept that the analyzer keeps apart: "miRNA", "microRNA" and the "miR" of "miR-21".
const CANONICAL: Record<string, string> = { mirna: "mir", microrna: "mir", mirs: "mir" };
const canonical = (term: string) => CANONICAL[term] ?? term;

/** Analyzer terms of `text`, in order, duplicates kept, spelling variants merged. */
export function contentTerms(text: string): string[] {
  return tokenize(text).map(canonical);
}

/** A question's terms with their weights: 1 for its own words, less for words carried over from context. */
export type QuestionTerms = ReadonlyMap<string, number>;

/** Weight of a term carried from an earlier turn: it points at the topic, the new words say what is asked. */
export const CARRIED_WEIGHT = 0.5;

// "How do miRNA mimics work?", "Does tamoxifen work in men?": after an auxiliary or "how", the verb "work"
// asks how or whether the subject acts; it is the question's frame, not its topic. As a rare corpus word it
// weighed most, and "Common breast cancer drugs work through various mechanisms" answered the first.
const WORK_AS_FRAME = /^\s*(?:how|why|does|do|did|can|could|will|would|should|might|may)\b[^?]*?\bwork(?:s|ed)?\b/i;
const WORK = stemmer("work");

/**
 * Distinct analyzer terms of a question, minus the words that only phrase it; `carried` (entities of
 * earlier turns) adds terms at a lower weight.
 *
 * @example
 * questionTerms("How well did it work in mice?", "PMA nanocomplex"); // Map { well → 1, mice → 1, pma → 0.5, nanocomplex → 0.5 }
 */
export function questionTerms(question: string, carried = ""): QuestionTerms {
  const terms = new Map<string, number>();
  for (const term of contentTerms(carried)) if (!QUESTION_STEMS.has(term)) terms.set(term, CARRIED_WEIGHT);
  const framing = WORK_AS_FRAME.test(question) ? WORK : undefined;
  for (const term of contentTerms(question)) if (!QUESTION_STEMS.has(term) && term !== framing) terms.set(term, 1);
  return terms;
}

/**
 * The question's terms with those carried from earlier turns weighed down so that together they weigh
 * (idf × weight) no more than the question's own: "And what about liposomes?" after three turns on solid
 * lipid nanoparticles asks about liposomes, and nine carried terms at half weight would outweigh its one.
 * A question with no terms of its own keeps the carried weights. For a follow-up naming a new subject; one
 * that points back ("What do they target?") needs its carried terms at full weight.
 *
 * @example
 * balanceCarried(questionTerms("what about liposomes?", "SLN Granja mitoxantrone folate"), idf)
 */
export function balanceCarried(terms: QuestionTerms, idf: (term: string) => number): QuestionTerms {
  let own = 0;
  let carried = 0;
  for (const [term, weight] of terms) {
    if (weight === 1) own += idf(term);
    else carried += weight * idf(term);
  }
  if (own === 0 || carried <= own) return terms;
  const scale = own / carried;
  return new Map([...terms].map(([term, weight]) => [term, weight === 1 ? weight : weight * scale]));
}

/** A function word or a question-phrasing word (unstemmed, any case). */
export function isStopword(word: string): boolean {
  const lower = word.toLowerCase();
  return STOPWORDS.has(lower) || QUESTION_WORDS.includes(lower);
}

/**
 * `text` without the given words (whole words, with a possessive "'s"): the words that name a review
 * ("the Guan paper", "Verma's") are taken out of the question whose topic is weighed.
 *
 * @example
 * withoutWords("Does the Guan paper mention hypoxia?", ["Guan"]); // "Does the paper mention hypoxia?"
 */
export function withoutWords(text: string, words: readonly string[]): string {
  if (words.length === 0) return text;
  const escaped = [...new Set(words)].map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text
    .replace(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${escaped.join("|")})(?:['’]s)?(?![\p{L}\p{N}])`, "gu"), "")
    .replace(/\s{2,}/g, " ")
    .trim();
}
