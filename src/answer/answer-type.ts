// What shape of answer a question expects: a number, a year, a trial identifier, a miRNA name, a
// size or length, a definition, a role, a comparison. A sentence that holds something of that
// shape is more likely the answer.

const ANSWER_TYPES: { question: RegExp; answer: RegExp }[] = [
  {
    question: /\b(how many|how much|what (share|fraction|proportion|percentage)|what\b.*\brates?\b|figures|incidence|mortality)\b/i,
    answer: /\d+(?:[.,]\d+)?\s*%|\b\d{2,}(?:,\d{3})*\b/,
  },
  { question: /^\s*when\b|\b(?:what|which) year\b/i, answer: /\b(?:19|20)\d{2}\b/ },
  { question: /\b(trial (number|id|identifier)s?|registration|nct|identifiers?)\b/i, answer: /\bNCT\d{8}\b/ },
  { question: /\b(which|what) (micro ?rnas?|mirnas?|mirs?)\b/i, answer: /\bmiR-\d+/i },
  { question: /\b(how big|what size|sizes?|diameter)\b/i, answer: /\d+\s*(?:nm|μm|µm)\b/ },
  // A length or a duration: "18–22 nucleotides", "6 months".
  {
    question: /\bhow long\b/i,
    answer: /\d+\s*(?:nucleotides?|nt|bp|kb|amino acids?|nm|μm|µm|hours?|days?|weeks?|months?|years?)\b|\d\s*-?\s*(?:nucleotide|day|week|month|year)\b/i,
  },
  // A definition, asked as "what is X", "define X", "what is the definition / meaning of X", "what is meant by X",
  // "how is X defined": "X is a …", "X, small synthetic RNA molecules, …", "known as", "refers to".
  {
    question:
      /^\s*(?:(?:what(?: exactly)?(?:'s| is| are)(?: exactly)?(?: the (?:definition|meaning) of| meant by)?|define)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?|how (?:is|are) (?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)? defined)\s*[?.!]?\s*$/i,
    answer:
      /\b(?:is|are)\s+(?:an?|the)\b|\b(?:known as|refers? to|defined as|consists? of)\b|^[^,]{2,60},\s+(?:[\w-]+,?\s+){0,5}(?:molecules?|compounds?|agents?|particles?|proteins?|vectors?|carriers?)\b/i,
  },
  // A role: "X served as a chemosensitizer".
  { question: /\bwhat (?:role|function)\b|\bwhat (?:purpose|part)\b.*\b(?:serve|play)\b/i, answer: /\b(?:serv(?:es|ed|ing) as|acts? as|acted as|functions? as|role)\b/i },
  // A verdict: a yes/no question on whether something is good, useful or effective ("Is X a good option
  // for …?") is answered by the sentence that weighs it ("X is a promising system for …"), not by one
  // that only describes it.
  {
    question: /^\s*(?:is|are|was|were|would|could|can|does|do)\b.*\b(?:good|useful|effective|promising|worth(?:while)?|viable|suitable|options?|helpful|beneficial)\b/i,
    answer: /\b(?:promising|(?:great |high |huge )?potential|effective(?:ly|ness)?|efficac(?:y|ious)|advantages?|useful|valuable|suitable|benefits?|beneficial|viable|ideal)\b/i,
  },
  // A comparison: "why choose X over Y", "X rather than Y", "more … than".
  {
    question: /\b(?:over(?! time| the)|than|versus|vs\.?|compared (?:to|with)|rather than|instead of)\b/i,
    answer: /\b(?:compared (?:to|with)|than|whereas|unlike|in contrast|rather than|superior|inferior)\b/i,
  },
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
