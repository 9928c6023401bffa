// BM25 over chunks with an inverted index, built in memory at load (milliseconds for the two reviews)
// and scored over postings lists only. Optional evidence beyond the body text, each measured on the
// dev set (BENCHMARKS.md): the section heading as a weighted field (BM25F-style), a document's own
// abbreviations indexed under both forms, and reference numbers a question names.
import type { Chunk } from "../types.ts";
import { findAbbreviations } from "./abbreviations.ts";
import { foldText, tokenize } from "./tokenize.ts";

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation (0 = none, 1 = full). */
  b: number;
  /** Weight of the section heading's terms relative to the body's (0 = ignore headings). */
  sectionWeight: number;
  /**
   * Weight of abbreviation expansion (0 = off): where a document uses a short form it defines
   * ("TNBC"), the long form's terms are indexed too, and the other way round.
   */
  abbreviationWeight: number;
  /**
   * Weight of a reference number named in the question ("refs 21–23", "reference 45") matching a
   * chunk that cites it (0 = off).
   */
  refNumberWeight: number;
}

export const DEFAULT_BM25_PARAMS: Bm25Params = {
  k1: 1.2,
  b: 0.75,
  sectionWeight: 0,
  abbreviationWeight: 0,
  refNumberWeight: 0,
};

export type Bm25Document = Pick<Chunk, "text" | "section"> & Partial<Pick<Chunk, "docId" | "refs">>;

/** The term a cited reference number is indexed under; the tokenizer never emits "#". */
export const refTerm = (n: number) => `#ref${n}`;

// "ref 45", "refs. 21–23", "references 70 to 72", "reference 51 and 52", "citations 3, 4".
const REF_MENTION_RE = /\b(?:refs?\.?|references?|citations?)\s*((?:\d{1,4}(?:\s*(?:[-–—]|to|and|,|&)\s*)?)+)/gi;

/** Reference numbers a question names explicitly; ranges are expanded (at most 50 numbers). */
export function referenceNumbersIn(query: string): number[] {
  const numbers = new Set<number>();
  for (const match of query.matchAll(REF_MENTION_RE)) {
    const list = match[1]!;
    for (const part of list.split(/\s*(?:,|and|&)\s*/)) {
      const range = part.match(/(\d+)\s*(?:[-–—]|to)\s*(\d+)/);
      if (range) {
        const [from, to] = [Number(range[1]), Number(range[2])];
        for (let n = from; n <= to && to - from < 50; n++) numbers.add(n);
      } else {
        for (const n of part.match(/\d+/g) ?? []) numbers.add(Number(n));
      }
    }
  }
  return [...numbers].slice(0, 50);
}

const phraseText = (text: string) => ` ${foldText(text).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length - 1)) count++;
  return count;
}

interface Expansion {
  shortTerm: string;
  shortTerms: string[];
  longPhrase: string;
  longTerms: string[];
}

/** Abbreviations each document defines, prepared for matching against its chunks. */
function documentExpansions(chunks: readonly Bm25Document[]): Map<string, Expansion[]> {
  const textByDoc = new Map<string, string[]>();
  for (const chunk of chunks) {
    const key = chunk.docId ?? "";
    const texts = textByDoc.get(key);
    if (texts) texts.push(chunk.text);
    else textByDoc.set(key, [chunk.text]);
  }
  const out = new Map<string, Expansion[]>();
  for (const [docId, texts] of textByDoc) {
    const expansions: Expansion[] = [];
    for (const { short, long } of findAbbreviations(texts.join("\n\n"))) {
      const shortTerms = tokenize(short);
      const longTerms = tokenize(long);
      if (shortTerms.length === 0 || longTerms.length === 0) continue;
      expansions.push({ shortTerm: shortTerms[0]!, shortTerms, longPhrase: phraseText(long), longTerms });
    }
    out.set(docId, expansions);
  }
  return out;
}

export interface ScoredIndex {
  /** Position of the chunk in the array the index was built from. */
  index: number;
  score: number;
}

interface Postings {
  docs: Uint32Array;
  tfs: Float32Array;
  idf: number;
}

/** Query terms with their weights (repeated terms add up). */
export type WeightedTerms = Map<string, number>;

export class Bm25Index {
  readonly params: Bm25Params;
  readonly size: number;
  private readonly postings = new Map<string, Postings>();
  /** Per-document length normaliser k1·(1 − b + b·dl/avgdl), precomputed. */
  private readonly norm: Float32Array;

  private constructor(params: Bm25Params, norm: Float32Array) {
    this.params = params;
    this.size = norm.length;
    this.norm = norm;
  }

  /**
   * @example
   * const bm25 = Bm25Index.build(chunks, { k1: 1.2, b: 0.75 });
   * bm25.search("P-gp efflux", 10); // [{ index: 17, score: 9.3 }, …]
   */
  static build(chunks: readonly Bm25Document[], params: Partial<Bm25Params> = {}): Bm25Index {
    const p = { ...DEFAULT_BM25_PARAMS, ...params };
    const lengths = new Float32Array(chunks.length);
    const lists = new Map<string, { docs: number[]; tfs: number[] }>();
    const expansions = p.abbreviationWeight > 0 ? documentExpansions(chunks) : new Map<string, Expansion[]>();
    for (const [doc, chunk] of chunks.entries()) {
      const tf = new Map<string, number>();
      const body = tokenize(chunk.text);
      for (const term of body) tf.set(term, (tf.get(term) ?? 0) + 1);
      let length = body.length;
      const docExpansions = expansions.get(chunk.docId ?? "") ?? [];
      if (docExpansions.length > 0) {
        // Expansions add evidence but not length: a chunk is not penalised for its abbreviations.
        let phrase: string | undefined;
        const text = () => (phrase ??= phraseText(chunk.text));
        for (const e of docExpansions) {
          const shortCount = tf.get(e.shortTerm) ?? 0;
          // Scan the text for the long form only when the chunk has all its terms.
          const longCount = e.longTerms.every((term) => tf.has(term)) ? countOccurrences(text(), e.longPhrase) : 0;
          for (const term of e.longTerms) if (shortCount) tf.set(term, (tf.get(term) ?? 0) + p.abbreviationWeight * shortCount);
          for (const term of e.shortTerms) if (longCount) tf.set(term, (tf.get(term) ?? 0) + p.abbreviationWeight * longCount);
        }
      }
      if (p.refNumberWeight > 0) for (const n of chunk.refs ?? []) tf.set(refTerm(n), 1);
      if (p.sectionWeight > 0 && chunk.section) {
        const heading = tokenize(chunk.section);
        for (const term of heading) tf.set(term, (tf.get(term) ?? 0) + p.sectionWeight);
        length += p.sectionWeight * heading.length;
      }
      lengths[doc] = length;
      for (const [term, count] of tf) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(doc);
        list.tfs.push(count);
      }
    }
    let total = 0;
    for (const length of lengths) total += length;
    const avg = chunks.length > 0 ? total / chunks.length || 1 : 1;
    const norm = new Float32Array(chunks.length);
    for (let i = 0; i < norm.length; i++) norm[i] = p.k1 * (1 - p.b + (p.b * lengths[i]!) / avg);
    const index = new Bm25Index(p, norm);
    const n = chunks.length;
    for (const [term, list] of lists) {
      const df = list.docs.length;
      index.postings.set(term, {
        docs: Uint32Array.from(list.docs),
        tfs: Float32Array.from(list.tfs),
        // Lucene's non-negative idf.
        idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
      });
    }
    return index;
  }

  /** Query text → weighted terms (a term repeated in the query counts once per occurrence). */
  queryTerms(query: string): WeightedTerms {
    const terms: WeightedTerms = new Map();
    for (const term of tokenize(query)) terms.set(term, (terms.get(term) ?? 0) + 1);
    if (this.params.refNumberWeight > 0) {
      for (const n of referenceNumbersIn(query)) terms.set(refTerm(n), this.params.refNumberWeight);
    }
    return terms;
  }

  idf(term: string): number {
    return this.postings.get(term)?.idf ?? 0;
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /**
   * Scores of every document that contains a query term, accumulated over the postings lists only.
   * `scores` holds all documents (0 for the untouched); `touched` lists the documents that matched.
   */
  scoreAll(terms: WeightedTerms, allowed?: Uint8Array): { scores: Float32Array; touched: number[] } {
    const scores = new Float32Array(this.size);
    const touched: number[] = [];
    const k1p1 = this.params.k1 + 1;
    for (const [term, weight] of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const w = weight * list.idf;
      const { docs, tfs } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (allowed && !allowed[doc]) continue;
        const tf = tfs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (w * tf * k1p1) / (tf + this.norm[doc]!);
      }
    }
    return { scores, touched };
  }

  /** The `k` best documents for a query, best first; `allowed[i] = 0` excludes document i. */
  search(query: string | WeightedTerms, k: number, allowed?: Uint8Array): ScoredIndex[] {
    const terms = typeof query === "string" ? this.queryTerms(query) : query;
    const { scores, touched } = this.scoreAll(terms, allowed);
    return topK(touched, scores, k);
  }
}

/**
 * The k highest-scoring of `candidates`, best first (ties: lower index first, for stable output).
 * A bounded min-heap: O(n log k) with no allocation per candidate, as common query words can touch
 * most of a 30,000-chunk index.
 */
export function topK(candidates: readonly number[], scores: ArrayLike<number>, k: number): ScoredIndex[] {
  if (k <= 0 || candidates.length === 0) return [];
  // heap[0] is the worst of the best k so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const index of candidates) {
    // Fast path: most candidates score below the current k-th best.
    if (heap.length === k && scores[index]! < scores[heap[0]!]!) continue;
    if (heap.length < k) {
      heap.push(index);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(heap[0]!, index)) {
      heap[0] = index;
      siftDown(0);
    }
  }
  return heap
    .map((index) => ({ index, score: scores[index]! }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
}
