// Author–year cites → entries of the reference list. A cite names the first author's surname, a
// year and perhaps a suffix ("2003a"), and tells the author count: "Smith" alone, "Smith and Lee"
// two, "Smith et al." three or more (APA, Harvard, Chicago author–date). Entries match on surname
// and year; a suffix, then the second author and the author count, pick among entries that share
// them ("Kübler, 2020" vs "Kübler et al., 2020"). A cite that matches no entry stays unresolved.
import type { ReferenceEntry } from "../../types.ts";
import type { AuthorYearWork } from "./find-author-year-citations.ts";
import { foldToAscii } from "../fold-to-ascii.ts";

interface EntryKey {
  n: number;
  /** Folded words of each author's surname, first author first. */
  surnames: string[][];
  /** Printed author count; Infinity when the list abbreviates with "et al."; null when unknown. */
  authorCount: number | null;
  year: number | null;
  suffix: string;
}

const words = (text: string): string[] =>
  foldToAscii(text.normalize("NFKC"))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** "Abdalmalak, A." / "Aly S" / "D. N. Kumar" / "Millán José del, R." → the surname's words. */
function surnameWords(author: string): string[] {
  const tokens = author.split(/[\s,]+/).filter(Boolean);
  // Initials: "A.", "S", "DN", "J.-P.", "R" — capitals only, at most three, dots and hyphens between.
  const kept = tokens.filter((token) => !/^(?:\p{Lu}\.?-?){1,3}$/u.test(token));
  return words((kept.length ? kept : tokens).join(" "));
}

/** The author part of an entry's text: everything before its year or title. */
function authorsFromText(text: string): string[] {
  const head = text.split(/\(\s*(?:1[6-9]\d\d|20\d\d)|\b(?:1[6-9]\d\d|20\d\d)\b|[.:]\s+\p{Lu}\p{Ll}{3,}/u)[0] ?? "";
  // "Smith, J., Lee, K., and Park, H." → pairs; "Smith J, Lee K" → one per comma.
  const parts = head.split(/,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/).map((p) => p.trim()).filter(Boolean);
  const names: string[] = [];
  for (const part of parts) {
    if (/^(?:\p{Lu}\.?-?\s*){1,3}$/u.test(part) && names.length) names[names.length - 1] += `, ${part}`;
    else if (!/^et\.? al\.?$/i.test(part)) names.push(part);
  }
  return names;
}

function keyOf(entry: ReferenceEntry): EntryKey {
  const authors = entry.authors.length ? entry.authors : authorsFromText(entry.text);
  const abbreviated = /\bet\.?\s+al\b/i.test(entry.text.slice(0, 400)) || authors.some((a) => /\bet\.? al\b/i.test(a));
  const printedYear = /\b(1[6-9]\d\d|20\d\d)([a-z]?)\b/.exec(entry.label ?? "") ?? /\(\s*(1[6-9]\d\d|20\d\d)([a-z]?)\s*\)/.exec(entry.text);
  const year = entry.year ?? (printedYear ? Number(printedYear[1]) : null);
  const suffix = year !== null ? (new RegExp(`\\b${year}([a-z])\\b`).exec(entry.label ?? entry.text)?.[1] ?? "") : "";
  return {
    n: entry.n,
    surnames: authors.map(surnameWords),
    authorCount: abbreviated ? Infinity : authors.length || null,
    year,
    suffix,
  };
}

const startsWith = (hay: string[], needle: string[]) => needle.length > 0 && needle.every((word, i) => hay[i] === word);
const endsWith = (hay: string[], needle: string[]) => startsWith(hay.slice(hay.length - needle.length), needle);
/** A cited surname names an author when it is the surname, or opens or closes it ("Van Erp" / "Erp"). */
const names = (surname: string[] | undefined, cited: string[]) => Boolean(surname) && (startsWith(surname!, cited) || endsWith(surname!, cited));

export interface AuthorYearMatcher {
  /** Entry numbers a cited work resolves to; empty when none matches. Ambiguous cites keep every candidate. */
  resolve(work: AuthorYearWork): number[];
}

export function matchAuthorYearEntries(references: readonly ReferenceEntry[]): AuthorYearMatcher {
  const keys = references.map(keyOf);
  return {
    resolve(work: AuthorYearWork): number[] {
      const printed = words(work.surname);
      // "See Lee", "Recently Smith": drop leading words until a surname matches.
      let candidates: EntryKey[] = [];
      for (let from = 0; from < printed.length && !candidates.length; from++) {
        const cited = printed.slice(from);
        // "in press" and "n.d." match an entry of that surname that prints no year.
        candidates = keys.filter((key) => key.year === work.year && names(key.surnames[0], cited));
      }
      if (candidates.length > 1 && work.suffix) {
        const suffixed = candidates.filter((key) => key.suffix === work.suffix);
        // A list that prints no suffixes orders same-year entries as the text letters them.
        const byOrder = candidates.every((key) => !key.suffix) ? candidates[work.suffix.charCodeAt(0) - 97] : undefined;
        candidates = suffixed.length ? suffixed : byOrder ? [byOrder] : candidates;
      }
      if (candidates.length > 1) {
        const co = work.coAuthor ? words(work.coAuthor) : [];
        const fits = candidates.filter((key) =>
          work.coAuthor
            ? names(key.surnames[1], co) && (key.authorCount === null || key.authorCount === 2)
            : work.etAl
              ? key.authorCount === null || key.authorCount >= 3
              : key.authorCount === 1,
        );
        if (fits.length) candidates = fits;
      }
      return candidates.map((key) => key.n);
    },
  };
}
