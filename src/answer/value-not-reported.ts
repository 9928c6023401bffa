// Does any retrieved sentence about the entity a question names print the kind of value it asks for?
// When the sources discuss the entity but none of its sentences prints such a value, the honest answer
// is that the reviews do not report it: quoting the nearest sentence about the drug would read as an
// answer and hold no dose.
import type { AnswerReason, AnswerSource } from "./answer-payload.ts";
import { type ScoredSentence, tableHeaderTerms } from "./extractive-answer.ts";
import { type QuestionTerms, contentTerms } from "./question-terms.ts";
import { type RequestedValue, printsValue } from "./requested-value.ts";
import { withoutReviewMarkers } from "./review-markers.ts";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.ts";

/**
 * Share of the main name's idf weight a sentence (with its lead-in, or a table row with its header)
 * must hold to be about it: its rarest words ("PBA-Niclo-SLN" over "nanocarriers") decide.
 */
export const ENTITY_COVERAGE = 0.5;

/** Score added to a sentence about the entity that prints the value, so the answer quotes it first. */
export const REPORTED_VALUE_BONUS = 0.15;

export type ValueEvidence =
  /** No retrieved sentence is about the entity: nothing to say about its values. */
  | { status: "entity-not-found" }
  /**
   * Sentences about the entity, none printing the value; sources about it, closest first, and the
   * entity in the question's words that they print (the question's "DTIG circulate" is "DTIG").
   */
  | { status: "not-reported"; sources: AnswerSource[]; entity: string }
  /** Sentences about the entity that print the value. */
  | { status: "reported"; sentences: Set<IndexedSentence> }
  /** None of the sources' sentences about the entity prints the value, but a passage not retrieved does. */
  | { status: "reported-elsewhere" };

// Numbers that label rather than measure: figure, table and reference numbers, trial phases.
const LABEL_NUMBERS = /\b(?:fig(?:ure)?s?\.?|tables?|refs?\.?|references?|phase|stage|grade|type|class|step|section|eq(?:uation)?\.?)\s*[\dIVX]+[a-z]?\b/gi;

/** The sentence as a value check reads it: without the review's citation markers and label numbers. */
function measuredText(sentence: IndexedSentence): string {
  return withoutReviewMarkers(sentence.sentence.text, sentence.sentence.refs).replace(LABEL_NUMBERS, " ");
}

/** A passage as the check reads it: a retrieved source, or any chunk of the corpus. */
type Passage = Pick<AnswerSource, "id" | "kind" | "text">;

interface EntityTerms {
  entity: QuestionTerms;
  context: QuestionTerms;
}

/** The passage's sentences about the entity, each with its closeness (context names count half). */
function* sentencesAbout(terms: EntityTerms, passage: Passage, index: SentenceIndex): Generator<{ sentence: IndexedSentence; close: number }> {
  const sentences = index.sentencesOf(passage.id);
  const header = passage.kind === "table" ? tableHeaderTerms(index, passage, sentences) : undefined;
  for (const [i, sentence] of sentences.entries()) {
    const around = [sentence.terms, ...[header ?? sentences[i - 1]?.terms].filter((set) => set !== undefined)];
    const about = index.coverage(terms.entity, ...around);
    if (about < ENTITY_COVERAGE) continue;
    // Passages that also hold the question's other names ("in 4T1 mice") are the closer ones.
    yield { sentence, close: about + (terms.context.size ? index.coverage(terms.context, ...around) / 2 : 0) };
  }
}

/**
 * Look through every sentence of the retrieved sources for ones about the requested entity, and
 * among those for one printing a value of the requested kind. When none does, the rest of the corpus
 * (`otherPassages`) is searched too: a value retrieval missed is not a value the reviews lack.
 *
 * @example
 * const evidence = valueEvidence(requestedValue("What dose of alpelisib was given?")!, sources, index, corpus.chunks);
 * if (evidence.status === "not-reported") … // "The reviews discuss alpelisib but do not report its dose."
 */
export function valueEvidence(
  requested: RequestedValue,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
  otherPassages: readonly Passage[] = [],
): ValueEvidence {
  const terms: EntityTerms = {
    entity: new Map(requested.entityTerms.map((term) => [term, 1])),
    context: new Map(requested.contextTerms.map((term) => [term, 1])),
  };
  const prints = (sentence: IndexedSentence) => printsValue(requested.kinds, measuredText(sentence));
  const reported = new Set<IndexedSentence>();
  const aboutTerms = new Set<string>();
  const closeness = new Map<AnswerSource, number>();
  for (const source of sources) {
    for (const { sentence, close } of sentencesAbout(terms, source, index)) {
      closeness.set(source, Math.max(closeness.get(source) ?? 0, close));
      for (const term of sentence.terms) aboutTerms.add(term);
      if (prints(sentence)) reported.add(sentence);
    }
  }
  if (closeness.size === 0) return { status: "entity-not-found" };
  if (reported.size > 0) return { status: "reported", sentences: reported };
  const retrieved = new Set(sources.map((source) => source.id));
  for (const passage of otherPassages) {
    if (retrieved.has(passage.id)) continue;
    // One coverage per passage skips most of a large corpus (a table's header is not in its terms, so tables are read).
    if (passage.kind !== "table" && index.coverage(terms.entity, index.termsOfChunk(passage.id)) < ENTITY_COVERAGE) continue;
    for (const { sentence } of sentencesAbout(terms, passage, index)) if (prints(sentence)) return { status: "reported-elsewhere" };
  }
  const about = [...closeness].sort((a, b) => b[1] - a[1] || a[0].n - b[0].n).map(([source], i) => ({ ...source, n: i + 1 }));
  return { status: "not-reported", sources: about, entity: printedEntity(requested.entityWords, aboutTerms) ?? requested.entity };
}

/** The entity's words without the ones at either end that no sentence about it prints ("DTIG circulate" → "DTIG"). */
function printedEntity(words: readonly string[], printed: ReadonlySet<string>): string | undefined {
  const isPrinted = (word: string) => contentTerms(word).some((term) => printed.has(term));
  const first = words.findIndex(isPrinted);
  const last = words.findLastIndex(isPrinted);
  return first < 0 ? undefined : words.slice(first, last + 1).join(" ");
}

/** Sentences printing the requested value rise above the ones merely about the entity. */
export function preferReportedValues(scored: readonly ScoredSentence[], reported: ReadonlySet<IndexedSentence>): ScoredSentence[] {
  return scored
    .map((item) => (reported.has(item.sentence) ? { ...item, score: item.score + REPORTED_VALUE_BONUS } : item))
    .sort((a, b) => b.score - a.score);
}

/** The machine-readable reason behind a "not reported" answer; `entity` as the sources print it. */
export function valueNotReportedReason(requested: RequestedValue, entity = requested.entity): AnswerReason {
  return {
    code: "value_not_reported",
    message: `The reviews discuss ${entity} but do not report its ${requested.label}.`,
    entity,
    valueKind: requested.kinds[0]!,
  };
}

/** The answer text: the reason, and what the sources are. */
export function valueNotReportedAnswer(reason: AnswerReason): string {
  return `${reason.message} The closest passages about it are listed as sources for you to judge.`;
}
