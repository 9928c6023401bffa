// Answers to citation questions, built from the parsed reference lists and the sentences that cite
// them — deterministic, in extractive and LLM mode alike.
import type { ReferenceWithDoc } from "../store/corpus.ts";
import type { Chunk } from "../types.ts";
import {
  type AnswerReference,
  type AnswerSource,
  type ChatTurn,
  type ClaimMatch,
  type ClaimMatchStrength,
  sourceFromChunk,
  toAnswerReference,
} from "./answer-payload.ts";
import { type AnswerResources, documentLabel } from "./answer-resources.ts";
import type { CitationLookupIntent } from "./citation-lookup-intent.ts";
import type { AuthorYearWork } from "../ingest/citations/find-author-year-citations.ts";
import { matchAuthorYearEntries } from "../ingest/citations/match-author-year-entries.ts";
import { questionTerms } from "./question-terms.ts";
import { foreignNames, foreignTopicWords } from "./refusal.ts";
import { authorNameParts } from "./search-bibliography.ts";
import type { IndexedSentence } from "./sentence-index.ts";
import { type AlignedSentence, alignClaim } from "./align-claim.ts";

export interface LookupAnswer {
  answer: string;
  refused: boolean;
  sources: AnswerSource[];
  references: AnswerReference[];
  /** Claim lookups: how closely the quoted sentence matches the claim. */
  match?: ClaimMatch;
}

export interface LookupOptions {
  /** The request's document filter. */
  docs?: string[];
  /** Most sources to return. */
  k: number;
  history?: ChatTurn[];
}

/** A sentence holding this share of the claim's weighted terms matches it literally (ranked by coverage, as before alignment). */
export const CLAIM_MIN_COVERAGE = 0.45;
/** …and holding this share, it makes the claim whatever the embeddings say: a strong match. */
const CLAIM_STRONG_COVERAGE = 0.8;
/**
 * Alignment scores (align-claim.ts) from which the best sentence is a strong match, and below which
 * the claim is not found; between them it is the closest, partial match. Tuned on the tuning part's
 * claim and lookup items and on written paraphrases (BENCHMARKS.md, "Claim lookups by meaning").
 */
export const CLAIM_STRONG_ALIGNMENT = 0.65;
export const CLAIM_MIN_ALIGNMENT = 0.55;
/**
 * A sentence holding the claim's words (CLAIM_MIN_COVERAGE) may still say something else: one rare
 * shared term ("relapse") covers half a short claim. Below this alignment it is no match at all. On the
 * tuning and test parts' claims the lowest literal match that cites the right reference aligns at 0.49;
 * "CSCs drive relapse" met a list of intrinsic resistance factors at 0.27.
 */
export const CLAIM_MIN_LITERAL_ALIGNMENT = 0.4;
/**
 * A match by alignment alone must lie in one of the first passages the search found for the claim
 * (ranks from 0): when the best-aligned sentence sits in a low-ranked passage, search and alignment
 * disagree. On the tuning claims and bench/claim-paraphrases.jsonl, 8 of 17 claims the reviews do not
 * make had their best sentence in passages ranked 3–5, and none of the 45 paraphrases found. (Rank 1
 * was tried first: it also refused one test-part claim, seen in the test aggregate only.)
 */
export const CLAIM_MAX_PASSAGE_RANK = 2;
/**
 * When some sentence holds the claim's words (CLAIM_MIN_COVERAGE), sentences are ranked by coverage plus
 * this share of their alignment: a list naming "CD44/CD24 … stem cell subsets" (coverage 0.51, alignment
 * 0.44) held the words of "CD24 ties chemoresistance to stemness" better than the sentence making it
 * ("a link between CD24 expression, chemotherapy resistance, and stem cell-like properties": 0.43, 0.64).
 * Ranking by coverage alone (0) found 42 of the tuning part's 54 claims; 0.3, 0.5 and 1 found 43. 0.5: at 1
 * the test part's claim precision fell 0.875 → 0.839 (near-ties of the wider sum), at 0.5 it held.
 */
const LITERAL_ALIGNMENT_WEIGHT = 0.5;
/** Share of the best match's rank score from which other sentences are shown beside it as near-ties. */
const CLAIM_NEAR_TIE = 0.95;
/**
 * …and from which the closest sentence that cites something follows a best match that cites nothing. Tuned on
 * the tuning part's claims and bench/claim-paraphrases.jsonl: found 31 → 32 of 43 at 0–0.8 (no more
 * false matches), 31 at 0.9.
 */
const CLAIM_CITING_RUNNER_UP = 0.8;
/** How many sentences ahead a citation may close a run of uncited sentences ("… developed X. This reduces Y (43)."). */
const CITATION_LOOKAHEAD = 2;
// "in the Nanoscale Advances review", "of the Guan paper": names a document, not part of the claim.
const DOCUMENT_PHRASE = /\s*\b(?:in|of|from|by)\s+(?:the\s+)?(?:[\p{L}\p{N}.'’-]+\s+){0,4}(?:review|paper|article)\b/giu;

/** `"The sentence" [n].` — the review's words in quotes, the marker outside them. */
function quote(sentence: string, n?: number): string {
  const text = sentence.replace(/\s*\t+\s*/g, "; ").replace(/\s+/g, " ").trim().replace(/[.;:,]+$/, "");
  return n === undefined ? `"${text}".` : `"${text}" [${n}].`;
}

/**
 * Why a document's citing sentences cannot be trusted to be complete, or null when they can: its
 * reference list could not be read, or none of its in-text citations resolved to the list. Then no
 * sentence is known to cite anything, and saying "cites no reference" would be wrong.
 */
function unlinkedReason(res: AnswerResources, docId: string): string | null {
  const doc = res.corpus.document(docId);
  if (!doc) return null;
  const label = documentLabel(res.corpus, docId);
  if (doc.references.length === 0) return `The citations of ${label} could not be linked to its reference list: no reference list could be read from it.`;
  if (doc.citationStats.resolved === 0) return `The citations of ${label} could not be linked to its reference list.`;
  return null;
}

/** "Reference 12" in a numbered paper; "Willett et al., 2021 (entry 141 of its list)" in an author–year one. */
function entryName(entry: ReferenceWithDoc): string {
  return entry.label ? `${entry.label} (entry ${entry.n} of its list)` : `reference ${entry.n}`;
}

/** Collects sources (one per chunk) and references (one per entry) in first-use order. */
class LookupAnswerBuilder {
  readonly sources: AnswerSource[] = [];
  readonly references: AnswerReference[] = [];
  private readonly referenceKeys = new Set<string>();

  constructor(
    private readonly res: AnswerResources,
    private readonly k: number,
  ) {}

  /** The source number of a chunk, adding it while there is room; undefined when full. */
  sourceOf(chunk: Chunk): number | undefined {
    const existing = this.sources.find((s) => s.id === chunk.id);
    if (existing) return existing.n;
    if (this.sources.length >= this.k) return undefined;
    const n = this.sources.length + 1;
    this.sources.push(sourceFromChunk(chunk, n, 1, this.res.corpus.document(chunk.docId)?.meta.title ?? chunk.docId));
    return n;
  }

  addReference(entry: ReferenceWithDoc): void {
    const key = `${entry.docId}#${entry.n}`;
    if (this.referenceKeys.has(key)) return;
    this.referenceKeys.add(key);
    this.references.push(toAnswerReference(entry));
  }

  /** ` It is cited in 3.2 Liposomes: "… (44)" [1].` — preferably where the text names its first author. */
  citedIn(entry: ReferenceWithDoc): string {
    const chunks = this.res.corpus.citingChunks(entry.docId, entry.n);
    const place = citingPlace(entry, chunks);
    if (!place) return ` ${unlinkedReason(this.res, entry.docId) ?? "No passage of the extracted text cites it."}`;
    const n = this.sourceOf(place.chunk);
    const more = chunks.length > 1 ? ` (${chunks.length - 1} more passage${chunks.length > 2 ? "s" : ""} cite it.)` : "";
    return ` It is cited in ${place.chunk.section}: ${quote(place.text, n)}${more}`;
  }

  result(answer: string, refused = false): LookupAnswer {
    return { answer: answer.trim(), refused, sources: this.sources, references: this.references };
  }
}

/**
 * Where a reference is cited, as a quotable text: the first citing sentence that names the entry's
 * first author ("Granja et al. developed …"), with the sentence before it when that one names them;
 * else the first citing sentence.
 */
function citingPlace(entry: ReferenceWithDoc, chunks: readonly Chunk[]): { chunk: Chunk; text: string } | undefined {
  const surnames = authorNameParts(entry.authors.slice(0, 1));
  const names = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => surnames.has(word));
  for (const chunk of chunks) {
    for (const [i, sentence] of chunk.sentences.entries()) {
      if (!sentence.refs.includes(entry.n)) continue;
      if (names(sentence.text)) return { chunk, text: sentence.text };
      const previous = chunk.sentences[i - 1];
      if (previous && previous.refs.length === 0 && names(previous.text)) return { chunk, text: `${previous.text.trim()} ${sentence.text.trim()}` };
    }
  }
  const chunk = chunks[0];
  if (!chunk) return undefined;
  return { chunk, text: chunk.sentences.find((s) => s.refs.includes(entry.n))?.text ?? chunk.text };
}

/** Documents the lookup is about: those the question names (within the filter), else the filter, else all. */
function lookupScope(res: AnswerResources, named: readonly string[], docs?: string[]): string[] {
  const wanted = named.filter((id) => !docs?.length || docs.includes(id));
  if (wanted.length) return wanted;
  return docs?.length ? docs : res.corpus.documents.map((doc) => doc.meta.id);
}

function entryLine(entry: ReferenceWithDoc): string {
  const text = entry.text.trim().replace(/\s+/g, " ");
  const link = entry.url && !text.includes(entry.url) ? ` ${entry.url}` : "";
  return `${text}${link}`;
}

function answerNumbers(res: AnswerResources, numbersOf: (docId: string) => number[], scope: string[], named: boolean, k: number): LookupAnswer {
  const out = new LookupAnswerBuilder(res, k);
  const lines: string[] = [];
  // Without a named review, only reviews that have the entry speak up.
  const docs = named || scope.length === 1 ? scope : scope.filter((docId) => numbersOf(docId).some((n) => res.corpus.reference(docId, n)));
  for (const docId of docs.length ? docs : scope) {
    const label = documentLabel(res.corpus, docId);
    const doc = res.corpus.document(docId)!;
    const highest = Math.max(0, ...doc.references.map((ref) => ref.n));
    if (doc.references.length === 0) {
      lines.push(unlinkedReason(res, docId)!);
      continue;
    }
    for (const n of numbersOf(docId)) {
      const entry = res.corpus.reference(docId, n);
      if (!entry) {
        const why = doc.missingReferenceNumbers.includes(n)
          ? "the number is missing from its printed list"
          : `its list runs from 1 to ${highest}`;
        lines.push(`${label} has no reference ${n} (${why}).`);
        continue;
      }
      out.addReference(entry);
      const name = entry.label ? ` (${entry.label})` : "";
      lines.push(`Reference ${n} of ${label}${name}: ${entryLine(entry)}${out.citedIn(entry)}`);
    }
  }
  return out.result(lines.join("\n"), out.references.length === 0);
}

function answerAuthor(res: AnswerResources, author: string, scope: string[], k: number): LookupAnswer {
  const out = new LookupAnswerBuilder(res, k);
  const all = res.bibliography.byAuthor(author, scope);
  const name = author.toLowerCase();
  // First-author entries are what "cites Granja" means; co-authorships only when there are none.
  const first = all.filter((entry) => entry.authors[0]?.toLowerCase().includes(name));
  const entries = (first.length ? first : all).slice(0, 10);
  if (entries.length === 0) return out.result(noEntry(res, scope, `by ${author}`), true);
  const lines = entries.map((entry) => {
    out.addReference(entry);
    return `${documentLabel(res.corpus, entry.docId)} lists ${author} as ${entryName(entry)}: ${entryLine(entry)}${out.citedIn(entry)}`;
  });
  const rest = (first.length ? first : all).length - entries.length;
  if (rest > 0) lines.push(`…and ${rest} more entries.`);
  return out.result(lines.join("\n"));
}

/** "The reference list of X has no entry by Smith." — or why no list could be searched. */
function noEntry(res: AnswerResources, scope: string[], what: string): string {
  const unread = scope.filter((docId) => res.corpus.document(docId)?.references.length === 0);
  const read = scope.filter((docId) => !unread.includes(docId));
  const lines = unread.map((docId) => unlinkedReason(res, docId)!);
  if (read.length) {
    const where = read.map((docId) => documentLabel(res.corpus, docId)).join(" and ");
    lines.unshift(`The reference list${read.length > 1 ? "s" : ""} of ${where} ha${read.length > 1 ? "ve" : "s"} no entry ${what}.`);
  }
  return lines.join(" ");
}

/** "What is Smith et al. 2020?": the entries each named work resolves to, in every list in scope. */
function answerWorks(res: AnswerResources, works: AuthorYearWork[], scope: string[], k: number): LookupAnswer {
  const out = new LookupAnswerBuilder(res, k);
  const lines: string[] = [];
  const missing: string[] = [];
  for (const work of works) {
    const printed = `${work.surname}${work.coAuthor ? ` and ${work.coAuthor}` : work.etAl ? " et al." : ""} ${work.year ?? ""}${work.suffix}`.trim();
    let found = false;
    for (const docId of scope) {
      const doc = res.corpus.document(docId);
      if (!doc) continue;
      for (const n of matchAuthorYearEntries(doc.references).resolve(work)) {
        const entry = res.corpus.reference(docId, n);
        if (!entry) continue;
        found = true;
        out.addReference(entry);
        const as = entry.label ? entryName(entry) : `${printed} as ${entryName(entry)}`;
        lines.push(`${documentLabel(res.corpus, docId)} cites ${as}: ${entryLine(entry)}${out.citedIn(entry)}`);
      }
    }
    if (!found) missing.push(printed);
  }
  if (missing.length) lines.push(noEntry(res, scope, `for ${missing.join(", ")}`));
  return out.result(lines.join("\n"), out.references.length === 0);
}

interface ClaimCandidate extends AlignedSentence {
  /** The sentence that prints the citation: the claim itself, or one shortly after it. */
  citing?: IndexedSentence;
}

/**
 * The candidates, best match first, and the score they are ranked by. A sentence that holds the claim's
 * words (CLAIM_MIN_COVERAGE) is the claim, whatever the embeddings say (a short table row embeds closer
 * to a short claim than the sentence naming its drug): then coverage ranks, and among sentences holding
 * about as many of its words the alignment decides (LITERAL_ALIGNMENT_WEIGHT). Else the best alignment
 * (`orderScore`, as `alignClaim` sorted them).
 */
export function rankClaimMatches<T extends Pick<AlignedSentence, "coverage" | "score">>(candidates: readonly T[]): { literal: boolean; rankOf: (c: T) => number; matches: T[] } {
  const literal = candidates.some((c) => c.coverage >= CLAIM_MIN_COVERAGE);
  const rankOf = literal ? (c: T) => c.coverage + LITERAL_ALIGNMENT_WEIGHT * c.score : (c: T) => c.score;
  const matches = literal ? [...candidates].sort((a, b) => rankOf(b) - rankOf(a) || b.score - a.score) : [...candidates];
  return { literal, rankOf, matches };
}

/** The claim is what was said in the previous turns when the question only points back at it. */
function claimText(claim: string, history: ChatTurn[] | undefined): string {
  if (claim) return claim.replace(DOCUMENT_PHRASE, " ").trim();
  const recent = (history ?? []).slice(-2).map((turn) => turn.content.replace(/\[\d[\d,\s–-]*\]/g, ""));
  return recent.join(" ").trim();
}

/**
 * Entity names in the claim the corpus never prints ("CAR-T", "PROTAC", "BRCA3"): capitalised or
 * mixing letters and digits. Long lowercase words, which the refusal check also counts as names, are
 * left out: a paraphrase is worded in everyday words the reviews need not use ("strengthens").
 */
function foreignEntities(claim: string, res: AnswerResources): string[] {
  return foreignNames(claim, res.sentences, res.citedVocabulary).filter((word) => /\p{Lu}|\p{L}.*\d|\d.*\p{L}/u.test(word));
}

/**
 * How closely the best sentence matches the claim: a literal match (or a high alignment) is strong,
 * an alignment above the floor partial, anything less not found (undefined).
 */
export async function claimMatchStrength(
  best: Pick<AlignedSentence, "coverage" | "score" | "passageRank">,
  literal: boolean,
  foreign: readonly string[],
  foreignTopic: () => Promise<readonly string[]>,
): Promise<ClaimMatchStrength | undefined> {
  if (literal && best.coverage >= CLAIM_STRONG_COVERAGE) return "strong";
  if (literal) return best.score >= CLAIM_STRONG_ALIGNMENT ? "strong" : best.score >= CLAIM_MIN_LITERAL_ALIGNMENT ? "partial" : undefined;
  // A claim about something the reviews never name is not theirs, however close the rest of it reads;
  // nor is one whose closest sentence the search itself ranks low.
  if (foreign.length > 0 || best.passageRank > CLAIM_MAX_PASSAGE_RANK) return undefined;
  if (best.score >= CLAIM_STRONG_ALIGNMENT) return "strong";
  // A plain topic word the reviews never print ("aspirin", "endometrial") allows no partial match.
  return best.score >= CLAIM_MIN_ALIGNMENT && (await foreignTopic()).length === 0 ? "partial" : undefined;
}

async function answerClaim(res: AnswerResources, claim: string, scope: string[], k: number): Promise<LookupAnswer> {
  const out = new LookupAnswerBuilder(res, k);
  const terms = questionTerms(claim);
  const results = terms.size ? await res.search.search(claim, { k: Math.max(k, 8), docs: scope }) : [];
  const candidates: ClaimCandidate[] = (await alignClaim(res, claim, terms, results)).map((aligned) => {
    const sentences = res.sentences.sentencesOf(aligned.chunk.id);
    const i = aligned.sentence.index;
    return { ...aligned, citing: sentences.slice(i, i + 1 + CITATION_LOOKAHEAD).find((s) => s.sentence.refs.length > 0) };
  });
  const { literal, rankOf, matches } = rankClaimMatches(candidates);
  const best = matches[0];
  const foreign = foreignEntities(claim, res);
  // A topic word whose own nearest passage is the matched one names what that passage says in other
  // words ("harvests" for yields); one nearest to another passage names a topic of its own.
  const nearest = new Map<string, string | undefined>();
  const nearestCosine = async (word: string) => {
    const [hit] = await res.search.search(word, { k: 1, docs: scope, mode: "dense" });
    nearest.set(word, hit?.id);
    return hit?.score ?? 0;
  };
  const foreignTopic = async () =>
    (await foreignTopicWords(claim, res.sentences, res.citedVocabulary, foreign, nearestCosine)).filter((word) => nearest.get(word) !== best?.chunk.id);
  const strength = best && (await claimMatchStrength(best, literal, foreign, foreignTopic));
  if (!best || !strength) {
    return out.result("I could not find this claim in the reviews, so I cannot say which references support it.", true);
  }
  // Near-ties (the same claim made twice) are both shown. When none of them cites anything, the
  // closest sentence that does follows: the user asked for references.
  const nearTies: ClaimCandidate[] = [];
  for (const m of matches) {
    if (nearTies.length === 2 || rankOf(m) < rankOf(best) * CLAIM_NEAR_TIE) break;
    // Adjacent sentences share their neighbour credit (align-claim.ts): a tie between them is one claim, not the claim made twice.
    if (m.citing && !nearTies.some((t) => t.chunk.id === m.chunk.id && Math.abs(t.sentence.index - m.sentence.index) <= 1)) nearTies.push(m);
  }
  const chosen = nearTies.length ? nearTies : [best];
  const runnerUp = best.citing ? undefined : matches.find((m) => m.citing && rankOf(m) >= rankOf(best) * CLAIM_CITING_RUNNER_UP);
  if (!chosen.some((m) => m.citing) && runnerUp) chosen.push(runnerUp);
  const lines: string[] = [];
  const alignment = best.score.toFixed(2);
  if (strength === "partial") {
    lines.push(`No sentence makes exactly this claim; the closest match (partial, alignment ${alignment}) is below. Check that it says what you mean.`);
  } else if (!literal) {
    lines.push(`The closest match (strong, alignment ${alignment}) words the claim differently:`);
  }
  for (const match of chosen) {
    const makes = strength === "strong" && match !== runnerUp ? "makes this claim" : "comes closest";
    const label = documentLabel(res.corpus, match.chunk.docId);
    const n = out.sourceOf(match.chunk)!;
    const quoted = quote(match.sentence.sentence.text, n);
    if (!match.citing) {
      const unlinked = unlinkedReason(res, match.chunk.docId);
      lines.push(
        unlinked
          ? `${label} ${makes} in ${match.chunk.section}: ${quoted} ${unlinked} Which references it cites is unknown.`
          : `${label} ${makes} in ${match.chunk.section} without citing a reference: ${quoted}`,
      );
      continue;
    }
    const entries = match.citing.sentence.refs
      .map((ref) => res.corpus.reference(match.chunk.docId, ref))
      .filter((entry): entry is ReferenceWithDoc => entry !== undefined);
    for (const entry of entries) out.addReference(entry);
    // The sentence that carries the citation is quoted too: a claim often joins the two (align-claim.ts).
    const following = res.sentences
      .sentencesOf(match.chunk.id)
      .slice(match.sentence.index + 1, match.citing.index + 1)
      .map((s) => s.sentence.text.trim())
      .join(" ");
    const where = match.citing === match.sentence ? "" : ` (the citation closes the following sentence: ${quote(following).slice(0, -1)})`;
    // An author–year paper's entries go by the labels its text prints: "Smith et al., 2020".
    const labelled = entries.length > 0 && entries.every((entry) => entry.label);
    const cited = labelled ? entries.map((entry) => entry.label).join("; ") : `reference${entries.length > 1 ? "s" : ""} ${match.citing.sentence.refs.join(", ")}`;
    lines.push(
      `${label} ${makes} in ${match.chunk.section}: ${quoted} It cites ${cited}${where}:`,
      ...entries.map((entry) => `${labelled ? `${entry.label}:` : `${entry.n}.`} ${entryLine(entry)}`),
    );
  }
  return { ...out.result(lines.join("\n")), match: { strength, score: Number(best.score.toFixed(3)) } };
}

/** A sentence on the topic must hold this share of its weighted terms (and TOPIC_NEAR_BEST of the best one's). */
const TOPIC_MIN_COVERAGE = 0.5;
const TOPIC_NEAR_BEST = 0.8;
/** Most citing sentences listed for a topic. */
const TOPIC_MAX_SENTENCES = 6;

/**
 * The references cited on a topic ("which references does the Guan review cite on liposomes?"): the citing
 * sentences of the passages found for it that hold the topic's words, each with the entries it cites, in
 * the order the search ranked their passages.
 */
async function answerTopic(res: AnswerResources, asked: string, scope: string[], k: number): Promise<LookupAnswer> {
  const out = new LookupAnswerBuilder(res, k);
  const topic = asked.replace(DOCUMENT_PHRASE, " ").replace(/\s+/g, " ").trim();
  const terms = questionTerms(topic);
  const results = terms.size ? await res.search.search(topic, { k: Math.max(k, 8), docs: scope }) : [];
  // A sentence on the topic is cited by its own references or by those closing its run ("… developed X. This reduces Y (43).").
  const citing = results.flatMap((result) => {
    const sentences = res.sentences.sentencesOf(result.id);
    return sentences.flatMap((sentence, i) => {
      const cites = sentences.slice(i, i + 1 + CITATION_LOOKAHEAD).find((s) => s.sentence.refs.length > 0);
      return cites ? [{ chunk: res.corpus.chunk(result.id)!, sentence: cites, coverage: res.sentences.coverage(terms, sentence.terms) }] : [];
    });
  });
  const best = Math.max(0, ...citing.map((c) => c.coverage));
  const onTopic = citing.filter((c) => c.coverage >= TOPIC_MIN_COVERAGE && c.coverage >= best * TOPIC_NEAR_BEST);
  const chosen = onTopic.filter((c, i) => onTopic.findIndex((other) => other.sentence === c.sentence) === i).slice(0, TOPIC_MAX_SENTENCES);
  if (chosen.length === 0) return out.result(`I found no sentence in the reviews that cites a reference on ${topic}.`, true);
  const lines: string[] = [];
  for (const { chunk, sentence } of chosen) {
    const entries = sentence.sentence.refs
      .map((ref) => res.corpus.reference(chunk.docId, ref))
      .filter((entry): entry is ReferenceWithDoc => entry !== undefined);
    const n = out.sourceOf(chunk);
    for (const entry of entries) out.addReference(entry);
    const labelled = entries.length > 0 && entries.every((entry) => entry.label);
    const cited = labelled ? entries.map((entry) => entry.label).join("; ") : `reference${sentence.sentence.refs.length > 1 ? "s" : ""} ${sentence.sentence.refs.join(", ")}`;
    lines.push(
      `${documentLabel(res.corpus, chunk.docId)}, ${chunk.section}: ${quote(sentence.sentence.text, n)} It cites ${cited}:`,
      ...entries.map((entry) => `${labelled ? `${entry.label}:` : `${entry.n}.`} ${entryLine(entry)}`),
    );
  }
  return out.result(lines.join("\n"));
}

/**
 * Answer a citation question. Returns null when it cannot be one after all (a claim that points back
 * at a conversation that is not there).
 *
 * @example
 * await answerCitationLookup({ kind: "numbers", numbers: [44] }, "what is reference 44 in the Guan review", res, { k: 6 });
 * // → references: [{ docId: "guan2024", n: 44, doi: "10.1016/j.ijpharm.2023.123163", … }]
 */
export async function answerCitationLookup(
  intent: CitationLookupIntent,
  question: string,
  res: AnswerResources,
  options: LookupOptions,
): Promise<LookupAnswer | null> {
  const mentioned = res.mentions.find(question);
  const excluded = mentioned.filter((id) => options.docs?.length && !options.docs.includes(id));
  if (mentioned.length && excluded.length === mentioned.length) {
    // Answering from another review than the one asked about would mislead.
    const names = excluded.map((id) => documentLabel(res.corpus, id)).join(" and ");
    return { answer: `${names} ${excluded.length > 1 ? "are" : "is"} not among the selected documents.`, refused: true, sources: [], references: [] };
  }
  const named = mentioned.length > 0;
  const scope = lookupScope(res, mentioned, options.docs);
  switch (intent.kind) {
    case "numbers":
      return answerNumbers(res, () => intent.numbers, scope, named, options.k);
    case "last":
      return answerNumbers(
        res,
        (docId) => [Math.max(0, ...(res.corpus.document(docId)?.references.map((ref) => ref.n) ?? []))],
        scope,
        true,
        options.k,
      );
    case "author":
      return answerAuthor(res, intent.author, scope, options.k);
    case "works":
      return answerWorks(res, intent.works, scope, options.k);
    case "topic":
      return answerTopic(res, intent.topic, scope, options.k);
    case "claim": {
      const claim = claimText(intent.claim, options.history);
      if (!claim) return null;
      return answerClaim(res, claim, scope, options.k);
    }
  }
}
