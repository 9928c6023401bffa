// Everything answering reads, built once per loaded index: the corpus, the search engine, and the
// answer-side lookups precomputed at load (sentence terms, bibliography fields, document names).
import { DocumentMentions } from "../retrieve/document-mentions.ts";
import type { SearchOptions } from "../retrieve/search-engine.ts";
import type { Corpus } from "../store/corpus.ts";
import type { SearchResult } from "../types.ts";
import { DocumentAbbreviations } from "./abbreviations.ts";
import { contentTerms } from "./question-terms.ts";
import { BibliographyIndex } from "./search-bibliography.ts";
import { SentenceIndex } from "./sentence-index.ts";

/** The part of the search engine answering needs; any retriever with this shape will do. */
export interface PassageSearch {
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** The query's similarity to each sentence window of some chunks, in window order (retrievers with an embedder). */
  windowSimilarities?(query: string, chunkIds: readonly string[], options?: { searchedOnly?: boolean }): Promise<Map<string, { text: string; similarity: number }[]>>;
  /** The retriever's recogniser of documents a question names (the search engine's); reused when it knows the corpus's documents. */
  readonly mentions?: DocumentMentions;
}

export interface AnswerResources {
  corpus: Corpus;
  search: PassageSearch;
  sentences: SentenceIndex;
  bibliography: BibliographyIndex;
  mentions: DocumentMentions;
  /** Terms of every reference entry: what the reviews cite is within their scope too. */
  citedVocabulary: Set<string>;
  /** The abbreviations each document defines ("triple-negative breast cancer (TNBC)"). */
  abbreviations: DocumentAbbreviations;
}

export function createAnswerResources(corpus: Corpus, search: PassageSearch): AnswerResources {
  const metas = corpus.documents.map((doc) => doc.meta);
  const mentions = search.mentions?.recognises(metas.map((meta) => meta.id)) ? search.mentions : new DocumentMentions(metas);
  const abbreviations = new DocumentAbbreviations(corpus.documents.map((doc) => ({ id: doc.meta.id, text: doc.text })));
  return {
    corpus,
    search,
    sentences: new SentenceIndex(corpus.chunks, abbreviations),
    bibliography: new BibliographyIndex(corpus),
    mentions,
    citedVocabulary: new Set(corpus.documents.flatMap((doc) => doc.references.flatMap((ref) => contentTerms(ref.text)))),
    abbreviations,
  };
}

/** "Guan et al. (2024)": ids are `<first author's surname><year>`, so the label needs no author parsing. */
export function documentLabel(corpus: Corpus, docId: string): string {
  const doc = corpus.document(docId);
  const surname = /^[a-z]+/.exec(docId)?.[0] ?? docId;
  const name = surname.charAt(0).toUpperCase() + surname.slice(1);
  return doc?.meta.year ? `${name} et al. (${doc.meta.year})` : `${name} et al.`;
}
