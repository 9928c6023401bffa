// Sentence terms precomputed once per loaded index, so answering a question only intersects sets.
import type { Chunk, Sentence } from "../types.ts";
import { contentTerms } from "./question-terms.ts";

export interface IndexedSentence {
  chunkId: string;
  /** Position of the sentence inside its chunk. */
  index: number;
  sentence: Sentence;
  terms: Set<string>;
}

export class SentenceIndex {
  private readonly byChunk = new Map<string, IndexedSentence[]>();
  private readonly chunkTerms = new Map<string, Set<string>>();
  private readonly documentFrequency = new Map<string, number>();
  private sentenceCount = 0;

  constructor(chunks: readonly Chunk[]) {
    for (const chunk of chunks) {
      // A chunk without sentence records (should not happen, but old indexes may) reads as one sentence.
      const sentences: Sentence[] = chunk.sentences.length
        ? chunk.sentences
        : [{ text: chunk.text, refs: chunk.refs, start: chunk.start, end: chunk.end }];
      const indexed = sentences.map((sentence, index) => {
        const terms = new Set(contentTerms(sentence.text));
        for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
        return { chunkId: chunk.id, index, sentence, terms };
      });
      this.sentenceCount += indexed.length;
      this.byChunk.set(chunk.id, indexed);
      this.chunkTerms.set(chunk.id, new Set(indexed.flatMap((s) => [...s.terms])));
    }
  }

  sentencesOf(chunkId: string): IndexedSentence[] {
    return this.byChunk.get(chunkId) ?? [];
  }

  termsOfChunk(chunkId: string): Set<string> {
    return this.chunkTerms.get(chunkId) ?? new Set();
  }

  /** Sentence-level inverse document frequency; unseen terms weigh most. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.sentenceCount - df + 0.5) / (df + 0.5));
  }

  /** Share of the question's weight (idf) that `terms` contain, in [0, 1]. */
  coverage(questionTerms: readonly string[], terms: Set<string>): number {
    let total = 0;
    let matched = 0;
    for (const term of questionTerms) {
      const weight = this.idf(term);
      total += weight;
      if (terms.has(term)) matched += weight;
    }
    return total === 0 ? 0 : matched / total;
  }

  /** Is the term known anywhere in the corpus? */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }
}
