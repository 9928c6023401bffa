// Extractive answers: the retrieved passages' own sentences that answer the question best, each
// followed by its [n] marker. Nothing is written beyond what the reviews print.
import type { AnswerSource } from "./answer-payload.ts";
import { answerTypeMatch, expectedAnswerPatterns } from "./answer-type.ts";
import type { QuestionTerms } from "./question-terms.ts";
import { withoutReviewMarkers } from "./review-markers.ts";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.ts";

export interface ScoredSentence {
  source: AnswerSource;
  sentence: IndexedSentence;
  /** Share of the question's weighted terms in the sentence with the one before it (a table row: with its header), 0–1. */
  coverage: number;
  /** Coverage with context, passage coverage and answer shape combined, discounted for extraction debris. */
  score: number;
  /** The sentence before, when it names what this one is about ("Aly et al. prepared X. They enhance …"). */
  leadIn?: IndexedSentence;
  /**
   * For a sentence printing no citation: the following ones up to the citation that closes its run; for
   * one the next sentence continues ("They …") with a citation of its own: that sentence.
   */
  followOn?: IndexedSentence[];
  /** Quoted only to say what the next sentence is about; its references support itself, not the answer. */
  contextOnly?: boolean;
}

export interface ExtractiveAnswer {
  /** The sentences in reading order, each ending in its marker. */
  parts: string[];
  chosen: ScoredSentence[];
}

export interface ExtractiveOptions {
  /** Upper bound on sentences in the answer. */
  maxSentences?: number;
  /** Upper bound on passages quoted (a sentence with its lead-in and citation run is one passage). */
  maxSpans?: number;
  /** Keep sentences scoring at least this share of the best one. */
  relativeFloor?: number;

  /** Term-set Jaccard similarity at which a sentence counts as a near-duplicate. */
  duplicateSimilarity?: number;
  /** Weight of the coverage that counts the previous sentence's (a table row: the header's) terms too (0: sentences alone). */
  contextWeight?: number;
  /** Weight of the sentence holding the kind of thing the question asks for (a number, a year, a trial id). */
  answerTypeWeight?: number;
  /** Weight of the whole passage's coverage: sentences of an on-topic passage are likelier answers. */
  passageWeight?: number;
  /** Weight of the passage's retrieval rank (1/rank): the fused ranking sees more than term overlap. */
  rankWeight?: number;
  /** Coverage the previous sentence must add for it to be quoted as a lead-in. */
  leadInGain?: number;
  /**
   * Share of the terms the previous sentence adds that a sentence continuing it ("They …", "This
   * nanoparticle …") counts as its own (0: read with it only as context, like any other sentence).
   */
  continuationShare?: number;
  /** How many sentences ahead a citation may close the run of an uncited sentence. */
  citationLookahead?: number;
  /** Score factor for sentences of other documents when the question names one ("the nanomaterials review"). */
  otherDocumentFactor?: number;
  /** Score factor for a table row when the question asks why or how: cells hold values, prose holds the explanation. */
  explanationRowFactor?: number;
  /** Documents the question names; sentences from the others get `otherDocumentFactor`. */
  namedDocuments?: readonly string[];
  /** Chunks of the sections the question names ("the abstract", section-mentions.ts); sentences of others get `otherDocumentFactor`. */
  namedSectionChunks?: readonly string[];
  /**
   * The question's embedding similarity to each source's sentence windows, by chunk id (the retriever's
   * `windowSimilarities`); absent, sentences are scored on their words alone.
   */
  windowSimilarities?: ReadonlyMap<string, readonly WindowSimilarity[]>;
  /** A sentence's score falls by e^(−similarityWeight × gap), gap: its window's similarity below the best window's. */
  similarityWeight?: number;
}

export interface WindowSimilarity {
  text: string;
  similarity: number;
}

export const EXTRACTIVE_DEFAULTS: Required<ExtractiveOptions> = {
  maxSentences: 5,
  maxSpans: 3,
  relativeFloor: 0.8,
  duplicateSimilarity: 0.6,
  contextWeight: 0.4,
  answerTypeWeight: 0.3,
  passageWeight: 0.15,
  rankWeight: 0.1,
  leadInGain: 0.15,
  continuationShare: 0.3,
  citationLookahead: 3,
  otherDocumentFactor: 0.6,
  explanationRowFactor: 0.7,
  namedDocuments: [],
  namedSectionChunks: [],
  windowSimilarities: new Map(),
  similarityWeight: 2,
};

// A sentence opening like this continues the one before ("Aly et al. prepared X. They enhance …").
const ANAPHORIC_START =
  /^(?:this|these|those|they|it|its|their|such|here|there|the (?:study|studies|nanoparticles?|formulation|system|platform|team|authors|findings?|results?|analysis|approach|method|treatment|nanomaterials?|combination))\b/i;

// "Why …", "How do …" ask for an explanation; "how many / much / long / big / often" ask for a value.
const ASKS_WHY_OR_HOW = /^\s*(?:why|how)\b(?!\s+(?:many|much|long|big|large|small|often|common|high|low|fast|well)\b)/i;

// A sentence naming the study it reports ("… by Hu et al.", "Aly et al. prepared …") stands on its own.
const NAMES_ITS_STUDY = /\bet al\b/i;

/** "They enhance …", "This nanoparticle activates …": the sentence goes on about what the one before names. */
function continuesPrevious(sentence: IndexedSentence): boolean {
  const text = sentence.sentence.text.trim();
  // "The study by Hu et al. …" opens a study of its own; "The study found …" continues one.
  return ANAPHORIC_START.test(text) && !NAMES_ITS_STUDY.test(text);
}

/** Terms of a table's caption and header lines: the context every row is read in. */
export function tableHeaderTerms(index: SentenceIndex, source: Pick<AnswerSource, "text" | "docId">, sentences: readonly IndexedSentence[]): Set<string> {
  const first = sentences[0]?.sentence.text;
  const cut = first ? source.text.indexOf(first.slice(0, 40)) : -1;
  return cut > 0 ? index.termsOf(source.text.slice(0, cut), source.docId) : new Set();
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Score every sentence of the sources against the question: the share of the question's weight the
 * sentence covers (alone, and with the sentence before it, which often names the subject; never with
 * the one after, whose answer is its own; a sentence continuing the one before, "They …", counts part of
 * that sentence's subject as its own), nudged by
 * how much of the question its passage covers, the passage's retrieval rank and whether it holds the
 * kind of thing asked for (a number, a year, a trial id), discounted for extraction debris (fragments
 * cut at column breaks, very short lines) and, for a why/how question, for being a table row; then,
 * given `windowSimilarities`, discounted by how far the sentence's window falls below the one closest in
 * meaning to the question (`byMeaning`).
 */
export function scoreSentences(
  question: string,
  questionTerms: QuestionTerms,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
  options: ExtractiveOptions = {},
): ScoredSentence[] {
  const settings = { ...EXTRACTIVE_DEFAULTS, ...options };
  const { contextWeight, answerTypeWeight, passageWeight, rankWeight, leadInGain, continuationShare, citationLookahead } = settings;
  const { otherDocumentFactor, explanationRowFactor, namedDocuments, namedSectionChunks } = settings;
  const expected = expectedAnswerPatterns(question);
  const explains = ASKS_WHY_OR_HOW.test(question);
  const scored: ScoredSentence[] = [];
  for (const source of sources) {
    const passageCoverage = index.coverage(questionTerms, index.termsOfChunk(source.id));
    const sentences = index.sentencesOf(source.id);
    const header = source.kind === "table" ? tableHeaderTerms(index, source, sentences) : undefined;
    for (const [i, sentence] of sentences.entries()) {
      const own = index.coverage(questionTerms, sentence.terms);
      if (own === 0) continue;
      // Table rows are read with their header; running text with the sentence before it, which names
      // what it is about. Not with the one after: a sentence whose successor holds the answer would
      // score as high as that successor and be quoted beside it, citing references that are not the answer's.
      const previous = header ? undefined : sentences[i - 1];
      const withPrevious = previous ? index.coverage(questionTerms, sentence.terms, previous.terms) : own;
      const withHeader = header ? index.coverage(questionTerms, sentence.terms, header) : own;
      const withContext = Math.max(withPrevious, withHeader);
      const text = sentence.sentence.text.trim();
      const continues = continuesPrevious(sentence);
      // "This nanoparticle activates …" is about what the sentence before names: part of that subject
      // counts as its own, else the sentence that only names the subject outranks the one saying what it does.
      const ownWithSubject = continues && previous ? own + continuationShare * (withPrevious - own) : own;
      let score =
        (1 - contextWeight) * ownWithSubject +
        contextWeight * withContext +
        passageWeight * passageCoverage +
        answerTypeWeight * (answerTypeMatch(expected, text) - 0.5) +
        rankWeight / source.n;
      if (/^[a-z]/.test(text)) score *= 0.9;
      if (sentence.terms.size < 5) score *= 0.7;
      if (header && explains) score *= explanationRowFactor;
      if (namedDocuments.length > 0 && !namedDocuments.includes(source.docId)) score *= otherDocumentFactor;
      if (namedSectionChunks.length > 0 && !namedSectionChunks.includes(source.id)) score *= otherDocumentFactor;
      const leadIn = previous && (continues || withPrevious - own >= leadInGain) ? previous : undefined;
      let followOn: IndexedSentence[] | undefined;
      if (sentence.sentence.refs.length === 0 && !(continues && leadIn?.sentence.refs.length)) {
        const ahead = sentences.slice(i + 1, i + 1 + citationLookahead);
        const closing = ahead.findIndex((s) => s.sentence.refs.length > 0);
        if (closing >= 0) followOn = ahead.slice(0, closing + 1);
      }
      // A sentence the next one continues ("Aly et al. prepared X (43). They enhance … (44).") is half of
      // one statement about one subject: the continuation comes along, with the citation it prints.
      const next = sentences[i + 1];
      if (!followOn && !header && next && next.sentence.refs.length > 0 && continuesPrevious(next)) followOn = [next];
      scored.push({ source, sentence, coverage: withContext, score, leadIn, followOn });
    }
  }
  // Read from `options`: an explicit `windowSimilarities: undefined` would override the default.
  return byMeaning(scored, options.windowSimilarities, settings.similarityWeight).sort((a, b) => b.score - a.score);
}

/** The similarity of the window holding the sentence (windows group whole sentences), if one does. */
function windowSimilarityOf(windows: readonly WindowSimilarity[] | undefined, sentence: IndexedSentence): number | undefined {
  const head = sentence.sentence.text.trim().slice(0, 30);
  let best: number | undefined;
  for (const window of windows ?? []) if (window.text.includes(head)) best = Math.max(best ?? -1, window.similarity);
  return best;
}

/**
 * Scores discounted by how far each sentence's window falls below the window most similar to the
 * question: words alone cannot tell a sentence that says what was asked in other words from its
 * neighbour that repeats the question's words; the embedding reads the meaning. Sentences of the best
 * window keep their score; a sentence no window holds, and a table row, are left alone.
 */
function byMeaning(scored: ScoredSentence[], windows: ReadonlyMap<string, readonly WindowSimilarity[]> | undefined, weight: number): ScoredSentence[] {
  if (!windows?.size || weight === 0) return scored;
  // A table row is cells, not a sentence: the sentence encoder says little about it, so rows keep their score.
  const similarities = scored.map((item) => (item.source.kind === "table" ? undefined : windowSimilarityOf(windows.get(item.source.id), item.sentence)));
  const known = similarities.filter((similarity): similarity is number => similarity !== undefined);
  if (known.length === 0) return scored;
  const top = Math.max(...known);
  return scored.map((item, i) => {
    const similarity = similarities[i];
    return similarity === undefined ? item : { ...item, score: item.score * Math.exp(-weight * (top - similarity)) };
  });
}

/**
 * Pick the best non-redundant sentences (with their lead-ins) and order them to read well: strongest
 * source first, then document order.
 */
export function selectSentences(scored: readonly ScoredSentence[], options: ExtractiveOptions = {}): ScoredSentence[] {
  const { maxSentences, maxSpans, relativeFloor, duplicateSimilarity } = { ...EXTRACTIVE_DEFAULTS, ...options };
  const best = scored[0]?.score ?? 0;
  const chosen: ScoredSentence[] = [];
  let spans = 0;
  const has = (sentence: IndexedSentence) => chosen.some((kept) => kept.sentence === sentence);
  for (const candidate of scored) {
    if (chosen.length >= maxSentences || spans >= maxSpans || candidate.score < best * relativeFloor) break;
    if (has(candidate.sentence)) continue;
    const redundant = chosen.some(
      (kept) =>
        jaccard(kept.sentence.terms, candidate.sentence.terms) >= duplicateSimilarity ||
        kept.sentence.sentence.text.trim() === candidate.sentence.sentence.text.trim(),
    );
    if (redundant) continue;
    spans++;
    if (candidate.leadIn && !has(candidate.leadIn)) {
      // A sentence printing its own citation is supported by it; the lead-in's citations back the lead-in.
      const contextOnly = candidate.sentence.sentence.refs.length > 0;
      chosen.push({ ...candidate, sentence: candidate.leadIn, leadIn: undefined, followOn: undefined, contextOnly });
    }
    chosen.push(candidate);
    for (const sentence of candidate.followOn ?? []) {
      if (!has(sentence)) chosen.push({ ...candidate, sentence, leadIn: undefined, followOn: undefined });
    }
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

/** The references an extractive answer cites: those of its sentences, less those of lead-ins quoted only for context. */
export function answerReferences(chosen: readonly ScoredSentence[]): { docId: string; n: number }[] {
  const supporting = chosen.filter((item) => !item.contextOnly);
  return supporting.flatMap((item) => item.sentence.sentence.refs.map((n) => ({ docId: item.source.docId, n })));
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

/**
 * A chosen sentence as the answer prints it: running text loses the review's own markers (the
 * answer lists those references); a table row keeps its references cell, which is data.
 */
export function quoteSentence(item: Pick<ScoredSentence, "source" | "sentence">): string {
  const { text, refs } = item.sentence.sentence;
  return withMarker(item.source.kind === "table" ? text : withoutReviewMarkers(text, refs), item.source.n);
}

export function composeExtractiveAnswer(
  question: string,
  questionTerms: QuestionTerms,
  sources: readonly AnswerSource[],
  index: SentenceIndex,
  options: ExtractiveOptions = {},
): ExtractiveAnswer {
  const chosen = selectSentences(scoreSentences(question, questionTerms, sources, index, options), options);
  return { chosen, parts: chosen.map(quoteSentence) };
}
