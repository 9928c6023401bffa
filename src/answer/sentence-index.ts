// Sentence terms precomputed once per loaded index, so answering a question only intersects sets.
// A sentence's terms include the long forms of the abbreviations it uses ("SLN-DTX" → solid lipid
// nanoparticles, docetaxel) and the abbreviations of long forms it spells out.
import type { Chunk, Sentence } from "../types.ts";
import type { AbbreviationTerms } from "./abbreviations.ts";
import { type QuestionTerms, contentTerms } from "./question-terms.ts";

export interface IndexedSentence {
  chunkId: string;
  /** Position of the sentence inside its chunk. */
  index: number;
  sentence: Sentence;
  terms: Set<string>;
}

/** Credit for a term matched only by a shared stem prefix ("synergi" ~ "synergist", "retrovir" ~ "retrovirus"). */
export const PREFIX_MATCH_CREDIT = 0.7;
const MIN_PREFIX = 5;

/** "synergi" and "synergist" name one thing: they share all but at most one letter of the shorter term. */
function prefixMatches(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_PREFIX || /\d/.test(a) || /\d/.test(b)) return false;
  let shared = 0;
  while (shared < shorter && a[shared] === b[shared]) shared++;
  return shared >= MIN_PREFIX && shared >= shorter - 1;
}

export class SentenceIndex {
  private readonly byChunk = new Map<string, IndexedSentence[]>();
  private readonly chunkTerms = new Map<string, Set<string>>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly variants = new Map<string, string[]>();
  private sentenceCount = 0;

  private readonly abbreviations: ReadonlyMap<string, AbbreviationTerms>;
  private readonly longForms: AbbreviationTerms[];

  constructor(chunks: readonly Chunk[], abbreviations: ReadonlyMap<string, AbbreviationTerms> = new Map()) {
    this.abbreviations = abbreviations;
    this.longForms = [...abbreviations.values()];
    for (const chunk of chunks) {
      // A chunk without sentence records (should not happen, but old indexes may) reads as one sentence.
      const sentences: Sentence[] = chunk.sentences.length
        ? chunk.sentences
        : [{ text: chunk.text, refs: chunk.refs, start: chunk.start, end: chunk.end }];
      const indexed = sentences.map((sentence, index) => {
        const terms = this.expand(new Set(contentTerms(sentence.text)));
        for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        return { chunkId: chunk.id, index, sentence, terms };
      });
      this.sentenceCount += indexed.length;
      this.byChunk.set(chunk.id, indexed);
      this.chunkTerms.set(chunk.id, new Set(indexed.flatMap((s) => [...s.terms])));
    }
  }

  /** Add the long forms of abbreviations present, and the abbreviations of long forms spelled out. */
  private expand(terms: Set<string>): Set<string> {
    for (const term of [...terms]) for (const t of this.abbreviations.get(term)?.expansion ?? []) terms.add(t);
    for (const abbr of this.longForms) if (abbr.expansion.every((t) => terms.has(t))) terms.add(abbr.term);
    return terms;
  }

  sentencesOf(chunkId: string): IndexedSentence[] {
    return this.byChunk.get(chunkId) ?? [];
  }

  termsOfChunk(chunkId: string): Set<string> {
    return this.chunkTerms.get(chunkId) ?? new Set();
  }

  /** Terms of any text, read the way sentences are (abbreviations expanded). */
  termsOf(text: string): Set<string> {
    return this.expand(new Set(contentTerms(text)));
  }

  /** Sentence-level inverse document frequency; unseen terms weigh most. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.sentenceCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Share of the question's weight (idf × the term's own weight) found in any of `sets`, in [0, 1];
   * a term found only by a shared stem prefix counts `PREFIX_MATCH_CREDIT`.
   */
  coverage(question: QuestionTerms, ...sets: Set<string>[]): number {
    let total = 0;
    let matched = 0;
    for (const [term, own] of question) {
      const weight = own * this.idf(term);
      total += weight;
      if (sets.some((set) => set.has(term))) {
        matched += weight;
      } else if (this.variantsOf(term).some((variant) => sets.some((set) => set.has(variant)))) {
        matched += weight * PREFIX_MATCH_CREDIT;
      }
    }
    return total === 0 ? 0 : matched / total;
  }

  /** Corpus terms sharing a stem prefix with `term`, found once per term over the vocabulary. */
  private variantsOf(term: string): string[] {
    let variants = this.variants.get(term);
    if (!variants) {
      variants = [];
      for (const other of this.documentFrequency.keys()) if (other !== term && prefixMatches(term, other)) variants.push(other);
      // Question terms are unbounded; the vocabulary's own terms are not.
      if (this.variants.size > 50_000) this.variants.clear();
      this.variants.set(term, variants);
    }
    return variants;
  }

  /** Is the term known anywhere in the corpus? */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }
}
