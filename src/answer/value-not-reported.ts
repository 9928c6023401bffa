// Does any retrieved sentence about the entity a question names print the kind of value it asks for?
// When the sources discuss the entity but none of its sentences prints such a value, the honest answer
// is that the reviews do not report it: quoting the nearest sentence about the drug would read as an
// answer and hold no dose.
import type { Chunk } from "../types.ts";
import { type AnswerEvents, type AnswerPayload, type AnswerReason, type AnswerSource, sourceFromChunk } from "./answer-payload.ts";
import type { AnswerResources } from "./answer-resources.ts";
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

/**
 * The entity's rarest term must be at least this rare (sentence-level idf): 2.5 is a term in about 8 %
 * of sentences. "Nanoparticles" or "breast cancer" (idf ≈ 1–2 in a review on them) name a topic the
 * reviews discuss throughout, not one thing whose values they would print; such questions are left to
 * the ordinary answer. A drug the review keeps returning to (doxorubicin, ≈ 5 %) is still one thing.
 */
export const MIN_ENTITY_IDF = 2.5;

/** Score added to a sentence about the entity that prints the value, so the answer quotes it first. */
export const REPORTED_VALUE_BONUS = 0.15;

export type ValueEvidence =
  /** No sentence of the sources or the corpus is about the entity, or it names a whole topic: nothing to say. */
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

// A table row's cell holding only reference numbers ("147", "(22)", "12, 15–17"): its References column.
const REFERENCE_CELL = /^\s*\(?\d+(?:\s*[,–—-]\s*\d+)*\)?\s*$/;

/** A table row (cells split by tabs) without the cells that only print the row's reference numbers. */
function withoutReferenceCells(text: string, refs: readonly number[]): string {
  if (!text.includes("\t") || refs.length === 0) return text;
  const cited = new Set(refs);
  const isReferenceCell = (cell: string) => REFERENCE_CELL.test(cell) && (cell.match(/\d+/g) ?? []).some((n) => cited.has(Number(n)));
  return text
    .split("\t")
    .filter((cell) => !isReferenceCell(cell))
    .join("\t");
}

/** The sentence as a value check reads it: without the review's citation markers, reference cells and label numbers. */
export function measuredText(sentence: Pick<IndexedSentence, "sentence">): string {
  const { text, refs } = sentence.sentence;
  return withoutReviewMarkers(withoutReferenceCells(text, refs), refs).replace(LABEL_NUMBERS, " ");
}

/** A passage as the check reads it: a retrieved source, or any chunk of the corpus. */
type Passage = Pick<AnswerSource, "id" | "docId" | "kind" | "text">;

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

/** At most this many passages from the rest of the corpus are given as sources for a value not reported. */
const MAX_OTHER_SOURCES = 3;

/**
 * Look through every sentence of the retrieved sources for ones about the requested entity, and
 * among those for one printing a value of the requested kind. When none does, the rest of the corpus
 * (`otherPassages`) is read too: a value retrieval missed is not a value the reviews lack, and an
 * entity retrieval missed is still one they discuss (its passages become the sources, via `asSource`).
 *
 * @example
 * const evidence = valueEvidence(requestedValue("What dose of alpelisib was given?")!, sources, index, corpus.chunks, toSource);
 * if (evidence.status === "not-reported") … // "The reviews discuss alpelisib but do not report its dose."
 */
export function valueEvidence<P extends Passage>(
  requested: RequestedValue,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
  otherPassages: readonly P[] = [],
  asSource?: (passage: P, n: number) => AnswerSource,
): ValueEvidence {
  if (Math.max(0, ...requested.entityTerms.map((term) => (index.knows(term) ? index.idf(term) : 0))) < MIN_ENTITY_IDF) {
    return { status: "entity-not-found" };
  }
  const terms: EntityTerms = {
    entity: new Map(requested.entityTerms.map((term) => [term, 1])),
    context: new Map(requested.contextTerms.map((term) => [term, 1])),
  };
  const aboutTerms = new Set<string>();
  /** The passages about the entity, by closeness; the sentences about it that print the value. */
  const read = <T extends Passage>(passages: readonly T[], prefilter: boolean) => {
    const closeness = new Map<T, number>();
    const reported = new Set<IndexedSentence>();
    for (const passage of passages) {
      // One coverage per passage skips most of a large corpus (a table's header is not in its terms, so tables are read).
      if (prefilter && passage.kind !== "table" && index.coverage(terms.entity, index.termsOfChunk(passage.id)) < ENTITY_COVERAGE) continue;
      for (const { sentence, close } of sentencesAbout(terms, passage, index)) {
        closeness.set(passage, Math.max(closeness.get(passage) ?? 0, close));
        for (const term of sentence.terms) aboutTerms.add(term);
        if (printsValue(requested.kinds, measuredText(sentence))) reported.add(sentence);
      }
    }
    return { reported, closest: [...closeness].sort((a, b) => b[1] - a[1]).map(([passage]) => passage) };
  };

  const retrieved = read(sources, false);
  if (retrieved.reported.size > 0) return { status: "reported", sentences: retrieved.reported };
  const ids = new Set(sources.map((source) => source.id));
  // Only chunks that can mention the entity (posting lists); tables too, their header is not in their terms.
  const mentioning = index.chunksMentioning(requested.entityTerms);
  const elsewhere = read(
    otherPassages.filter((passage) => !ids.has(passage.id) && (passage.kind === "table" || mentioning.has(passage.id))),
    true,
  );
  if (elsewhere.reported.size > 0) return { status: "reported-elsewhere" };
  const about = retrieved.closest.length
    ? retrieved.closest
    : asSource
      ? elsewhere.closest.slice(0, MAX_OTHER_SOURCES).map((passage, i) => asSource(passage, i + 1))
      : [];
  if (about.length === 0) return { status: "entity-not-found" };
  return {
    status: "not-reported",
    sources: about.map((source, i) => ({ ...source, n: i + 1 })),
    entity: printedEntity(requested.entityWords, aboutTerms) ?? requested.entity,
  };
}

/** The entity's words without the ones at either end that no sentence about it prints ("DTIG circulate" → "DTIG"). */
function printedEntity(words: readonly string[], printed: ReadonlySet<string>): string | undefined {
  const isPrinted = (word: string) => contentTerms(word).some((term) => printed.has(term));
  const first = words.findIndex(isPrinted);
  const last = words.findLastIndex(isPrinted);
  return first < 0 ? undefined : words.slice(first, last + 1).join(" ");
}

/**
 * Does the answer that would be given quote a value of the requested kind in a sentence naming part of
 * the entity? Then it is given, though the sentence names the entity differently ("Trastuzumab … T-DXd"
 * for "trastuzumab deruxtecan"): "not reported" is for answers that would quote no such value.
 */
export function quotesValue(requested: RequestedValue, chosen: readonly ScoredSentence[], index: SentenceIndex): boolean {
  const entity = new Map(requested.entityTerms.map((term) => [term, 1]));
  return chosen.some((item) => {
    // Read with the sentence before, as the check for sentences about the entity reads them.
    const previous = index.sentencesOf(item.source.id)[item.sentence.index - 1];
    const named = index.coverage(entity, item.sentence.terms, ...(previous ? [previous.terms] : [])) > 0;
    return named && printsValue(requested.kinds, measuredText(item.sentence));
  });
}

/** Sentences printing the requested value rise above the ones merely about the entity. */
export function preferReportedValues(scored: readonly ScoredSentence[], reported: ReadonlySet<IndexedSentence>): ScoredSentence[] {
  return scored
    .map((item) => (reported.has(item.sentence) ? { ...item, score: item.score + REPORTED_VALUE_BONUS } : item))
    .sort((a, b) => b.score - a.score);
}

/**
 * Does the name end in an English plural ("gold nanoparticles", "SLNs", "N1-34a-NPs")? A final "s"
 * after a letter, but not the singular endings -ss, -us, -is ("mass", "virus", "metastasis").
 */
export function isPlural(name: string): boolean {
  const last = name.trim().split(/[\s-]+/).at(-1) ?? "";
  return /\p{L}s$/u.test(last) && !/(?:ss|us|is)$/i.test(last);
}

/** The machine-readable reason behind a "not reported" answer; `entity` as the sources print it. */
export function valueNotReportedReason(requested: RequestedValue, entity = requested.entity): AnswerReason {
  return {
    code: "value_not_reported",
    message: `The reviews discuss ${entity} but do not report ${isPlural(entity) ? "their" : "its"} ${requested.label}.`,
    entity,
    valueKind: requested.kinds[0]!,
  };
}

/** The answer text: the reason, and what the sources are. */
export function valueNotReportedAnswer(reason: AnswerReason): string {
  return `${reason.message} The closest passages about it are listed as sources for you to judge.`;
}

/**
 * `valueEvidence` over the sources, then the rest of the corpus (or of the documents asked for).
 *
 * @example
 * const evidence = corpusValueEvidence(res, requested, sources, undefined);
 */
export function corpusValueEvidence(res: AnswerResources, requested: RequestedValue, sources: AnswerSource[], docs: string[] | undefined): ValueEvidence {
  const chunks = docs ? res.corpus.chunks.filter((chunk) => docs.includes(chunk.docId)) : res.corpus.chunks;
  const asSource = (chunk: Chunk, n: number) => sourceFromChunk(chunk, n, 0, res.corpus.document(chunk.docId)?.meta.title ?? chunk.docId);
  return valueEvidence(requested, sources, res.sentences, chunks, asSource);
}

/** The "not reported" answer when the evidence says so (its sources announced first if asked), else null. */
export function valueNotReportedPayload(
  requested: RequestedValue,
  evidence: ValueEvidence,
  events: AnswerEvents,
  announceSources = false,
): AnswerPayload | null {
  if (evidence.status !== "not-reported") return null;
  const reason = valueNotReportedReason(requested, evidence.entity);
  const answer = valueNotReportedAnswer(reason);
  if (announceSources) events.onSources?.(evidence.sources);
  events.onDelta?.(answer);
  return { answer, refused: true, reason, mode: "extractive", references: [], sources: evidence.sources };
}
