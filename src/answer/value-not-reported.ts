// Does any retrieved sentence about the entity a question names print the kind of value it asks for?
// When the sources discuss the entity but none of its sentences prints such a value, the honest answer
// is that the reviews do not report it: quoting the nearest sentence about the drug would read as an
// answer and hold no dose.
import type { AnswerReason, AnswerSource } from "./answer-payload.ts";
import { type ScoredSentence, tableHeaderTerms } from "./extractive-answer.ts";
import { type RequestedValue, printsValue } from "./requested-value.ts";
import { withoutReviewMarkers } from "./review-markers.ts";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.ts";

/**
 * Share of the entity's idf weight a sentence (with its lead-in, or a table row with its header)
 * must hold to be about it: the rarest of its names ("MONALEESA-2" over "breast cancer") decides.
 */
export const ENTITY_COVERAGE = 0.6;

/** Score added to a sentence about the entity that prints the value, so the answer quotes it first. */
export const REPORTED_VALUE_BONUS = 0.15;

export type ValueEvidence =
  /** No retrieved sentence is about the entity: nothing to say about its values. */
  | { status: "entity-not-found" }
  /** Sentences about the entity, none printing the value; sources about it, closest first. */
  | { status: "not-reported"; sources: AnswerSource[] }
  /** Sentences about the entity that print the value. */
  | { status: "reported"; sentences: Set<IndexedSentence> };

// Numbers that label rather than measure: figure, table and reference numbers, trial phases.
const LABEL_NUMBERS = /\b(?:fig(?:ure)?s?\.?|tables?|refs?\.?|references?|phase|stage|grade|type|class|step|section|eq(?:uation)?\.?)\s*[\dIVX]+[a-z]?\b/gi;

/** The sentence as a value check reads it: without the review's citation markers and label numbers. */
function measuredText(sentence: IndexedSentence): string {
  return withoutReviewMarkers(sentence.sentence.text, sentence.sentence.refs).replace(LABEL_NUMBERS, " ");
}

/**
 * Look through every sentence of the retrieved sources for ones about the requested entity, and
 * among those for one printing a value of the requested kind.
 *
 * @example
 * const evidence = valueEvidence(requestedValue("What dose of alpelisib was given?")!, sources, index);
 * if (evidence.status === "not-reported") … // "The reviews discuss alpelisib but do not report its dose."
 */
export function valueEvidence(requested: RequestedValue, sources: readonly AnswerSource[], index: SentenceIndex): ValueEvidence {
  const entity = new Map(requested.entityTerms.map((term) => [term, 1]));
  const reported = new Set<IndexedSentence>();
  const closeness = new Map<AnswerSource, number>();
  for (const source of sources) {
    const sentences = index.sentencesOf(source.id);
    const header = source.kind === "table" ? tableHeaderTerms(index, source, sentences) : undefined;
    for (const [i, sentence] of sentences.entries()) {
      const context = header ?? sentences[i - 1]?.terms;
      const about = context ? index.coverage(entity, sentence.terms, context) : index.coverage(entity, sentence.terms);
      if (about < ENTITY_COVERAGE) continue;
      closeness.set(source, Math.max(closeness.get(source) ?? 0, about));
      if (printsValue(requested.kinds, measuredText(sentence))) reported.add(sentence);
    }
  }
  if (closeness.size === 0) return { status: "entity-not-found" };
  if (reported.size > 0) return { status: "reported", sentences: reported };
  const about = [...closeness].sort((a, b) => b[1] - a[1] || a[0].n - b[0].n).map(([source], i) => ({ ...source, n: i + 1 }));
  return { status: "not-reported", sources: about };
}

/** Sentences printing the requested value rise above the ones merely about the entity. */
export function preferReportedValues(scored: readonly ScoredSentence[], reported: ReadonlySet<IndexedSentence>): ScoredSentence[] {
  return scored
    .map((item) => (reported.has(item.sentence) ? { ...item, score: item.score + REPORTED_VALUE_BONUS } : item))
    .sort((a, b) => b.score - a.score);
}

/** The machine-readable reason behind a "not reported" answer. */
export function valueNotReportedReason(requested: RequestedValue): AnswerReason {
  const whose = requested.entity.includes(" and ") ? "their" : "its";
  return {
    code: "value_not_reported",
    message: `The reviews discuss ${requested.entity} but do not report ${whose} ${requested.label}.`,
    entity: requested.entity,
    valueKind: requested.kinds[0]!,
  };
}

/** The answer text: the reason, and what the sources are. */
export function valueNotReportedAnswer(reason: AnswerReason): string {
  return `${reason.message} The closest passages about it are listed as sources for you to judge.`;
}
