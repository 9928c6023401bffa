// Sentence terms precomputed once per loaded index, so answering a question only intersects sets.
// A sentence's terms include the long forms of the abbreviations it uses ("SLN-DTX" → solid lipid
// nanoparticles, docetaxel) and the abbreviations of long forms it spells out, as its own document
// defines them.
import type { Chunk, Sentence } from "../types.ts";
import type { AbbreviationMap, AbbreviationTerms } from "./abbreviations.ts";
import { type QuestionTerms, contentTerms } from "./question-terms.ts";

export interface IndexedSentence {
  chunkId: string;
  /** Position of the sentence inside its chunk. */
  index: number;
  sentence: Sentence;
  terms: Set<string>;
}

/** Credit for a term matched only by a shared stem prefix ("synergi" ~ "synergist", "retrovir" ~ "retrovirus") or root (`rootForm`). */
export const PREFIX_MATCH_CREDIT = 0.7;
const MIN_PREFIX = 5;

/** "synergi" and "synergist" name one thing: they share all but at most one letter of the shorter term. */
export function prefixMatches(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_PREFIX || /\d/.test(a) || /\d/.test(b)) return false;
  let shared = 0;
  while (shared < shorter && a[shared] === b[shared]) shared++;
  return shared >= MIN_PREFIX && shared >= shorter - 1;
}

/**
 * One root in its two Latinate stem forms (Aronoff 1976, "Word Formation in Generative Grammar", ch. 5: the
 * verb's stem and the supine stem its nouns and adjectives are built on): invade / invasion, decide /
 * decision, include / inclusion, extend / extension, adhere / adhesion, permit / permission; and a verb
 * and its noun in -ure (fail / failure, expose / exposure). A question's verb ("How do tumour cells invade?")
 * meets the reviews' nominalisation ("invasion"), which shares too short a prefix to be a prefix variant.
 * Read on Porter stems: "invad", "invas".
 */
export function rootForm(stem: string): string {
  if (stem.length < MIN_PREFIX || /\d/.test(stem)) return stem;
  return stem
    .replace(/^(.{2,}[aeiou])d$/, "$1s")
    .replace(/^(.{3,})nd$/, "$1ns")
    .replace(/^(.{2,})her$/, "$1hes")
    .replace(/^(.{2,})mit$/, "$1miss")
    .replace(/^(.{4,})ur$/, "$1");
}

interface WeightedTerms {
  terms: { term: string; weight: number }[];
  total: number;
}

export class SentenceIndex {
  private readonly byChunk = new Map<string, IndexedSentence[]>();
  private readonly chunkTerms = new Map<string, Set<string>>();
  /** Term → the chunks holding it: a check over "the rest of the corpus" reads only these (posting lists). */
  private readonly chunksByTerm = new Map<string, string[]>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly variants = new Map<string, string[]>();
  private readonly parts = new Map<string, readonly [string, string] | undefined>();
  /** Vocabulary by its first MIN_PREFIX letters, built on first use. */
  private prefixBuckets?: Map<string, string[]>;
  private rootBuckets?: Map<string, string[]>;
  private readonly weighted = new WeakMap<QuestionTerms, WeightedTerms>();
  private sentenceCount = 0;

  /** The abbreviations read in each document's sentences (see `DocumentAbbreviations`). */
  private readonly abbreviations: { of(docId: string): AbbreviationMap };
  private readonly longForms = new Map<string, AbbreviationTerms[]>();

  constructor(chunks: readonly Chunk[], abbreviations: { of(docId: string): AbbreviationMap } = { of: () => new Map() }) {
    this.abbreviations = abbreviations;
    for (const chunk of chunks) {
      // A chunk without sentence records (should not happen, but old indexes may) reads as one sentence.
      const sentences: Sentence[] = chunk.sentences.length
        ? chunk.sentences
        : [{ text: chunk.text, refs: chunk.refs, start: chunk.start, end: chunk.end }];
      const indexed = sentences.map((sentence, index) => {
        const terms = this.expand(new Set(contentTerms(sentence.text)), chunk.docId);
        for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        return { chunkId: chunk.id, index, sentence, terms };
      });
      this.sentenceCount += indexed.length;
      this.byChunk.set(chunk.id, indexed);
      const chunkTerms = new Set(indexed.flatMap((s) => [...s.terms]));
      this.chunkTerms.set(chunk.id, chunkTerms);
      for (const term of chunkTerms) {
        const holders = this.chunksByTerm.get(term);
        if (holders) holders.push(chunk.id);
        else this.chunksByTerm.set(term, [chunk.id]);
      }
    }
  }

  /** Add the long forms of abbreviations present, and the abbreviations of long forms spelled out, as `docId` defines them. */
  private expand(terms: Set<string>, docId: string): Set<string> {
    const defined = this.abbreviations.of(docId);
    let longForms = this.longForms.get(docId);
    if (!longForms) this.longForms.set(docId, (longForms = [...defined.values()]));
    for (const term of [...terms]) for (const t of defined.get(term)?.expansion ?? []) terms.add(t);
    for (const abbr of longForms) if (abbr.expansion.every((t) => terms.has(t))) terms.add(abbr.term);
    return terms;
  }

  sentencesOf(chunkId: string): IndexedSentence[] {
    return this.byChunk.get(chunkId) ?? [];
  }

  termsOfChunk(chunkId: string): Set<string> {
    return this.chunkTerms.get(chunkId) ?? new Set();
  }

  /** Terms of any text of a document, read the way its sentences are (abbreviations expanded). */
  termsOf(text: string, docId: string): Set<string> {
    return this.expand(new Set(contentTerms(text)), docId);
  }

  /** Sentence-level inverse document frequency; unseen terms weigh most. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.sentenceCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Share of the question's weight (idf × the term's own weight) found in any of `sets`, in [0, 1];
   * a term found only by a shared stem prefix, or as two terms run together, counts `PREFIX_MATCH_CREDIT`.
   */
  coverage(question: QuestionTerms, ...sets: Set<string>[]): number {
    const words = this.weightedWords(question);
    let matched = 0;
    for (const { term, weight } of words.terms) matched += weight * this.credit(term, sets);
    return words.total === 0 ? 0 : matched / words.total;
  }

  /**
   * 1 when `term` is in one of `sets`, `PREFIX_MATCH_CREDIT` when only a variant of it is, or when a
   * term the corpus never prints is two corpus terms run together and both are there ("p27Kip1" ~
   * "p27 kip1": names of genes and proteins are written both ways), else 0.
   */
  private credit(term: string, sets: readonly Set<string>[]): number {
    const has = (t: string) => sets.some((set) => set.has(t));
    if (has(term)) return 1;
    if (this.variantsOf(term).some(has)) return PREFIX_MATCH_CREDIT;
    const parts = this.partsOf(term);
    return parts && parts.every(has) ? PREFIX_MATCH_CREDIT : 0;
  }

  /** An unknown term as two known ones run together (each ≥ 3 characters), found once per term. */
  private partsOf(term: string): readonly [string, string] | undefined {
    if (this.knows(term)) return undefined;
    if (!this.parts.has(term)) {
      let found: [string, string] | undefined;
      for (let i = 3; i <= term.length - 3 && !found; i++) {
        const [head, tail] = [term.slice(0, i), term.slice(i)];
        if (this.knows(head) && this.knows(tail)) found = [head, tail];
      }
      if (this.parts.size > 50_000) this.parts.clear();
      this.parts.set(term, found);
    }
    return this.parts.get(term);
  }

  /** The question's terms with their idf weights, worked out once per question: coverage runs per sentence. */
  private weightedWords(question: QuestionTerms): WeightedTerms {
    let words = this.weighted.get(question);
    if (!words) {
      const terms = [...question].map(([term, own]) => ({ term, weight: own * this.idf(term) }));
      words = { terms, total: terms.reduce((sum, t) => sum + t.weight, 0) };
      this.weighted.set(question, words);
    }
    return words;
  }

  /** Corpus terms sharing a stem prefix or a root (`rootForm`) with `term`, found once per term over the vocabulary. */
  private variantsOf(term: string): string[] {
    let variants = this.variants.get(term);
    if (!variants) {
      variants = [];
      // Variants share at least the first MIN_PREFIX letters, so only that bucket of the vocabulary is searched.
      for (const other of this.termsStartingAs(term)) if (other !== term && prefixMatches(term, other)) variants.push(other);
      for (const other of this.termsOfRoot(term)) if (other !== term && !variants.includes(other)) variants.push(other);
      // Question terms are unbounded; the vocabulary's own terms are not.
      if (this.variants.size > 50_000) this.variants.clear();
      this.variants.set(term, variants);
    }
    return variants;
  }

  private termsOfRoot(term: string): readonly string[] {
    if (!this.rootBuckets) {
      this.rootBuckets = new Map();
      for (const other of this.documentFrequency.keys()) {
        const root = rootForm(other);
        const bucket = this.rootBuckets.get(root);
        if (bucket) bucket.push(other);
        else this.rootBuckets.set(root, [other]);
      }
    }
    return this.rootBuckets.get(rootForm(term)) ?? [];
  }

  private termsStartingAs(term: string): readonly string[] {
    if (term.length < MIN_PREFIX) return [];
    if (!this.prefixBuckets) {
      this.prefixBuckets = new Map();
      for (const other of this.documentFrequency.keys()) {
        if (other.length < MIN_PREFIX) continue;
        const key = other.slice(0, MIN_PREFIX);
        const bucket = this.prefixBuckets.get(key);
        if (bucket) bucket.push(other);
        else this.prefixBuckets.set(key, [other]);
      }
    }
    return this.prefixBuckets.get(term.slice(0, MIN_PREFIX)) ?? [];
  }

  /**
   * The chunks where `coverage` can credit any of `terms`: those holding a term, a spelling variant of
   * it, or both halves of a term run together. Everything else covers none of them, so a scan of the
   * whole corpus for sentences about an entity need read only these (at 20,000 chunks a linear scan
   * cost ~200 ms per value question; BENCHMARKS.md, "Fifth session").
   */
  chunksMentioning(terms: Iterable<string>): Set<string> {
    const found = new Set<string>();
    const add = (term: string) => {
      for (const id of this.chunksByTerm.get(term) ?? []) found.add(id);
    };
    for (const term of terms) {
      add(term);
      for (const variant of this.variantsOf(term)) add(variant);
      const parts = this.partsOf(term);
      if (parts) {
        const second = new Set(this.chunksByTerm.get(parts[1]) ?? []);
        for (const id of this.chunksByTerm.get(parts[0]) ?? []) if (second.has(id)) found.add(id);
      }
    }
    return found;
  }

  /** Is the term known anywhere in the corpus? */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }
}
