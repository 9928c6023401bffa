// The abbreviations the reviews define (found by src/index/abbreviations.ts), as analyzer terms, so
// that "SLN-DTX develops …" answers a question about "docetaxel-loaded solid lipid nanoparticles"
// and "TNBC" matches "triple-negative breast cancer" when sentences are scored.
import { findAbbreviations } from "../index/abbreviations.ts";
import { contentTerms } from "./question-terms.ts";

export interface AbbreviationTerms {
  /** Analyzer term of the short form, e.g. "sln" for "SLNs". */
  term: string;
  /** Analyzer terms of the long form, e.g. ["solid", "lipid", "nanoparticl"]. */
  expansion: string[];
}

/** Abbreviations defined in the texts, by their short-form term; the first definition wins. */
export function abbreviationTerms(texts: readonly string[]): Map<string, AbbreviationTerms> {
  const found = new Map<string, AbbreviationTerms>();
  for (const text of texts) {
    for (const { short, long } of findAbbreviations(text)) {
      // "P-gp" is one term to the analyzer ("pgp") only when its hyphen goes.
      const terms = contentTerms(short);
      const term = terms.length === 1 ? terms[0] : contentTerms(short.replace(/-/g, ""))[0];
      const expansion = contentTerms(long).filter((t) => t !== term);
      if (!term || expansion.length === 0 || found.has(term)) continue;
      found.set(term, { term, expansion });
    }
  }
  return found;
}
