// What shape of answer a question expects: a number, a year, a trial identifier, a miRNA name, a
// size. A sentence that holds something of that shape is more likely the answer.

const ANSWER_TYPES: { question: RegExp; answer: RegExp }[] = [
  {
    question: /\b(how many|how much|what (share|fraction|proportion|percentage)|what\b.*\brates?\b|figures|incidence|mortality)\b/i,
    answer: /\d+(?:[.,]\d+)?\s*%|\b\d{2,}(?:,\d{3})*\b/,
  },
  { question: /\b(when|what year|which year)\b/i, answer: /\b(?:19|20)\d{2}\b/ },
  { question: /\b(trial (number|id|identifier)s?|registration|nct|identifiers?)\b/i, answer: /\bNCT\d{8}\b/ },
  { question: /\b(which|what) (micro ?rnas?|mirnas?|mirs?)\b/i, answer: /\bmiR-\d+/i },
  { question: /\b(how big|what size|sizes?|diameter)\b/i, answer: /\d+\s*(?:nm|μm|µm)\b/ },
];

/**
 * Patterns an answer to `question` would contain; empty when the question expects no particular shape.
 *
 * @example
 * expectedAnswerPatterns("When was the first microRNA found?") // [/\b(?:19|20)\d{2}\b/]
 */
export function expectedAnswerPatterns(question: string): RegExp[] {
  return ANSWER_TYPES.filter((type) => type.question.test(question)).map((type) => type.answer);
}

/** 1 when the text has an expected shape, 0 when it has none of them, 0.5 when nothing is expected. */
export function answerTypeMatch(patterns: readonly RegExp[], text: string): number {
  if (patterns.length === 0) return 0.5;
  return patterns.some((pattern) => pattern.test(text)) ? 1 : 0;
}
