// One document's in-text citations, whatever their shape: the style is decided once per document
// from its body text and its reference list, then every paragraph, caption and table row is read
// with that style and each citation resolved to entry numbers. Numbered markers count each cited
// number once; author–year cites count each cited work once — resolved or not, so the quality
// record's "found" and "resolved" are honest.
import type { CitationStyle, ReferenceEntry } from "../../types.ts";
import { findAuthorYearCitations, findAuthorYearWorks } from "./find-author-year-citations.ts";
import { matchAuthorYearEntries } from "./match-author-year-entries.ts";
import { type NumberedCitationStyle, detectCitationStyle, findCitationMarkers, parseReferenceCell } from "./resolve-citation-markers.ts";

export interface FoundCitation {
  /** Offsets into the text searched. */
  start: number;
  end: number;
  /** Numbers or works this citation names. */
  cited: number;
  /** Of those, how many resolve to an entry. */
  resolved: number;
  /** Entry numbers it resolves to, ascending. */
  refs: number[];
}

export interface CitationFinder {
  style: CitationStyle;
  /** Citations in a paragraph, caption or table row, in order. */
  find(text: string): FoundCitation[];
  /** A table's References cell ("(40, 41)", "Smith et al., 2020"); null when it names nothing. */
  cell(text: string): FoundCitation | null;
}

/** Does the list name its entries by author and year (unnumbered, alphabetical)? */
export function isAuthorYearList(references: readonly ReferenceEntry[]): boolean {
  return references.length > 0 && references.filter((entry) => entry.label).length >= references.length / 2;
}

function cited(numbers: number[], entries: ReadonlySet<number>): Omit<FoundCitation, "start" | "end"> {
  const refs = numbers.filter((n) => entries.has(n));
  return { cited: numbers.length, resolved: refs.length, refs };
}

function numberedFinder(style: NumberedCitationStyle, references: readonly ReferenceEntry[]): CitationFinder {
  const entries = new Set(references.map((entry) => entry.n));
  // With no list, markers up to 999 are still found (and none resolves), so the record says so.
  const maxNumber = entries.size ? Math.max(...entries) : 999;
  return {
    style,
    find: (text) => findCitationMarkers(text, { style, maxNumber }).map((m) => ({ start: m.start, end: m.end, ...cited(m.numbers, entries) })),
    cell: (text) => {
      const numbers = parseReferenceCell(text, maxNumber);
      return numbers.length ? { start: 0, end: text.length, ...cited(numbers, entries) } : null;
    },
  };
}

function authorYearFinder(references: readonly ReferenceEntry[]): CitationFinder {
  const matcher = matchAuthorYearEntries(references);
  const resolve = (works: ReturnType<typeof findAuthorYearWorks>) => {
    const refs = new Set<number>();
    let resolved = 0;
    for (const work of works) {
      const matched = matcher.resolve(work);
      if (matched.length) resolved++;
      for (const n of matched) refs.add(n);
    }
    return { cited: works.length, resolved, refs: [...refs].sort((a, b) => a - b) };
  };
  return {
    style: "author-year",
    find: (text) => findAuthorYearCitations(text).map((c) => ({ start: c.start, end: c.end, ...resolve(c.works) })),
    cell: (text) => {
      const works = findAuthorYearWorks(text);
      return works.length ? { start: 0, end: text.length, ...resolve(works) } : null;
    },
  };
}

const NONE: CitationFinder = { style: "none", find: () => [], cell: () => null };

/**
 * The finder for one document. `prose` is its body text (paragraphs and captions). The style is the
 * one whose citations resolve to the most entries; with no list, the one that finds the most.
 */
export function createCitationFinder(prose: string, references: readonly ReferenceEntry[]): CitationFinder {
  const maxNumber = Math.max(0, ...references.map((entry) => entry.n));
  const numbered = numberedFinder(detectCitationStyle(prose, maxNumber || 999), references);
  const authorYear = authorYearFinder(references);
  const score = (finder: CitationFinder) =>
    finder.find(prose).reduce((sum, c) => sum + (references.length ? c.resolved : c.cited), 0);
  const numberedScore = references.length && isAuthorYearList(references) ? 0 : score(numbered);
  const authorYearScore = score(authorYear);
  if (numberedScore === 0 && authorYearScore === 0) {
    // Nothing resolves: keep the style of whatever was found, so the record shows it did not resolve.
    const found = (finder: CitationFinder) => finder.find(prose).reduce((sum, c) => sum + c.cited, 0);
    const numberedFound = references.length && isAuthorYearList(references) ? 0 : found(numbered);
    const authorYearFound = found(authorYear);
    if (!numberedFound && !authorYearFound) return NONE;
    return authorYearFound > numberedFound ? authorYear : numbered;
  }
  return authorYearScore > numberedScore ? authorYear : numbered;
}
