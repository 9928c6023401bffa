// Abbreviations the reviews define ("solid lipid nanoparticles (SLNs)", "docetaxel (DTX)"), found
// with the Schwartz–Hearst algorithm, so that "SLN-DTX develops …" answers a question about
// "docetaxel-loaded solid lipid nanoparticles", and "TNBC" matches "triple-negative breast cancer".
import { contentTerms } from "./question-terms.ts";

const DEFINITION = /\(([A-Za-z][A-Za-z0-9-]{1,11})\)/g;
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * The long form ending right before "(short)", or undefined: every letter and digit of the short
 * form must appear in order in the long form, the first one at the start of a word.
 */
export function matchLongForm(short: string, before: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  const maxWords = Math.min(short.length + 5, short.length * 2);
  const candidate = words.slice(-maxWords).join(" ");
  let s = short.length - 1;
  let l = candidate.length - 1;
  while (s >= 0) {
    const c = short[s]!.toLowerCase();
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (candidate[l]!.toLowerCase() !== c || (s === 0 && isAlnum(candidate[l - 1])))) l--;
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = candidate.lastIndexOf(" ", l) + 1;
  const long = candidate.slice(start).trim();
  // A long form no longer than its abbreviation, or one that spans a clause, is not a definition.
  if (long.length <= short.length || /[;:.()]/.test(long)) return undefined;
  return long;
}

export interface Abbreviation {
  /** Analyzer term of the short form, e.g. "sln" for "SLNs". */
  term: string;
  /** Analyzer terms of the long form, e.g. ["solid", "lipid", "nanoparticl"]. */
  expansion: string[];
}

/** Abbreviations defined in the texts, by their short-form term; the first definition wins. */
export function findAbbreviations(texts: readonly string[]): Map<string, Abbreviation> {
  const found = new Map<string, Abbreviation>();
  for (const text of texts) {
    for (const match of text.matchAll(DEFINITION)) {
      const short = match[1]!;
      if (!/\p{Lu}/u.test(short) || /^\d+$/.test(short)) continue;
      const long = matchLongForm(short, text.slice(Math.max(0, match.index! - 200), match.index!));
      if (!long) continue;
      const terms = contentTerms(short);
      const term = terms.length === 1 ? terms[0]! : contentTerms(short.replace(/-/g, "")).at(0);
      const expansion = contentTerms(long).filter((t) => t !== term);
      if (!term || expansion.length === 0 || found.has(term)) continue;
      found.set(term, { term, expansion });
    }
  }
  return found;
}
