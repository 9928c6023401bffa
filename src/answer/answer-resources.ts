// Everything answering reads, built once per loaded index: the corpus, the search engine, and the
// answer-side lookups precomputed at load (sentence terms, bibliography fields, document names).
import type { SearchOptions } from "../retrieve/search-engine.ts";
import type { Corpus } from "../store/corpus.ts";
import type { SearchResult } from "../types.ts";
import { abbreviationTerms } from "./abbreviations.ts";
import { DocumentMentions } from "./document-mentions.ts";
import { contentTerms } from "./question-terms.ts";
import { BibliographyIndex } from "./search-bibliography.ts";
import { SentenceIndex } from "./sentence-index.ts";
import { SpelledOutAcronyms } from "./spelled-out-acronyms.ts";

/** The part of the search engine answering needs; any retriever with this shape will do. */
export interface PassageSearch {
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** The query's similarity to each sentence window of some chunks, in window order (retrievers with an embedder). */
  windowSimilarities?(query: string, chunkIds: readonly string[]): Promise<Map<string, { text: string; similarity: number }[]>>;
}

export interface AnswerResources {
  corpus: Corpus;
  search: PassageSearch;
  sentences: SentenceIndex;
  bibliography: BibliographyIndex;
  mentions: DocumentMentions;
  /** Terms of every reference entry: what the reviews cite is within their scope too. */
  citedVocabulary: Set<string>;
  /** Acronyms the reviews spell out but never print ("ACS", "EPR"). */
  acronyms: SpelledOutAcronyms;
}

export function createAnswerResources(corpus: Corpus, search: PassageSearch): AnswerResources {
  return {
    corpus,
    search,
    sentences: new SentenceIndex(corpus.chunks, abbreviationTerms(corpus.documents.map((doc) => doc.text))),
    bibliography: new BibliographyIndex(corpus),
    mentions: new DocumentMentions(corpus.documents),
    citedVocabulary: new Set(corpus.documents.flatMap((doc) => doc.references.flatMap((ref) => contentTerms(ref.text)))),
    acronyms: spelledOutAcronyms(corpus),
  };
}

function spelledOutAcronyms(corpus: Corpus): SpelledOutAcronyms {
  const sentences = corpus.chunks.flatMap((chunk) => chunk.sentences.map((sentence) => sentence.text));
  const printed = new Set(sentences.flatMap((text) => text.toLowerCase().match(/[a-z0-9]+/g) ?? []));
  // A word the corpus prints, alone or as the start of a longer token ("nct" in "NCT04305496").
  const prefixes = new Set([...printed].flatMap((word) => [3, 4, 5, 6].map((n) => (word.length > n ? word.slice(0, n) : ""))));
  return new SpelledOutAcronyms(sentences, (word) => printed.has(word) || prefixes.has(word));
}

/** "Guan et al. (2024)": ids are `<first author's surname><year>`, so the label needs no author parsing. */
export function documentLabel(corpus: Corpus, docId: string): string {
  const doc = corpus.document(docId);
  const surname = /^[a-z]+/.exec(docId)?.[0] ?? docId;
  const name = surname.charAt(0).toUpperCase() + surname.slice(1);
  return doc?.meta.year ? `${name} et al. (${doc.meta.year})` : `${name} et al.`;
}
