// Cross-review identity of a cited paper: its DOI when known, else the normalised first
// author's surname + year + journal + volume. Journal names are compared token by token with
// abbreviations allowed ("Drug Resist Update" ≈ "Drug Resist. Updates").
import type { ReferenceEntry } from "../../types.ts";
import { foldToAscii } from "../fold-to-ascii.ts";

const PARTICLES = new Set(["van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "dos", "du", "ter", "ten"]);
const INITIALS = /^(?:\p{Lu}\.?)(?:-?\p{L}\.)*$/u;
const VANCOUVER_INITIALS = /^\p{Lu}{1,4}$/u;

/** Surname of an author as printed: "Aly S", "S. Dallavalle", "P. Ter Brugge", "Chao Guan". */
export function surnameOf(author: string): string {
  // Inverted names print the surname before a comma: "Smith, J. A.", "van den Berg, A.".
  if (author.includes(",")) return author.slice(0, author.indexOf(",")).trim();
  const tokens = author.trim().replace(/\s+/g, " ").split(" ").filter(Boolean);
  if (tokens.length === 0) return "";
  if (tokens.length >= 2 && VANCOUVER_INITIALS.test(tokens[tokens.length - 1]!)) {
    return tokens.slice(0, -1).join(" ");
  }
  let first = 0;
  while (first < tokens.length - 1 && INITIALS.test(tokens[first]!)) first++;
  if (first > 0) return tokens.slice(first).join(" ");
  // Given names first ("Chao Guan"): the last word, with any particles before it.
  let start = tokens.length - 1;
  while (start > 0 && PARTICLES.has(tokens[start - 1]!.toLowerCase())) start--;
  return tokens.slice(start).join(" ");
}

/** First initial of an author, uppercase, or "" when the name has none we can tell. */
export function firstInitialOf(author: string): string {
  if (author.includes(",")) return foldToAscii(author.slice(author.indexOf(",") + 1).trim()).charAt(0).toUpperCase();
  const tokens = author.trim().split(/\s+/).filter(Boolean);
  if (tokens.length >= 2 && VANCOUVER_INITIALS.test(tokens[tokens.length - 1]!)) return tokens[tokens.length - 1]![0]!;
  return foldToAscii(tokens[0] ?? "").charAt(0).toUpperCase();
}

/** "Dobričić" → "dobricic"; "Ter Brugge" → "terbrugge". */
export function normalizeName(name: string): string {
  return foldToAscii(name).toLowerCase().replace(/[^a-z]/g, "");
}

const JOURNAL_STOPWORDS = new Set(["the", "of", "and", "for", "in", "on", "a", "an", "de", "la"]);

/** Journal name as comparable tokens: "Drug Resist. Updates" → ["drug", "resist", "update"]. */
export function journalTokens(journal: string): string[] {
  return foldToAscii(journal)
    .toLowerCase()
    .replace(/\((?:basel|lond|weinh|print|online)\)/g, " ")
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((token) => token && !JOURNAL_STOPWORDS.has(token))
    .map((token) => (token.length > 3 && token.endsWith("s") && !token.endsWith("ss") ? token.slice(0, -1) : token));
}

export function normalizeJournal(journal: string): string {
  return journalTokens(journal).join(" ");
}

/** Same journal, allowing abbreviation of any word ("J" ≈ "journal", "resist" ≈ "resistance"). */
export function journalsMatch(a: string, b: string): boolean {
  const x = journalTokens(a);
  const y = journalTokens(b);
  if (!x.length || x.length !== y.length) return false;
  return x.every((token, i) => {
    const other = y[i]!;
    return token === other || token.startsWith(other) || other.startsWith(token);
  });
}

type Identity = Pick<ReferenceEntry, "authors" | "year" | "journal" | "volume" | "doi">;

/** Do two entries without a shared DOI describe the same paper? */
export function sameBibliographicPaper(a: Identity, b: Identity): boolean {
  const authorA = a.authors[0];
  const authorB = b.authors[0];
  if (!authorA || !authorB || a.year === undefined || a.year !== b.year || !a.journal || !b.journal) return false;
  if (normalizeName(surnameOf(authorA)) !== normalizeName(surnameOf(authorB))) return false;
  const initialA = firstInitialOf(authorA);
  const initialB = firstInitialOf(authorB);
  if (initialA && initialB && initialA !== initialB) return false;
  if (a.volume && b.volume && a.volume.toLowerCase() !== b.volume.toLowerCase()) return false;
  return journalsMatch(a.journal, b.journal);
}

/** `doi:<doi>` when known, else `bib:<surname>|<year>|<journal>|<volume>`, else `text:<…>`. */
export function paperKeyOf(entry: Omit<Identity, "authors"> & { authors: string[]; text: string }): string {
  if (entry.doi) return `doi:${entry.doi}`;
  const author = entry.authors[0];
  if (author && entry.year !== undefined && entry.journal) {
    return `bib:${normalizeName(surnameOf(author))}|${entry.year}|${normalizeJournal(entry.journal)}|${entry.volume ?? ""}`;
  }
  return `text:${foldToAscii(entry.text).toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().slice(0, 120)}`;
}
