// The abbreviations each document defines — "solid lipid nanoparticles (SLNs)", found by
// src/index/abbreviations.ts — as analyzer terms, so that "SLN-DTX develops …" answers a question about
// "docetaxel-loaded solid lipid nanoparticles" and a question's "TNBC" is searched with its long form.
// Only a printed definition counts, never a phrase that merely has an acronym's initials ("HSA" is not
// "high surface area" because a review happens to say that), and a document's own definition is the
// one read in it: two papers may use one short form for two things.
import { findAbbreviations, isShortFormShaped } from "../index/abbreviations.ts";
import { contentTerms } from "./question-terms.ts";

export interface AbbreviationTerms {
  /** Analyzer term of the short form, e.g. "sln" for "SLNs". */
  term: string;
  /** Analyzer terms of the long form, e.g. ["solid", "lipid", "nanoparticl"]. */
  expansion: string[];
  /** The long form as the document prints it, e.g. "solid lipid nanoparticles". */
  long: string;
}

export type AbbreviationMap = ReadonlyMap<string, AbbreviationTerms>;

/** The analyzer term of a short form: "P-gp" is one term ("pgp") only when its hyphen goes. */
function shortFormTerm(short: string): string | undefined {
  const terms = contentTerms(short);
  return terms.length === 1 ? terms[0] : contentTerms(short.replace(/-/g, ""))[0];
}

/** Abbreviations one text defines, by their short-form term; the first definition wins. */
export function abbreviationTerms(text: string): Map<string, AbbreviationTerms> {
  const found = new Map<string, AbbreviationTerms>();
  for (const { short, long } of findAbbreviations(text)) {
    const term = shortFormTerm(short);
    const expansion = contentTerms(long).filter((t) => t !== term);
    if (!term || expansion.length === 0 || found.has(term)) continue;
    found.set(term, { term, expansion, long });
  }
  return found;
}

/** The narrower of two definitions when they name one thing ("P-glycoprotein" in "MDR1/P-glycoprotein"), else null. */
function common(a: AbbreviationTerms, b: AbbreviationTerms): AbbreviationTerms | null {
  const [narrow, wide] = a.expansion.length <= b.expansion.length ? [a, b] : [b, a];
  const wideTerms = new Set(wide.expansion);
  return narrow.expansion.every((t) => wideTerms.has(t)) ? narrow : null;
}

/** Shortest short form a question is searched with the long form of. */
const MIN_EXPANDED_LENGTH = 3;

// A word of a question, kept whole with inner hyphens and slashes ("P-gp", "MoS2", "SLNs").
const QUESTION_WORD = /[\p{L}\p{N}]+(?:[-/+][\p{L}\p{N}]+)*/gu;

/** What each document of a corpus defines, and what all documents defining a short form agree it means. */
export class DocumentAbbreviations {
  private readonly byDocument = new Map<string, AbbreviationMap>();
  /** Short-form term → the meaning every document defining it agrees on; null when two disagree. */
  private readonly agreed = new Map<string, AbbreviationTerms | null>();

  constructor(documents: readonly { id: string; text: string }[]) {
    const own = documents.map((doc) => ({ id: doc.id, defined: abbreviationTerms(doc.text) }));
    for (const { defined } of own) {
      for (const [term, definition] of defined) {
        const seen = this.agreed.get(term);
        this.agreed.set(term, seen === undefined ? definition : seen && common(seen, definition));
      }
    }
    // A document reads its own definitions, and the agreed meaning of short forms it uses undefined.
    const shared = new Map([...this.agreed].flatMap(([term, definition]) => (definition ? [[term, definition] as const] : [])));
    for (const { id, defined } of own) this.byDocument.set(id, new Map([...shared, ...defined]));
  }

  /** The abbreviations read in a document's sentences. */
  of(docId: string): AbbreviationMap {
    return this.byDocument.get(docId) ?? new Map();
  }

  /**
   * The question with each short form the documents define — and agree on — preceded by its long
   * form, as a definition is printed; a short form no document defines, or that two define
   * differently, is left as asked (each document's passages still match it in their own sense).
   *
   * @example
   * abbreviations.expandQuestion("Is TNBC treatable?") // "Is triple-negative breast cancer (TNBC) treatable?"
   */
  expandQuestion(question: string): string {
    const asked = new Set(contentTerms(question));
    return question.replace(QUESTION_WORD, (word) => {
      // Two characters ("E2", "HA") name too many things to spell out: "cyclin E2" is no estradiol.
      if (word.length < MIN_EXPANDED_LENGTH || !isShortFormShaped(word)) return word;
      const term = shortFormTerm(word);
      const definition = term ? this.agreed.get(term) : undefined;
      if (!definition || definition.expansion.every((t) => asked.has(t))) return word;
      return `${definition.long} (${word})`;
    });
  }
}
