// Align a claim with the sentences of the passages retrieved for it, by meaning as well as by words:
// a user paraphrases the claim ("shed their stickiness and start to migrate"), so the sentence that
// makes it may share few of its terms. Each sentence is scored by idf-weighted term coverage both
// ways and by the embedding similarity of its sentence window to the claim, combined into one score.
// A claim often paraphrases two adjacent sentences, and puts the reviews' terms in everyday words, so
// the claim→sentence coverage also reads the sentence's neighbours and weighs everyday words the corpus
// never prints no more than the claim's rarest known term.
import type { Chunk, SearchResult } from "../types.ts";
import type { AnswerResources } from "./answer-resources.ts";
import { isCommonWord } from "./common-words.ts";
import { type QuestionTerms, contentTerms } from "./question-terms.ts";
import { weighParaphrase } from "./refusal.ts";
import type { IndexedSentence, SentenceIndex } from "./sentence-index.ts";

export interface AlignedSentence {
  chunk: Chunk;
  sentence: IndexedSentence;
  /** Rank of the sentence's passage among those retrieved for the claim, from 0. */
  passageRank: number;
  /** Share of the claim's weighted terms found in the sentence: the literal match. */
  coverage: number;
  /**
   * Share found in the sentence or, discounted by `ALIGNMENT.neighbourCredit`, in it and its neighbours
   * in the paragraph, with everyday words the corpus never prints weighed down (`layTerms`).
   */
  alignedCoverage: number;
  /** Share of the sentence's weighted terms found in the claim: how much of it the claim says. */
  reverseCoverage: number;
  /** Cosine similarity of the claim to the sentence's window; undefined when the retriever embeds nothing. */
  similarity?: number;
  /** Lexical and embedding evidence combined, in [0, 1]. */
  score: number;
  /** `score` less `ALIGNMENT.passageRankPrior` of it per rank of the passage: what sentences are ordered by. */
  orderScore: number;
}

/**
 * How the evidence is combined. Tuned on the tuning part's claim and lookup items and on
 * bench/claim-paraphrases.jsonl (BENCHMARKS.md, "Claim lookups by meaning"): USE-lite gives a ≤ 60-word
 * window 0.6–0.8 cosine with most claims of its field, so the cosine is rescaled from its floor, and
 * the words decide among the sentences of one window.
 *
 * Measured and not adopted (43 claims of the tuning part and the paraphrases, 12 claims the reviews do
 * not make): crediting a short sentence with more of its window's excess similarity over the claim's
 * mean similarity to the corpus, or scoring each sentence by its own USE-lite vector (embedded offline
 * for the test; 591 sentences cost 1.6× the 284 windows' CPU), ranks the right sentence first more
 * often but finds no more claims at the same number of false matches: absent claims' best sentences
 * align at 0.60–0.65, as high as many paraphrases' right ones.
 */
export const ALIGNMENT = {
  /** Weight of the claim → sentence coverage within the lexical score (the rest: sentence → claim). */
  forwardWeight: 0.7,
  /** Weight of the lexical score in the combined score (the rest: embedding similarity). */
  lexicalWeight: 0.5,
  /** Window cosine mapped linearly to [0, 1] between these two values. */
  similarityFloor: 0.3,
  similarityCeiling: 0.8,
  /** Credit for claim terms found only in the sentence before or after (claims often join two sentences). */
  neighbourCredit: 0.85,
  /**
   * Share of a sentence's score given up per rank of its passage in the claim's search, so that of two
   * near-equal alignments the one the search found first wins (the search's rank as a prior). 0.02 put
   * one more of bench/claim-paraphrases.jsonl's paraphrases first and changed nothing on the tuning
   * part; 0.03 lost a tuning claim: a narrow, one-item gain.
   */
  passageRankPrior: 0.02,
} as const;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The window cosine rescaled to [0, 1] between the floor and the ceiling. */
export function similarityScore(similarity: number): number {
  return clamp01((similarity - ALIGNMENT.similarityFloor) / (ALIGNMENT.similarityCeiling - ALIGNMENT.similarityFloor));
}

/** The combined score of one sentence; without a similarity, the lexical score alone. */
export function alignmentScore(coverage: number, reverseCoverage: number, similarity?: number): number {
  const lexical = ALIGNMENT.forwardWeight * coverage + (1 - ALIGNMENT.forwardWeight) * reverseCoverage;
  if (similarity === undefined) return lexical;
  return ALIGNMENT.lexicalWeight * lexical + (1 - ALIGNMENT.lexicalWeight) * similarityScore(similarity);
}

/**
 * The claim's everyday words (common-words.ts) that neither the corpus's sentences nor the titles it
 * cites print: a reader's paraphrase ("leaky", "pile up", "mend") rather than the claim's topic. Unknown
 * terms weigh most in coverage, so each is weighed like the claim's rarest known term instead
 * (`weighParaphrase`, as the refusal check does).
 */
export function layTerms(claim: string, terms: QuestionTerms, index: SentenceIndex, citedVocabulary: ReadonlySet<string>): Set<string> {
  const lay = new Set<string>();
  for (const word of claim.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!isCommonWord(word)) continue;
    for (const term of contentTerms(word)) if (terms.has(term) && !index.knows(term) && !citedVocabulary.has(term)) lay.add(term);
  }
  return lay;
}

/** Term weights of a sentence read as a query, built once per sentence (coverage caches by identity). */
const sentenceQueries = new WeakMap<IndexedSentence, QuestionTerms>();
function asQuery(sentence: IndexedSentence): QuestionTerms {
  let terms = sentenceQueries.get(sentence);
  if (!terms) {
    terms = new Map([...sentence.terms].map((term) => [term, 1]));
    sentenceQueries.set(sentence, terms);
  }
  return terms;
}

/**
 * The similarity of each sentence's window: windows hold consecutive sentences in order, so each
 * sentence takes the first window from the current one on whose text contains it.
 */
function sentenceSimilarities(sentences: readonly IndexedSentence[], windows: readonly { text: string; similarity: number }[]): (number | undefined)[] {
  let w = 0;
  return sentences.map(({ sentence }) => {
    const text = sentence.text.trim();
    const at = windows.findIndex((window, i) => i >= w && window.text.includes(text));
    if (at >= 0) w = at;
    return windows[at >= 0 ? at : w]?.similarity;
  });
}

/**
 * Every sentence of the retrieved passages, best aligned with the claim first (`orderScore`).
 *
 * @example
 * const [best] = await alignClaim(res, "EMT makes epithelial cells motile", questionTerms(claim), results);
 * best.score; // 0.71
 */
export async function alignClaim(
  res: Pick<AnswerResources, "corpus" | "sentences" | "search" | "citedVocabulary">,
  claim: string,
  terms: QuestionTerms,
  results: readonly SearchResult[],
): Promise<AlignedSentence[]> {
  const chunks = results.map((result) => res.corpus.chunk(result.id)).filter((chunk): chunk is Chunk => chunk !== undefined);
  const windows = (await res.search.windowSimilarities?.(claim, chunks.map((chunk) => chunk.id))) ?? new Map();
  // Read the way sentences are, so "SLNs" in a sentence meets "solid lipid nanoparticles" in the claim.
  // Per document: each paper's own abbreviations expand the claim's short forms.
  const claimTermsByDoc = new Map<string, Set<string>>();
  const weighted = weighParaphrase(terms, layTerms(claim, terms, res.sentences, res.citedVocabulary), res.sentences);
  const aligned: AlignedSentence[] = [];
  for (const [passageRank, chunk] of chunks.entries()) {
    let claimTerms = claimTermsByDoc.get(chunk.docId);
    if (!claimTerms) claimTermsByDoc.set(chunk.docId, (claimTerms = new Set([...terms.keys(), ...res.sentences.termsOf(claim, chunk.docId)])));
    const sentences = res.sentences.sentencesOf(chunk.id);
    const similarities = sentenceSimilarities(sentences, windows.get(chunk.id) ?? []);
    for (const [i, sentence] of sentences.entries()) {
      const neighbours = [sentences[i - 1], sentences[i + 1]].flatMap((s) => (s ? [s.terms] : []));
      aligned.push(scoreSentence(res.sentences, { chunk, passageRank, sentence, neighbours }, { terms, weighted, claimTerms }, similarities[i]));
    }
  }
  return aligned.sort((a, b) => b.orderScore - a.orderScore);
}

interface Place {
  chunk: Chunk;
  passageRank: number;
  sentence: IndexedSentence;
  /** Terms of the sentences before and after it in the same passage. */
  neighbours: Set<string>[];
}

interface ClaimTerms {
  terms: QuestionTerms;
  /** `terms` with everyday words the corpus never prints weighed down. */
  weighted: QuestionTerms;
  /** The claim's terms as its document reads them (abbreviations expanded). */
  claimTerms: Set<string>;
}

function scoreSentence(index: SentenceIndex, place: Place, claim: ClaimTerms, similarity: number | undefined): AlignedSentence {
  const { sentence } = place;
  const coverage = index.coverage(claim.terms, sentence.terms);
  const alignedCoverage = Math.max(
    index.coverage(claim.weighted, sentence.terms),
    ALIGNMENT.neighbourCredit * index.coverage(claim.weighted, sentence.terms, ...place.neighbours),
  );
  const reverseCoverage = index.coverage(asQuery(sentence), claim.claimTerms);
  const score = alignmentScore(alignedCoverage, reverseCoverage, similarity);
  const orderScore = score * (1 - ALIGNMENT.passageRankPrior * place.passageRank);
  return { chunk: place.chunk, passageRank: place.passageRank, sentence, coverage, alignedCoverage, reverseCoverage, similarity, score, orderScore };
}
