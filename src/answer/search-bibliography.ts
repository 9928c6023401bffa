// Search the reviews' reference lists by author, title words, journal, year or DOI. Every query
// word must match the entry somewhere, so "Granja 2022" finds one entry, not every 2022 paper.
import { stemmer } from "stemmer";
import type { Corpus, ReferenceWithDoc } from "../store/corpus.ts";
import { isStopword } from "./question-terms.ts";

export interface BibliographyHit extends ReferenceWithDoc {
  score: number;
}

export interface BibliographySearchOptions {
  docs?: string[];
  limit?: number;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/i;
const WORD = /[\p{L}\p{N}]+/gu;
const WEIGHT = { doi: 10, author: 3, year: 2, journal: 2, title: 1, text: 0.5 } as const;

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
const wordsOf = (text: string) => [...fold(text).matchAll(WORD)].map((m) => m[0]);

/** Name parts of printed authors: "Aly S" → aly; "D. N. Kumar" → kumar; "El-Kamel AH" → el, kamel, elkamel. */
export function authorNameParts(authors: readonly string[]): Set<string> {
  const parts = new Set<string>();
  for (const author of authors) {
    for (const token of author.split(/[\s.,]+/)) {
      // All-capital tokens of up to three letters are initials, not names.
      if (!/\p{Ll}/u.test(token) || token.length < 2) continue;
      const folded = fold(token);
      parts.add(folded.replace(/[^\p{L}\p{N}]/gu, ""));
      for (const piece of wordsOf(folded)) parts.add(piece);
    }
  }
  return parts;
}

interface EntryFields {
  entry: ReferenceWithDoc;
  authors: Set<string>;
  journal: string[];
  title: Set<string>;
  text: Set<string>;
}

/** Indexed reference lists; build once per loaded corpus. */
export class BibliographyIndex {
  private readonly entries: EntryFields[] = [];

  constructor(corpus: Corpus) {
    for (const doc of corpus.documents) {
      for (const ref of doc.references) this.entries.push(fieldsOf({ docId: doc.meta.id, ...ref }));
    }
  }

  search(query: string, options: BibliographySearchOptions = {}): BibliographyHit[] {
    const doi = DOI.exec(query)?.[1]?.replace(/[.,;)]+$/, "").toLowerCase();
    const rest = doi ? query.replace(DOI, " ") : query;
    const words = wordsOf(rest).filter((w) => !isStopword(w) || /^\d+$/.test(w));
    if (!doi && words.length === 0) return [];
    const hits: BibliographyHit[] = [];
    for (const fields of this.entries) {
      if (options.docs?.length && !options.docs.includes(fields.entry.docId)) continue;
      let score = 0;
      if (doi) {
        if (!fields.entry.doi || !fields.entry.doi.toLowerCase().startsWith(doi)) continue;
        score += WEIGHT.doi;
      }
      let all = true;
      for (const word of words) {
        const s = scoreWord(word, fields);
        if (s === 0) {
          all = false;
          break;
        }
        score += s;
      }
      if (all) hits.push({ ...fields.entry, score });
    }
    hits.sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId) || a.n - b.n);
    return hits.slice(0, options.limit ?? 20);
  }

  /** Entries one of whose authors carries this surname (any position in the author list). */
  byAuthor(surname: string, docs?: string[]): ReferenceWithDoc[] {
    const name = fold(surname).replace(/[^\p{L}\p{N}]/gu, "");
    return this.entries
      .filter((fields) => (!docs?.length || docs.includes(fields.entry.docId)) && fields.authors.has(name))
      .map((fields) => fields.entry);
  }
}

function fieldsOf(entry: ReferenceWithDoc): EntryFields {
  return {
    entry,
    authors: authorNameParts(entry.authors),
    journal: wordsOf(entry.journal ?? ""),
    title: new Set(wordsOf(entry.title ?? "").map((w) => stemmer(w))),
    text: new Set(wordsOf(entry.text)),
  };
}

function scoreWord(word: string, fields: EntryFields): number {
  const { entry } = fields;
  if (/^(19|20)\d{2}$/.test(word) && entry.year === Number(word)) return WEIGHT.year;
  if (fields.authors.has(word)) return WEIGHT.author;
  // Journal abbreviations: "pharm" matches "Pharm", "pharmaceutics" matches "Pharm." too.
  if (fields.journal.some((jw) => jw === word || (jw.length >= 3 && word.startsWith(jw)) || (word.length >= 4 && jw.startsWith(word)))) {
    return WEIGHT.journal;
  }
  if (fields.title.has(stemmer(word))) return WEIGHT.title;
  if (fields.text.has(word)) return WEIGHT.text;
  return 0;
}
