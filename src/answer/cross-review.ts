// Answers to questions about several documents ("what do both reviews say about …", "how do the
// Guan and Verma reviews differ on …"): retrieval within each document, one cited part per document
// chosen by the same extractive scoring, written as labelled parts, and a plain statement of which
// documents do not cover the question (judged by the same refusal signals as any answer).
import type { Chunk } from "../types.ts";
import { type AnswerEvents, type AnswerPayload, type AnswerReason, type AnswerReference, type AnswerSource, sourceFromChunk } from "./answer-payload.ts";
import { type AnswerResources, documentLabel } from "./answer-resources.ts";
import type { ChatModelLike, LlmDeadline } from "./chat-model.ts";
import { invalidMarkerWarning, referencesForCitedClaims } from "./citation-markers.ts";
import { isCommonWord } from "./common-words.ts";
import { type CrossReviewIntent, parseCrossReviewIntent } from "./cross-review-intent.ts";
import { type ExtractiveOptions, type ScoredSentence, answerReferences, quoteSentence, scoreSentences, selectSentences } from "./extractive-answer.ts";
import { generateLlmAnswer } from "./llm-answer.ts";
import { type QuestionTerms, contentTerms, questionTerms, withoutWords } from "./question-terms.ts";
import { NOT_COVERED, REFUSAL_ANSWER } from "./refusal.ts";
import { type RequestedValue, requestedValue } from "./requested-value.ts";
import { SECTION_LEAD_SENTENCES, asksOnlyForSection } from "./section-answer.ts";
import { type SectionMention, chunksOfHeading, documentOutline, findSectionMentions, topLevelHeadings } from "./section-mentions.ts";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.ts";
import { preferReportedValues, quotesValue, valueEvidence, valueNotReportedAnswer, valueNotReportedReason } from "./value-not-reported.ts";

/**
 * Weight of the topic's everyday words when it also has words that are not everyday English: in a question
 * about two reviews they mostly phrase the comparison ("part ways on", "common ground", "does Verma add
 * anything", "give me each paper's take"), the uncommon words name what is compared.
 */
const EVERYDAY_WORD_WEIGHT = 0.5;
/** "Each review" in a large corpus: the best-matching documents, at most this many. */
export const MAX_CROSS_REVIEW_DOCUMENTS = 4;
/** Passages retrieved per document: at least this many, else the request's k shared between them. */
const MIN_PASSAGES_PER_DOCUMENT = 2;
/** At most this many of a review's chunks naming the topic are scored to re-quote its part (a bound on the cost in long documents). */
const MAX_REQUOTE_CHUNKS = 40;
/** How deep the corpus-wide search that ranks documents for an unnamed "both reviews" looks. */
const DOCUMENT_RANKING_DEPTH = 30;

/** What the answerer lends cross-review answering, so retrieval and refusal work exactly as for any question. */
export interface CrossReviewContext {
  res: AnswerResources;
  /** The request's document filter, if any. */
  docs?: readonly string[];
  /** Passages the request asked for, shared between the documents. */
  k: number;
  extractive?: ExtractiveOptions;
  events: AnswerEvents;
  /** Retrieval restricted to `docs`, numbered from 1. */
  retrieve(question: string, docs: string[], k: number): Promise<AnswerSource[]>;
  /** The refusal check of any answer, on one document's passages. */
  evidenceIsWeak(question: string, terms: QuestionTerms, scored: readonly ScoredSentence[], docs: string[]): Promise<boolean>;
  /** Record a warning for the payload. */
  warn(message: string): void;
  /** (docId, n) pairs resolved to reference entries. */
  references(cited: readonly { docId: string; n: number }[]): AnswerReference[];
  /** Present in LLM mode; `onFailure` records a failed call (the answer then falls back to extractive). */
  llm?: { model: ChatModelLike; deadline(): LlmDeadline; onFailure(error: unknown): void };
  /** A refusal decided before the documents are read (a value no review reports: value-not-reported.ts), or null. */
  declineBeforeAnswering?(): AnswerPayload | null;
}

// Comparing the documents as wholes ("Compare the two reviews", "How do they differ?", "What do they have in
// common?", "Where do they overlap?"): the verbs and nouns of a thesaurus entry for "compare", without a topic.
const WHOLE_COMPARISON = /\b(?:compar\w*|contrast\w*|differ\w*|overlap\w*|similar\w*|(?:dis)?agree\w*|(?:in\s+)?common|shar(?:e|es|ed|ing)|alike)\b/giu;

/** Does the topic ask for nothing but the documents' gist, or how they compare as wholes? */
export function asksForDocumentsGist(topic: string): boolean {
  return asksOnlyForSection(topic.replace(WHOLE_COMPARISON, " "));
}

/**
 * Each document's opening (its abstract, as a rule), labelled: the answer to a question about several
 * documents that names no topic ("Compare the two reviews.", "What are the main points of each review?").
 */
function openingsAcross(targets: readonly string[], ctx: CrossReviewContext): AnswerPayload | null {
  const opening = (docId: string) => ctx.res.corpus.chunksOf(docId).find((chunk) => chunk.kind === "text" && ctx.res.sentences.sentencesOf(chunk.id).length > 0);
  return leadsAcross(targets, ctx, opening, () => undefined, { minimumQuoted: 2, namesSection: false });
}

/**
 * Each document's part of the sections the question names ("Compare the conclusions of the two reviews",
 * "What future perspectives do the reviews give?"), labelled; a document printing no such heading is
 * said to, with its sections' titles, rather than quoted from elsewhere.
 */
function sectionsAcross(targets: readonly string[], sections: SectionMention, ctx: CrossReviewContext): AnswerPayload | null {
  const lead = (docId: string) => {
    const heading = sections.headings.find((h) => h.docId === docId)?.heading;
    // A heading with no text of its own ("METHODS") opens with the first of the sections it holds.
    const quotable = (chunk: Chunk) => chunk.kind === "text" && ctx.res.sentences.sentencesOf(chunk.id).length > 0;
    return heading === undefined ? undefined : chunksOfHeading(sections, heading, ctx.res.corpus.chunksOf(docId), quotable)[0];
  };
  // What was asked, as a part's name: the verb "conclude" asks for the conclusion.
  const asked = sections.words.join(" ").toLowerCase().replace(/^conclud\w*$/, "conclusion");
  const lacking = (docId: string) => `prints no section headed as its ${asked} (its sections: ${topLevelHeadings(ctx.res.corpus.chunksOf(docId)).join("; ")}).`;
  return leadsAcross(targets, ctx, lead, lacking, { minimumQuoted: 1, namesSection: true });
}

/** Labelled leading sentences of the chunk `chunkOf` gives each document; `lacking` says why a document has none. */
function leadsAcross(
  targets: readonly string[],
  ctx: CrossReviewContext,
  chunkOf: (docId: string) => Chunk | undefined,
  lacking: (docId: string) => string | undefined,
  { minimumQuoted, namesSection }: { minimumQuoted: number; namesSection: boolean },
): AnswerPayload | null {
  const sources: AnswerSource[] = [];
  const quoted: Pick<ScoredSentence, "source" | "sentence">[] = [];
  const paragraphs: string[] = [];
  let documentsQuoted = 0;
  for (const docId of targets) {
    const first = chunkOf(docId);
    if (!first) {
      const why = lacking(docId);
      if (why) paragraphs.push(`${reviewLabel(ctx.res, docId)} ${why}`);
      continue;
    }
    const source = sourceFromChunk(first, sources.length + 1, 1, ctx.res.corpus.document(docId)?.meta.title ?? docId);
    sources.push(source);
    const items = ctx.res.sentences.sentencesOf(first.id).slice(0, SECTION_LEAD_SENTENCES).map((sentence) => ({ source, sentence }));
    quoted.push(...items);
    const label = namesSection ? `${reviewLabel(ctx.res, docId)}, "${first.section}"` : reviewLabel(ctx.res, docId);
    paragraphs.push(`${label}: ${items.map(quoteSentence).join(" ")}`);
    documentsQuoted++;
  }
  if (documentsQuoted < minimumQuoted) return null;
  ctx.events.onSources?.(sources);
  for (const [i, paragraph] of paragraphs.entries()) ctx.events.onDelta?.(i === 0 ? paragraph : `\n${paragraph}`);
  return { answer: paragraphs.join("\n"), refused: false, mode: "extractive", sources, references: ctx.references(answerReferences(quoted as ScoredSentence[])) };
}

/** One document's share of the answer. */
interface DocumentPart {
  docId: string;
  label: string;
  /** Its retrieved passages, numbered as the whole answer numbers them. */
  sources: AnswerSource[];
  /** Its best sentences (empty when the document does not cover the question). */
  chosen: ScoredSentence[];
  covered: boolean;
  notReported?: ValueNotReported;
}

/** "Guan et al. (Front. Immunol. 2024)": the label of `documentLabel` with the journal when known. */
export function reviewLabel(res: AnswerResources, docId: string): string {
  const meta = res.corpus.document(docId)?.meta;
  const label = documentLabel(res.corpus, docId);
  return meta?.journal && meta.year ? label.replace(`(${meta.year})`, `(${meta.journal} ${meta.year})`) : label;
}

/** Ids are `<first author's surname><year>` (see `documentLabel`), so the surname is the id's letter prefix. */
const surnameOf = (docId: string) => /^\p{L}+/u.exec(docId)?.[0] ?? "";

/**
 * The documents a cross-review question is about: those it names; else, when the corpus (or the
 * request's filter) holds more than the question asks for, the best-matching ones by retrieval.
 */
async function targetDocuments(intent: CrossReviewIntent, named: readonly string[], ctx: CrossReviewContext): Promise<string[]> {
  const candidates = ctx.docs?.length ? [...ctx.docs] : ctx.res.corpus.documents.map((doc) => doc.meta.id);
  const wanted = intent.scope === "pair" ? 2 : MAX_CROSS_REVIEW_DOCUMENTS;
  if (named.length >= 2) return named.slice(0, MAX_CROSS_REVIEW_DOCUMENTS);
  if (intent.scope === "corpus") return candidates.length <= MAX_CROSS_REVIEW_DOCUMENTS ? candidates : [];
  if (candidates.length <= wanted) return candidates;
  const ranked = await ctx.res.search.search(intent.topic, { k: DOCUMENT_RANKING_DEPTH, docs: candidates });
  const order = [...named, ...ranked.map((hit) => hit.docId), ...candidates];
  return [...new Set(order)].slice(0, wanted);
}

/** A document that discusses the entity a value question names but prints no such value about it. */
interface ValueNotReported {
  entity: string;
  /** The value as the answer names it ("dose", "zeta potential"). */
  value: string;
  reason: AnswerReason;
}

/** One document's evidence before the sources are numbered across documents. */
export interface FoundPart {
  docId: string;
  sources: AnswerSource[];
  chosen: ScoredSentence[];
  covered: boolean;
  /** Set when the question asks for a value this document does not report (value-not-reported.ts). */
  notReported?: ValueNotReported;
}

/** Passages per document for one selection: one cited part per document. */
const ONE_PART = { maxSpans: 1 } as const;

/**
 * How close to the best sentence's score a sentence printing references must come to be a review's part
 * instead of it: a review's abstract and summaries restate its body without citing, and the part of a
 * citation-grounded answer should carry the references the review gives for what it says.
 */
const CITED_SCORE_SHARE = 0.9;

const printsReferences = (item: ScoredSentence) => item.sentence.sentence.refs.length > 0 || (item.followOn ?? []).some((s) => s.sentence.refs.length > 0);

/** The scored sentences with a citing one nearly as good as an uncited best put first (CITED_SCORE_SHARE). */
export function preferCited(scored: readonly ScoredSentence[]): ScoredSentence[] {
  const best = scored[0];
  if (!best || printsReferences(best)) return [...scored];
  const cited = scored.find((item) => printsReferences(item) && item.score >= best.score * CITED_SCORE_SHARE);
  return cited ? [{ ...cited, score: best.score }, ...scored.filter((item) => item !== cited)] : [...scored];
}

/**
 * Retrieve, score and check one document's evidence; sources keep their per-document numbers for now.
 * A value question ("what dose of X do both reviews give?") first gets the ordinary "not reported"
 * check on this document's passages alone, then the rest of this document.
 */
async function documentPart(
  docId: string,
  topic: string,
  terms: QuestionTerms,
  perDocument: number,
  requested: RequestedValue | undefined,
  ctx: CrossReviewContext,
): Promise<FoundPart> {
  // Searched as the ordinary answer searches ("TNBC" also as its long form), scored against the topic as asked.
  const sources = await ctx.retrieve(ctx.res.abbreviations.expandQuestion(topic), [docId], perDocument);
  let scored = scoreSentences(topic, terms, sources, ctx.res.sentences, ctx.extractive);
  if (requested) {
    const asSource = (chunk: Chunk, n: number) => sourceFromChunk(chunk, n, 0, ctx.res.corpus.document(chunk.docId)?.meta.title ?? chunk.docId);
    const evidence = valueEvidence(requested, sources, ctx.res.sentences, ctx.res.corpus.chunksOf(docId), asSource);
    if (evidence.status === "not-reported" && !quotesValue(requested, selectSentences(scored, { ...ctx.extractive, ...ONE_PART }), ctx.res.sentences)) {
      const reason = valueNotReportedReason(requested, evidence.entity);
      return { docId, sources: evidence.sources, chosen: [], covered: false, notReported: { entity: evidence.entity, value: requested.label, reason } };
    }
    if (evidence.status === "reported") scored = preferReportedValues(scored, evidence.sentences);
  }
  const covered = sources.length > 0 && !(await ctx.evidenceIsWeak(topic, terms, scored, [docId]));
  // One cited part per document: a sentence with its lead-in and the citation run it belongs to.
  const chosen = covered ? selectSentences(preferCited(scored), { ...ctx.extractive, ...ONE_PART }) : [];
  return { docId, sources, chosen, covered };
}

/**
 * An everyday English word (common-words.ts), also inflected ("blocking", "raised"); never one printed
 * with a capital after its first letter or with a digit, which names a thing ("pH", "TGF", "siRNA", "HER2").
 */
function isEverydayWord(word: string): boolean {
  // isCommonWord reads regular inflections itself.
  return !/^.+\p{Lu}/u.test(word) && !/\d/.test(word) && isCommonWord(word);
}

/**
 * The terms of the topic's words that are not everyday English: "glycolysis", "immunotherapy", "stem",
 * "pH", not the "bring", "raise", "lean on" or "connect" a comparison is phrased with.
 */
function uncommonTerms(topic: string): Set<string> {
  const words = topic.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  return new Set(words.filter((word) => !isEverydayWord(word)).flatMap((word) => contentTerms(word)));
}

/** The topic's terms, its everyday words weighed down (EVERYDAY_WORD_WEIGHT) when it has others. */
export function topicTerms(topic: string, terms: QuestionTerms): QuestionTerms {
  const uncommon = uncommonTerms(topic);
  if (![...terms.keys()].some((term) => uncommon.has(term))) return terms;
  return new Map([...terms].map(([term, weight]) => [term, uncommon.has(term) ? weight : weight * EVERYDAY_WORD_WEIGHT]));
}

/**
 * The topic's most specific term: the one the fewest sentences of the corpus hold (and at least one
 * does), among the terms of words that are not everyday English when there are any (a rare everyday
 * word — "worries", "lean" — is how the question is put, not what it is about). Not a bare number: the
 * "21" of "miR-21" is a page, a year or a reference elsewhere, not a topic.
 */
function mostSpecificTerm(topic: string, terms: QuestionTerms, index: SentenceIndex): string | undefined {
  const known = [...terms].filter(([term, weight]) => weight === 1 && !/^\d+$/.test(term) && index.knows(term)).map(([term]) => term);
  const uncommon = uncommonTerms(topic);
  const specific = known.filter((term) => uncommon.has(term));
  return (specific.length > 0 ? specific : known).sort((a, b) => index.idf(b) - index.idf(a))[0];
}

/**
 * How rare, relative to the topic's most specific term, another of its uncommon terms must be to name the
 * topic as well: "exosomes" (idf 4.4) in "using exosomes to carry therapeutic cargo" beside the rarer
 * "cargo" (5.5), not "chemotherapy" (2.5) beside "methylation" (4.4). A term within a quarter of the
 * rarest one's idf is about as specific; a term printed twice as often or more is context.
 */
const SPECIFIC_IDF_SHARE = 0.75;

/**
 * The topic's specific terms: its most specific term, and the terms of the words that are not everyday
 * English and come before it in the question, nearly as rare (SPECIFIC_IDF_SHARE). English puts what a
 * question is about first and qualifies it after: "using exosomes to carry therapeutic cargo" is about
 * exosomes, "glycolysis in hypoxic tumours" about glycolysis, not hypoxia. Not the word right before the
 * most specific one, which modifies it ("DNA" of "DNA methylation"), nor the terms of its own word ("TGF"
 * of "TGF-beta"): a sentence naming them alone does not name the topic. A document's part speaks of the
 * topic when it names one of the specific terms.
 */
export function specificTerms(topic: string, terms: QuestionTerms, index: SentenceIndex): string[] {
  const most = mostSpecificTerm(topic, terms, index);
  if (!most) return [];
  const words = topic.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const at = words.findIndex((word) => contentTerms(word).includes(most));
  const own = new Set(words.slice(Math.max(0, at - 1), at + 1).flatMap((word) => contentTerms(word)));
  const bar = index.idf(most) * SPECIFIC_IDF_SHARE;
  const before = words
    .slice(0, Math.max(0, at - 1))
    .filter((word) => !isEverydayWord(word))
    .flatMap((word) => contentTerms(word))
    .filter((term) => terms.get(term) === 1 && !own.has(term) && !/^\d+$/.test(term) && index.knows(term) && index.idf(term) >= bar);
  return [...new Set([most, ...before])];
}

/**
 * A value question about both reviews is declined per review only when the entity it asks about holds
 * the question's most specific term ("what dose of alpelisib …"); "the two papers quote statistics for
 * different years" asks when each review's figures date from, not for the year of something "different".
 */
function aboutMainSubject(requested: RequestedValue | undefined, topic: string, terms: QuestionTerms, index: SentenceIndex): RequestedValue | undefined {
  const term = mostSpecificTerm(topic, terms, index);
  return requested && term && requested.entityTerms.includes(term) ? requested : undefined;
}

/**
 * Does a sentence name `term`: the term itself, a spelling variant (the sentence index's credit) that
 * is not a different word sharing its first letters — "glycolysis" is no "glycol", while "retrovirus" is
 * "retrovir" and "synergistic" "synergi" (at most two letters longer or shorter than the term).
 */
function namesTerm(sentence: IndexedSentence, term: string, only: QuestionTerms, index: SentenceIndex): boolean {
  if (sentence.terms.has(term)) return true;
  if (index.coverage(only, sentence.terms) === 0) return false;
  const stem = term.slice(0, 5);
  const prefixed = [...sentence.terms].filter((other) => other.startsWith(stem));
  return prefixed.length === 0 || prefixed.some((other) => Math.abs(other.length - term.length) <= 2);
}

/**
 * The topic as each document's part must speak of it: a document that never mentions the topic's most
 * specific term does not discuss the question when another document's quoted part does ("DNA methylation
 * as a cause of resistance": a review without "methylation" has nearby sentences on DNA repair, not an
 * answer). A document whose quoted sentence does not name it, but which names it elsewhere (in its other
 * retrieved passages or in the rest of it), is quoted from its best sentence that does: its best sentence
 * on the topic, not on the question's other words. Spelling variants count as mentions, so do the long
 * forms of abbreviations.
 */
export async function onTopicParts(parts: FoundPart[], topic: string, terms: QuestionTerms, ctx: CrossReviewContext): Promise<FoundPart[]> {
  const { res } = ctx;
  const specific = specificTerms(topic, terms, res.sentences);
  if (specific.length === 0) return parts;
  const only = new Map(specific.map((term) => [term, 1]));
  const names = (sentence: IndexedSentence) => specific.some((term) => namesTerm(sentence, term, only, res.sentences));
  const holds = (sentences: readonly IndexedSentence[]) => sentences.some(names);
  const quoted = (part: FoundPart) => part.chosen.flatMap((item) => [item.sentence, ...(item.leadIn ? [item.leadIn] : [])]);
  // Only chunks a term can be credited in are read (the sentence index's posting lists).
  const candidates = res.sentences.chunksMentioning(specific);
  const mentioning = (docId: string) =>
    res.corpus.chunksOf(docId).filter((chunk) => candidates.has(chunk.id) && holds(res.sentences.sentencesOf(chunk.id)));
  // A document that discusses the entity of a value question without reporting the value holds the topic too.
  const anyHolds = parts.some((part) => (part.covered && holds(quoted(part))) || part.notReported);
  // No covering document names the terms anywhere: the question's words say it otherwise; the parts stand.
  if (!anyHolds && !parts.some((part) => part.covered && mentioning(part.docId).length > 0)) return parts;
  return Promise.all(parts.map(async (part) => {
    if (part.notReported || (part.covered && holds(quoted(part)))) return part;
    // A document judged not to cover the question is read again when another document's part names the
    // topic: if it names the topic too, its best sentence doing so is its part (the question's other
    // words, phrased for the comparison, had outweighed it in this document's retrieval or coverage).
    if (!part.covered && !anyHolds) return part;
    const chunks = mentioning(part.docId);
    if (chunks.length === 0) return { ...part, covered: false, chosen: [] };
    // Retrieved chunks first, then the document's order; a long document's every mention is not scored.
    const retrieved = new Set(part.sources.map((source) => source.id));
    const pool = [...chunks.filter((chunk) => retrieved.has(chunk.id)), ...chunks.filter((chunk) => !retrieved.has(chunk.id))].slice(0, MAX_REQUOTE_CHUNKS);
    const requoted = quotedOnTopic(part, pool, topic, terms, names, ctx);
    if (!requoted) return part;
    if (part.covered) return requoted;
    // Reported as covering only when its sentences naming the topic pass the refusal check any part passes.
    const weak = await ctx.evidenceIsWeak(topic, terms, requoted.scored, [part.docId]);
    return weak ? part : { ...requoted, covered: true };
  }));
}

/**
 * Does `docId` name the topic anywhere: one of its specific terms (`specificTerms`) in any of its sentences,
 * spelling variants and abbreviations' long forms included. True when the topic has no specific term.
 */
export function documentNamesTopic(res: Pick<AnswerResources, "sentences" | "corpus">, docId: string, topic: string, terms: QuestionTerms): boolean {
  const specific = specificTerms(topic, terms, res.sentences);
  if (specific.length === 0) return true;
  const only = new Map(specific.map((term) => [term, 1]));
  const candidates = res.sentences.chunksMentioning(specific);
  return res.corpus
    .chunksOf(docId)
    .some((chunk) => candidates.has(chunk.id) && res.sentences.sentencesOf(chunk.id).some((sentence) => specific.some((term) => namesTerm(sentence, term, only, res.sentences))));
}

/**
 * The part re-quoted from its document's best sentence naming the topic among `chunks`; the chunk joins
 * the part's sources when it was not among them. Undefined when none of those sentences scores.
 */
function quotedOnTopic(
  part: FoundPart,
  chunks: readonly Chunk[],
  topic: string,
  terms: QuestionTerms,
  onTopic: (sentence: IndexedSentence) => boolean,
  ctx: CrossReviewContext,
): (FoundPart & { scored: ScoredSentence[] }) | undefined {
  const title = ctx.res.corpus.document(part.docId)?.meta.title ?? part.docId;
  const retrieved = new Map(part.sources.map((source) => [source.id, source]));
  const added: AnswerSource[] = [];
  const pool = chunks.map((chunk) => {
    const known = retrieved.get(chunk.id);
    if (known) return known;
    const source = sourceFromChunk(chunk, part.sources.length + added.length + 1, 0, title);
    added.push(source);
    return source;
  });
  const scored = scoreSentences(topic, terms, pool, ctx.res.sentences, ctx.extractive).filter((item) => onTopic(item.sentence));
  const chosen = selectSentences(preferCited(scored), { ...ctx.extractive, ...ONE_PART });
  if (chosen.length === 0) return undefined;
  // Only the added chunks a chosen sentence comes from join the sources, numbered after the retrieved ones.
  const used = added.filter((source) => chosen.some((item) => item.source === source));
  const renumbered = new Map(used.map((source, i) => [source, { ...source, n: part.sources.length + i + 1 }]));
  return {
    ...part,
    sources: [...part.sources, ...renumbered.values()],
    chosen: chosen.map((item) => ({ ...item, source: renumbered.get(item.source) ?? item.source })),
    scored,
  };
}

/** Number every document's sources in one run, the chosen sentences pointing at the renumbered ones. */
function numberAcross(parts: FoundPart[], res: AnswerResources): DocumentPart[] {
  let offset = 0;
  return parts.map((part) => {
    const renumbered = new Map(part.sources.map((source, i) => [source, { ...source, n: offset + i + 1 }]));
    offset += part.sources.length;
    return {
      docId: part.docId,
      label: reviewLabel(res, part.docId),
      sources: [...renumbered.values()],
      chosen: part.chosen.map((item) => ({ ...item, source: renumbered.get(item.source)! })),
      covered: part.covered,
      ...(part.notReported ? { notReported: part.notReported } : {}),
    };
  });
}

const joinLabels = (labels: string[]) => (labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`);

/**
 * "Only A covers this; B does not discuss it." — empty when every document covers the question. A document
 * that discusses the entity of a value question without reporting the value is neither: it gets its own line.
 */
export function coverageNote(parts: readonly Pick<DocumentPart, "label" | "covered" | "notReported">[]): string {
  const covered = parts.filter((part) => part.covered).map((part) => part.label);
  const uncovered = parts.filter((part) => !part.covered && !part.notReported).map((part) => part.label);
  if (uncovered.length === 0 || covered.length === 0) return "";
  const who = covered.length === 1 ? `Only ${covered[0]} covers this` : `${joinLabels(covered)} cover this`;
  const verb = uncovered.length === 1 ? "does" : "do";
  return `${who}; ${joinLabels(uncovered)} ${verb} not discuss it (the closest passages are among the sources).`;
}

/** "B discusses alpelisib but does not report its dose." for each such document. */
export function notReportedNotes(parts: readonly Pick<DocumentPart, "label" | "notReported">[]): string[] {
  return parts.flatMap((part) => (part.notReported ? [`${part.label} discusses ${part.notReported.entity} but does not report its ${part.notReported.value}.`] : []));
}

/** What follows the cited parts: values a document does not report, then which documents do not cover the question. */
function closingNotes(parts: DocumentPart[]): string[] {
  const note = coverageNote(parts);
  return [...notReportedNotes(parts), ...(note ? [note] : [])];
}

/** The extractive answer: one labelled paragraph per covering document, then the coverage note. */
function writeExtractive(parts: DocumentPart[]): { paragraphs: string[]; cited: { docId: string; n: number }[] } {
  const covered = parts.filter((part) => part.covered);
  const paragraphs = covered.map((part) => `${part.label}: ${part.chosen.map(quoteSentence).join(" ")}`);
  const cited = covered.flatMap((part) => answerReferences(part.chosen));
  return { paragraphs: [...paragraphs, ...closingNotes(parts)], cited };
}

/**
 * The model writes one paragraph per covering document from that document's passages only; the note
 * on documents that do not cover the question is ours, from the refusal signals.
 */
async function writeWithLlm(
  question: string,
  parts: DocumentPart[],
  sources: AnswerSource[],
  ctx: CrossReviewContext,
  llm: NonNullable<CrossReviewContext["llm"]>,
): Promise<Omit<AnswerPayload, "sources">> {
  const covered = parts.filter((part) => part.covered);
  const note = closingNotes(parts).join("\n");
  const result = await generateLlmAnswer({
    question,
    sources,
    groups: covered.map((part) => ({ label: part.label, sources: part.sources })),
    label: (docId) => reviewLabel(ctx.res, docId),
    model: llm.model,
    deadline: llm.deadline(),
    onDelta: ctx.events.onDelta,
  });
  if (result.refused) return { answer: REFUSAL_ANSWER, refused: true, mode: "llm", references: [] };
  if (note) ctx.events.onDelta?.(`\n${note}`);
  if (result.invalid.length) ctx.warn(invalidMarkerWarning(result.invalid, sources.length));
  if (!/\[\d/.test(result.text)) ctx.warn("The language model cited no source");
  const cited = referencesForCitedClaims(result.text, sources, ctx.res.sentences);
  return { answer: note ? `${result.text}\n${note}` : result.text, refused: false, mode: "llm", references: ctx.references(cited) };
}

/**
 * Documents named by their first author's bare surname ("how do Guan and Verma each describe …"):
 * one surname alone may be a cited author (document-mentions.ts asks for "Guan et al." or "the Guan
 * review"), but two or more corpus first authors named together are the corpus's documents.
 */
function withSurnamesNamed(question: string, mentioned: string[], res: AnswerResources): string[] {
  const bySurname = res.corpus.documents
    .map((doc) => doc.meta.id)
    .filter((id) => {
      const surname = surnameOf(id);
      return surname.length >= 2 && new RegExp(String.raw`(?<![\p{L}\p{N}])${surname.charAt(0).toUpperCase()}${surname.slice(1)}(?![\p{L}\p{N}])`, "u").test(question);
    });
  const named = [...new Set([...mentioned, ...bySurname])];
  return bySurname.length >= 2 ? named : mentioned;
}

/**
 * Answer `question` document by document when it is about several documents; null otherwise (a
 * question about one document, about "the reviews" of a corpus too large to list, or with no topic
 * left once the documents are named), and the ordinary pipeline answers it.
 *
 * @example
 * const payload = await answerAcrossReviews("How do the Guan and Verma reviews differ on P-gp?", ctx);
 * // "Guan et al. (Front. Immunol. 2024): … [1].\nVerma et al. (Nanoscale Adv. 2024): … [4]."
 */
export async function answerAcrossReviews(question: string, ctx: CrossReviewContext): Promise<AnswerPayload | null> {
  if (ctx.docs?.length === 1 || ctx.res.corpus.documents.length < 2) return null;
  // Named documents in the order the question names them ("the Guan and Verma reviews": Guan first).
  const lower = question.toLowerCase();
  const position = (id: string) => {
    const at = Math.min(...[id, surnameOf(id)].filter(Boolean).map((name) => lower.search(new RegExp(String.raw`\b${name}\b`, "u"))).filter((i) => i >= 0));
    return Number.isFinite(at) ? at : Number.MAX_SAFE_INTEGER;
  };
  const mentioned = withSurnamesNamed(question, ctx.res.mentions.find(question), ctx.res).sort((a, b) => position(a) - position(b));
  // A filter chosen by the user wins over names in the question.
  const named = ctx.docs?.length ? mentioned.filter((id) => ctx.docs!.includes(id)) : mentioned;
  const intent = parseCrossReviewIntent(
    question,
    named.map((id) => ({ id, surname: surnameOf(id) })),
  );
  if (!intent) return null;
  // Sections named and nothing else asked ("What do both reviews conclude?"): each one's section, quoted from its start.
  const inScope = ctx.docs?.length ? ctx.docs : ctx.res.corpus.documents.map((doc) => doc.meta.id);
  const sections = findSectionMentions(question, inScope.flatMap((id) => ctx.res.corpus.chunksOf(id)), true, documentOutline(ctx.res.corpus, inScope));
  if (sections && asksForDocumentsGist(withoutWords(intent.topic, sections.words))) {
    const parts = sectionsAcross(await targetDocuments(intent, named, ctx), sections, ctx);
    if (parts) return parts;
  }
  // No topic, only the documents: each one's opening says what it holds.
  if (asksForDocumentsGist(intent.topic)) {
    const openings = openingsAcross(await targetDocuments(intent, named, ctx), ctx);
    if (openings) return openings;
  }
  // "How many", "how much" ask for a count or an amount (requested-value.ts reads them from the topic); "many"
  // and "much" are not what the sentences must hold ("miR-21 alters many genes").
  const terms = topicTerms(intent.topic, questionTerms(intent.topic.replace(/\bhow\s+(?:many|much)\b/giu, "how")));
  if (terms.size === 0) return null;

  const targets = await targetDocuments(intent, named, ctx);
  if (targets.length < 2) return null;
  const declined = ctx.declineBeforeAnswering?.();
  if (declined) return declined;
  const perDocument = Math.max(MIN_PASSAGES_PER_DOCUMENT, Math.ceil(ctx.k / targets.length));
  // The topic, not the question: "what dose of X do both reviews give" names no review in its entity.
  const requested = aboutMainSubject(
    requestedValue(intent.topic, (term) => (ctx.res.sentences.knows(term) ? ctx.res.sentences.idf(term) : 0)),
    intent.topic,
    terms,
    ctx.res.sentences,
  );
  const found = await Promise.all(targets.map((docId) => documentPart(docId, intent.topic, terms, perDocument, requested, ctx)));
  const parts = numberAcross(await onTopicParts(found, intent.topic, terms, ctx), ctx.res);
  const sources = parts.flatMap((part) => part.sources);
  ctx.events.onSources?.(sources);
  ctx.events.signal?.throwIfAborted();

  if (!parts.some((part) => part.covered)) {
    // No document reports the value, and one at least discusses the entity: declined as any value question would be.
    const notReported = parts.find((part) => part.notReported)?.notReported;
    if (notReported) {
      const answer = valueNotReportedAnswer(notReported.reason);
      ctx.events.onDelta?.(answer);
      const about = parts.filter((part) => part.notReported).flatMap((part) => part.sources);
      return { answer, refused: true, reason: notReported.reason, mode: "extractive", sources: about.map((source, i) => ({ ...source, n: i + 1 })), references: [] };
    }
    ctx.events.onDelta?.(REFUSAL_ANSWER);
    return { answer: REFUSAL_ANSWER, refused: true, reason: NOT_COVERED, mode: "extractive", sources, references: [] };
  }
  if (ctx.llm) {
    try {
      return { ...(await writeWithLlm(question, parts, sources, ctx, ctx.llm)), sources };
    } catch (error) {
      ctx.llm.onFailure(error);
    }
  }
  const { paragraphs, cited } = writeExtractive(parts);
  for (const [i, paragraph] of paragraphs.entries()) ctx.events.onDelta?.(i === 0 ? paragraph : `\n${paragraph}`);
  return { answer: paragraphs.join("\n"), refused: false, mode: "extractive", sources, references: ctx.references(cited) };
}
