// Terms for sentence scoring: the BM25 analyzer's terms (so "miR-21", "TGF-β" and superscript
// citations are handled as retrieval handles them), minus the words that only phrase a question.
import { stemmer } from "stemmer";
import { STOPWORDS, tokenize } from "../index/tokenize.ts";

// Words that phrase a question but say nothing about its topic.
const QUESTION_WORDS = (
  "tell explain describe summarize summarise list give show name mention mentioned discuss discussed " +
  "review reviews paper papers article articles author authors say says said according report reported reports " +
  "please know example examples kind kinds type types way ways happen happens does do did also"
).split(" ");
const QUESTION_STEMS = new Set(QUESTION_WORDS.map((word) => stemmer(word)));

/** Analyzer terms of `text`, in order, duplicates kept. */
export function contentTerms(text: string): string[] {
  return tokenize(text);
}

/** Distinct analyzer terms of a question, minus the words that only phrase it. */
export function questionTerms(question: string): string[] {
  return [...new Set(tokenize(question).filter((term) => !QUESTION_STEMS.has(term)))];
}

/** A function word or a question-phrasing word (unstemmed, any case). */
export function isStopword(word: string): boolean {
  const lower = word.toLowerCase();
  return STOPWORDS.has(lower) || QUESTION_WORDS.includes(lower);
}
